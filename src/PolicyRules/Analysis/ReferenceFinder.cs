using System.Text.RegularExpressions;

namespace PolicyRules.Analysis;

/// <summary>
/// Cross-references in clause text ("Article 2205", "artículo 12.3", "Annex 2106", "Annexe I"):
/// resolved to clause ids of the same draft where it holds them, else named as pointing outside.
/// </summary>
internal static partial class ReferenceFinder
{
    [GeneratedRegex(@"\b(?:Articles?|Art\.|Art[ií]culos?)\s+(?<n>\d+(?:[.\-]\d+)*[A-Z]?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ArticlePattern();

    // The first of "Annexes XVIa and XVIb" is named too: plurals, and numbers with a letter after them.
    // French and Spanish write the word in lower case in running text ("l'annexe 16", "el anexo I");
    // the designator stays case-sensitive, so "anexo a este Tratado" names no annex.
    [GeneratedRegex(@"\b(?<kind>[Aa]nnex(?:es?)?|[Aa]nexos?|[Aa]ppendix|[Aa]ppendices|[Aa]p[ée]ndices?|[Ss]chedules?)\s+(?<n>[IVXLC]+[a-z]?\b|\d+(?:[.\-]\d+)*[A-Z]?\b|[A-Z]\b)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnnexPattern();

    // "Article 9.10 (Performance Requirements)", "5 (National Treatment)", "Article XX (General
    // Exceptions)": a number followed by a capitalised title in parentheses names a provision.
    [GeneratedRegex(@"(?:\b\d+(?:[.\-]\d+)*[A-Z]?|\b[IVXLC]+)\s*\((?<title>\p{Lu}[^()]{0,100})\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CitedTitlePattern();

    /// <summary>
    /// Character spans of the titles that follow cited provisions: words that name a provision
    /// ("Article 9.10 (Performance Requirements)") are not what the clause itself says.
    /// </summary>
    public static List<(int Start, int End)> CitedTitles(string text)
    {
        var spans = new List<(int, int)>();
        foreach (Match m in CitedTitlePattern().Matches(text))
        {
            var title = m.Groups["title"];
            spans.Add((title.Index, title.Index + title.Length));
        }

        return spans;
    }

    public static (string[] Internal, string[] External) Find(string text, IReadOnlySet<string> clauseIds, IReadOnlyDictionary<string, string> annexClauses)
    {
        var inside = new SortedSet<string>(StringComparer.Ordinal);
        var outside = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in ArticlePattern().Matches(text))
        {
            var n = m.Groups["n"].Value;
            if (clauseIds.Contains(n))
            {
                inside.Add(n);
            }
        }

        foreach (Match m in AnnexPattern().Matches(text))
        {
            var name = $"Annex {m.Groups["n"].Value}";
            if (annexClauses.TryGetValue(name, out var id))
            {
                inside.Add(id);
            }
            else
            {
                outside.Add(name);
            }
        }

        return (inside.ToArray(), outside.ToArray());
    }

    /// <summary>Clauses that are annexes themselves (an id or title "Annex I …"), by their normalised name.</summary>
    public static Dictionary<string, string> AnnexClauses(IEnumerable<(string Id, string? Title)> clauses)
    {
        var annexes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, title) in clauses)
        {
            foreach (var candidate in new[] { id, title ?? "" })
            {
                var m = AnnexPattern().Match(candidate);
                if (m.Success && m.Index == 0)
                {
                    annexes.TryAdd($"Annex {m.Groups["n"].Value}", id);
                }
            }
        }

        return annexes;
    }
}
