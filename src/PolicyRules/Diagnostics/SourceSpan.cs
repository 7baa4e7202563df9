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
            JProperty property => info.LinePosition - QuotedLength(property.Name) - 1,
            JValue { Value: string text } => info.LinePosition - QuotedLength(text),
            JValue value => info.LinePosition - value.ToString(Formatting.None).Length,
            _ => info.LinePosition - 1,
        };
        return new SourceSpan(file, info.LineNumber, Math.Max(1, column + 1));
    }

    /// <summary>
    /// The length of <paramref name="text"/> written as a JSON string the way Newtonsoft writes it
    /// (quotes, <c>\"</c>, <c>\\</c>, <c>\n</c>-style and <c>\u00XX</c> escapes), counted rather than
    /// written: the parser asks for every property and value of a rulebook.
    /// </summary>
    internal static int QuotedLength(string text)
    {
        var length = text.Length + 2;
        foreach (var c in text)
        {
            if (c is '"' or '\\' or '\b' or '\t' or '\n' or '\f' or '\r')
            {
                length += 1;
            }
            else if (c < ' ' || c is '\u0085' or '\u2028' or '\u2029')
            {
                length += 5;
            }
        }

        return length;
    }
}
