using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PolicyRules.Diagnostics;

/// <summary>Where a piece of syntax starts in its file.</summary>
/// <param name="File">The file, or null.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
public readonly record struct SourceSpan(string? File, int Line, int Column)
{
    internal static SourceSpan Of(JToken token, string? file)
    {
        // Newtonsoft reports the position after a token; a property's value is where users look.
        var info = (IJsonLineInfo)token;
        return info.HasLineInfo() ? new SourceSpan(file, info.LineNumber, info.LinePosition) : new SourceSpan(file, 0, 0);
    }
}
