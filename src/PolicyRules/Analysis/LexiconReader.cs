using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PolicyRules.Analysis;

/// <summary>Reads lexicon files (<c>rules/lexicons/*.json</c>).</summary>
public static class LexiconReader
{
    /// <summary>Reads one lexicon.</summary>
    /// <exception cref="FormatException">The file is not a lexicon; the message says where and why.</exception>
    public static Lexicon Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        JObject root;
        try
        {
            using var json = new JsonTextReader(reader);
            root = JObject.Load(json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        }
        catch (JsonReaderException e)
        {
            throw new FormatException($"{source}({e.LineNumber},{e.LinePosition}): error PR1201: {e.Message}", e);
        }

        var language = root.Value<string>("language");
        if (language is not { Length: 2 })
        {
            throw Error(source, root, "PR1202", "a lexicon names its 'language' as a two-letter code (en, fr, es).");
        }

        if (root["sets"] is not JObject sets)
        {
            throw Error(source, root, "PR1203", "a lexicon has 'sets': an object of term lists.");
        }

        var read = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var set in sets.Properties())
        {
            if (set.Value is not JArray terms || terms.Any(t => t.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)t)))
            {
                throw Error(source, set, "PR1204", $"set '{set.Name}' is a list of non-empty strings.");
            }

            read[set.Name] = terms.Select(t => (string)t!).ToArray();
        }

        return new Lexicon(language, Words(root, "markers"), read, source) { GlueWords = Words(root, "glue") };
    }

    private static string[] Words(JObject root, string property) =>
        root[property] is JArray words ? words.Select(t => (string?)t ?? "").Where(t => t.Length > 0).ToArray() : [];

    private static FormatException Error(string source, JToken at, string code, string message)
    {
        var info = (IJsonLineInfo)at;
        return new FormatException($"{source}({info.LineNumber},{info.LinePosition}): error {code}: {message}");
    }
}
