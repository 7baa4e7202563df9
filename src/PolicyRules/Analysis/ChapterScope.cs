using System.Globalization;
using System.Text.RegularExpressions;
using PolicyRules.Domain;

namespace PolicyRules.Analysis;

/// <summary>
/// The chapters a sentence limits itself to, and so the chapters it leaves out: "For the purposes of
/// Chapters 2 to 7, … nothing in this Agreement shall be construed to prevent …", "Para efectos de los
/// Capítulos 10 y 11", "Aux fins des chapitres 8 et 9". A general exception written per chapter group
/// answers only conflicts in those chapters: its goods limb does not reach the electronic-commerce
/// chapter.
/// </summary>
internal static partial class ChapterScope
{
    [GeneratedRegex(@"\b(?:for\s+(?:the\s+)?purposes?\s+of|para\s+(?:los\s+)?(?:efectos|fines)\s+de|a\s+efectos\s+de|aux\s+fins\s+d[eu]s?)\s+(?:the\s+|los\s+|les\s+)?(?:chapters?|cap[ií]tulos?|chapitres?)\s+(?=\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OpeningPattern();

    // One item of the list: a number, a range word, a joining word, a repeated "Chapter", or a name in parentheses.
    [GeneratedRegex(@"\G[\s,]*(?:(?<n>\d+)\b|(?<to>(?:to|through|al|a|à)\b|[-–])(?=\s*\d)|(?:and|y|e|et)\b|(?:chapters?|cap[ií]tulos?|chapitres?)\b|\((?<names>[^()]{1,400})\))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ItemPattern();

    // What may stand between the chapter names of one parenthesis: commas and joining words.
    [GeneratedRegex(@"^(?:[\s,;]|\b(?:and|y|e|et)\b)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SeparatorsOnlyPattern();

    [GeneratedRegex(@"^(?<n>\d+)\s*[.\-]\s*\d+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChapteredNumberPattern();

    /// <summary>
    /// The chapter each number stands for, where the draft numbers its articles by chapter ("10.2",
    /// "10-02"): every numbered article of a chapter starts with the same number, and no other chapter's do.
    /// </summary>
    public static IReadOnlyDictionary<int, string> Numbering(IEnumerable<Clause> clauses)
    {
        var prefixes = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var clause in clauses)
        {
            if (clause.Chapter is not { Length: > 0 } chapter)
            {
                continue;
            }

            // The article number when the draft gives one, else (or when it is not chaptered) the id.
            var m = ChapteredNumberPattern().Match(clause.Article ?? clause.Id);
            if (!m.Success && clause.Article is not null)
            {
                m = ChapteredNumberPattern().Match(clause.Id);
            }

            if (m.Success && int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                if (!prefixes.TryGetValue(chapter, out var set))
                {
                    prefixes[chapter] = set = [];
                }

                set.Add(n);
            }
        }

        var numbering = new Dictionary<int, string>();
        var taken = new HashSet<int>();
        foreach (var (chapter, set) in prefixes)
        {
            if (set.Count == 1 && !numbering.TryAdd(set.First(), chapter))
            {
                taken.Add(set.First());
            }
        }

        foreach (var n in taken)
        {
            numbering.Remove(n);
        }

        return numbering;
    }

    /// <summary>Where the text opens a list of chapters ("For the purposes of Chapters …"), in order.</summary>
    public static Match[] Openings(string text) =>
        text.Contains("cap", StringComparison.OrdinalIgnoreCase) || text.Contains("chap", StringComparison.OrdinalIgnoreCase)
            ? OpeningPattern().Matches(text).ToArray()
            : [];

    /// <summary>
    /// The chapters (by the draft's names) that the sentence around <paramref name="at"/> leaves out,
    /// from the last of <paramref name="openings"/> between the sentence's start and that place: the
    /// chapters numbered by their articles whose number the list does not give, or, where articles are
    /// not numbered by chapter, the chapters its names in parentheses do not name. Null when the
    /// sentence names no chapters or the draft does not say which chapters those are.
    /// </summary>
    public static HashSet<string>? Outside(string text, Match[] openings, int sentenceStart, int at, IReadOnlyDictionary<int, string> numbering, IReadOnlyCollection<string> chapters)
    {
        var opening = openings.LastOrDefault(m => m.Index >= sentenceStart && m.Index + m.Length <= at);
        if (opening is null)
        {
            return null;
        }

        var numbers = new List<int>();
        var groups = new List<string>();
        var pos = opening.Index + opening.Length;
        var range = false;
        for (var item = ItemPattern().Match(text, pos); item.Success && item.Length > 0 && pos < at; item = ItemPattern().Match(text, pos))
        {
            pos = item.Index + item.Length;
            if (item.Groups["n"].Success && int.TryParse(item.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                if (range && numbers.Count > 0 && n > numbers[^1] && n - numbers[^1] < 50)
                {
                    for (var k = numbers[^1] + 1; k < n; k++)
                    {
                        numbers.Add(k);
                    }
                }

                numbers.Add(n);
                range = false;
            }
            else if (item.Groups["to"].Success)
            {
                range = true;
            }
            else if (item.Groups["names"].Success)
            {
                groups.Add(item.Groups["names"].Value);
            }
        }

        if (numbers.Any(numbering.ContainsKey))
        {
            return numbering.Where(n => !numbers.Contains(n.Key)).Select(n => n.Value).ToHashSet(StringComparer.Ordinal);
        }

        // Without articles numbered by chapter, the names in parentheses say which chapters: each
        // parenthesis must hold the draft's chapter names and nothing else, one name per number.
        var limit = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var rest = group;
            foreach (var chapter in chapters.OrderByDescending(c => c.Length))
            {
                var found = rest.IndexOf(chapter.Trim(), StringComparison.OrdinalIgnoreCase);
                if (found >= 0)
                {
                    limit.Add(chapter);
                    rest = string.Concat(rest.AsSpan(0, found), ",", rest.AsSpan(found + chapter.Trim().Length));
                }
            }

            if (!SeparatorsOnlyPattern().IsMatch(rest))
            {
                return null;
            }
        }

        return limit.Count > 0 && limit.Count >= numbers.Count
            ? chapters.Where(c => !limit.Contains(c)).ToHashSet(StringComparer.Ordinal)
            : null;
    }
}
