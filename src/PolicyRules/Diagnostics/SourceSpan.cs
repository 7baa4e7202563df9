using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PolicyRules.Diagnostics;

/// <summary>Where a piece of input starts in its file.</summary>
/// <param name="File">The file, or null.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
public readonly record struct SourceSpan(string? File, int Line, int Column)
{
    /// <summary>Where a token of a JSON document read with line info starts (a property at its name, a value at its first character).</summary>
    public static SourceSpan Of(JToken token, string? file)
    {
        ArgumentNullException.ThrowIfNull(token);
        var info = (IJsonLineInfo)token;
        if (!info.HasLineInfo())
        {
            return new SourceSpan(file, 0, 0);
        }

        // Newtonsoft places a value at its last character and a property at the colon after its name; editors want the start.
        var column = token switch
        {
            JProperty property => info.LinePosition - JsonConvert.ToString(property.Name).Length - 1,
            JValue value => info.LinePosition - value.ToString(Formatting.None).Length,
            _ => info.LinePosition - 1,
        };
        return new SourceSpan(file, info.LineNumber, Math.Max(1, column + 1));
    }
}
