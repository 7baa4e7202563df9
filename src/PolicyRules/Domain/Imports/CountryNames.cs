using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace PolicyRules.Domain.Imports;

/// <summary>
/// The parties a treaty text names: country names in English, Spanish and French with their codes
/// and development status (rules/vocabulary/countries.json), and groups that sign as one (the EFTA
/// States, MERCOSUR), read as their members. Names are matched as whole words, ignoring case and
/// accents, the longest name first ("Papua New Guinea" before "Guinea").
/// </summary>
internal sealed class CountryNames
{
    private readonly List<(string Folded, string[] Codes, bool Acronym)> _names;
    private readonly Dictionary<string, string> _status;

    private CountryNames(List<(string Folded, string[] Codes, bool Acronym)> names, Dictionary<string, string> status)
    {
        _names = names;
        _status = status;
    }

    public static CountryNames Default { get; } = Load();

    /// <summary>The development status of a party code, or null when the table does not know it.</summary>
    public string? StatusOf(string code) => _status.GetValueOrDefault(code);

    /// <summary>The codes of the countries named in a text, in order of first mention.</summary>
    public IReadOnlyList<string> Find(string text)
    {
        var folded = Fold(text);
        var cased = Fold(text, keepCase: true);
        var taken = new bool[folded.Length];
        var found = new List<(int At, string[] Codes)>();
        foreach (var (name, codes, acronym) in _names)
        {
            // An acronym counts only in capitals: "EU" is the Union, "eu" is French for "had".
            var haystack = acronym ? cased : folded;
            for (var at = haystack.IndexOf(name, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                var end = at + name.Length;
                if (!IsBoundary(folded, at - 1) || !IsBoundary(folded, end) || Array.IndexOf(taken, true, at, name.Length) >= 0)
                {
                    continue;
                }

                Array.Fill(taken, true, at, name.Length);
                found.Add((at, codes));
            }
        }

        return found.OrderBy(f => f.At).SelectMany(f => f.Codes).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static bool IsBoundary(string text, int index) => index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);

    /// <summary>Lower case without accents, apostrophes unified: "Côte d’Ivoire" and "COTE D'IVOIRE" fold alike.</summary>
    internal static string Fold(string text, bool keepCase = false)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c is '\u2019' or '\u2018' ? '\'' : keepCase ? c : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static (string, string[], bool) Name(string name, string[] codes) =>
        name.All(char.IsUpper) ? (Fold(name, keepCase: true), codes, true) : (Fold(name), codes, false);

    private static CountryNames Load()
    {
        using var stream = typeof(CountryNames).Assembly.GetManifestResourceStream("PolicyRules.vocabulary.countries.json")
            ?? throw new InvalidOperationException("The resource PolicyRules.vocabulary.countries.json is missing.");
        using var reader = new StreamReader(stream);
        var root = JObject.Parse(reader.ReadToEnd());
        var names = new List<(string, string[], bool)>();
        var status = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var country in root["countries"]!.Children<JObject>())
        {
            var code = (string)country["code"]!;
            status[code] = (string)country["status"]!;
            names.AddRange(country["names"]!.Values<string>().Select(n => Name(n!, [code])));
        }

        foreach (var group in root["groups"]?.Children<JObject>() ?? [])
        {
            var members = group["members"]!.Values<string>().Select(m => m!).ToArray();
            names.AddRange(group["names"]!.Values<string>().Select(n => Name(n!, members)));
        }

        // Longest first, so a name inside a longer one ("Guinea" in "Equatorial Guinea") is taken by the longer.
        names.Sort((a, b) => b.Item1.Length != a.Item1.Length ? b.Item1.Length.CompareTo(a.Item1.Length) : string.CompareOrdinal(a.Item1, b.Item1));
        return new CountryNames(names, status);
    }
}
