using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PolicyRules.Cli;

/// <summary>
/// <c>--perspective</c>: sets a draft's <c>perspective</c> in its text before it is read, keeping every
/// other line and column where it was so diagnostics still point at the file.
/// </summary>
internal static class PerspectiveOverride
{
    public static string Apply(string text, string party)
    {
        JObject root;
        try
        {
            if (JToken.Parse(text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, CommentHandling = CommentHandling.Ignore }) is not JObject obj)
            {
                return text;
            }

            root = obj;
        }
        catch (JsonReaderException)
        {
            return text; // the reader reports it
        }

        var value = JsonConvert.ToString(party);
        if (root.Property("perspective") is { Value: JValue existing } && Offset(text, existing) is { } offset)
        {
            var raw = existing.ToString(Formatting.None);
            if (string.CompareOrdinal(text, offset, raw, 0, raw.Length) == 0)
            {
                return string.Concat(text.AsSpan(0, offset), value, text.AsSpan(offset + raw.Length));
            }
        }
        else if (root.Property("perspective") is null && root.HasValues)
        {
            var brace = text.IndexOf('{', StringComparison.Ordinal);
            return string.Concat(text.AsSpan(0, brace + 1), $" \"perspective\": {value},", text.AsSpan(brace + 1));
        }

        // Anything unusual: rewrite the whole draft (lines may move).
        root["perspective"] = party;
        return root.ToString(Formatting.Indented);
    }

    private static int? Offset(string text, JValue token)
    {
        var info = (IJsonLineInfo)token;
        if (!info.HasLineInfo())
        {
            return null;
        }

        var lineStart = 0;
        for (var line = 1; line < info.LineNumber; line++)
        {
            var next = text.IndexOf('\n', lineStart);
            if (next < 0)
            {
                return null;
            }

            lineStart = next + 1;
        }

        // Newtonsoft places a value at its last character.
        var start = lineStart + info.LinePosition - token.ToString(Formatting.None).Length;
        return start >= 0 && start < text.Length ? start : null;
    }
}
