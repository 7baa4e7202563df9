using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyRules.Domain.Imports;

/// <summary>
/// What a treaty text says of itself: its name (the title lines at the top), its type, the parties
/// its title and preamble name, and the date of signature ("Done at …, on 29 May 2008").
/// </summary>
internal static partial class AgreementHeader
{
    private const int TitleParagraphWords = 20;
    private const int PartySearchCharacters = 4000;

    /// <summary>The title: the first run of short lines at the top that names an agreement; the number of paragraphs it took.</summary>
    public static (string? Name, int Paragraphs) Title(IReadOnlyList<TreatyParagraph> front)
    {
        var start = 0;
        while (start < front.Count)
        {
            var end = start;
            while (end < front.Count && IsTitleLine(front[end].Text))
            {
                end++;
            }

            if (end > start)
            {
                var run = string.Join(" ", front.Skip(start).Take(end - start).Select(p => p.Text));
                if (AgreementWord().IsMatch(run))
                {
                    return (Tidy(run), end);
                }
            }

            start = end + 1;
        }

        return (null, 0);
    }

    /// <summary>FTA unless the name says otherwise: an economic partnership, an investment treaty, a protocol.</summary>
    public static string TypeOf(string? name)
    {
        var n = CountryNames.Fold(name ?? "");
        return n switch
        {
            _ when n.StartsWith("protocol", StringComparison.Ordinal) => "protocol",
            _ when n.Contains("comprehensive economic partnership", StringComparison.Ordinal) || n.Contains("asociacion economica integral", StringComparison.Ordinal) || n.Contains("partenariat economique global", StringComparison.Ordinal) => "CEPA",
            _ when n.Contains("economic partnership", StringComparison.Ordinal) || n.Contains("asociacion economica", StringComparison.Ordinal) || n.Contains("partenariat economique", StringComparison.Ordinal) => "EPA",
            _ when !n.Contains("trade", StringComparison.Ordinal) && !n.Contains("comercio", StringComparison.Ordinal) && !n.Contains("echange", StringComparison.Ordinal)
                && (n.Contains("investment", StringComparison.Ordinal) || n.Contains("inversion", StringComparison.Ordinal) || n.Contains("investissement", StringComparison.Ordinal)) => "BIT",
            _ => "FTA",
        };
    }

    /// <summary>The parties named in the title, or, when it names fewer than two, in the title and the preamble.</summary>
    public static IReadOnlyList<string> Parties(string? name, IReadOnlyList<TreatyParagraph> front, IReadOnlyList<ImportedClause> clauses)
    {
        var inTitle = name is null ? [] : CountryNames.Default.Find(name);
        if (inTitle.Count >= 2)
        {
            return inTitle;
        }

        var preamble = string.Join(" ", front.Select(p => p.Text).Concat(clauses.Where(c => c.Chapter == "Preamble").Select(c => c.Text)));
        var opening = preamble.Length > PartySearchCharacters ? preamble[..PartySearchCharacters] : preamble;
        return inTitle.Concat(CountryNames.Default.Find(opening)).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// The date of signature as an ISO date: the last date in the closing formula ("In witness
    /// whereof… Done at Lima, this 29th day of May, 2008"), else in the last paragraph that opens
    /// with "Done at"/"Hecho en"/"Fait à". A date elsewhere ("the WTO Agreement, done at Marrakesh
    /// on 15 April 1994") is not the agreement's own.
    /// </summary>
    public static string? Signed(IReadOnlyList<TreatyParagraph> closing, IReadOnlyList<TreatyParagraph> all)
    {
        var candidates = closing.Count > 0 ? closing : all.Where(p => SignedAt().IsMatch(p.Text)).ToList();
        return candidates.Select(p => p.Text).Reverse().Select(DateOf).FirstOrDefault(d => d is not null);
    }

    internal static string? DateOf(string text)
    {
        foreach (var regex in (Regex[])[DayMonthYear(), MonthDayYear()])
        {
            foreach (Match match in regex.Matches(text))
            {
                var month = Month(match.Groups["month"].Value);
                var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
                var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
                if (month > 0 && day is >= 1 and <= 31 && day <= DateTime.DaysInMonth(year, month))
                {
                    return new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }
            }
        }

        return null;
    }

    private static int Month(string name) => CountryNames.Fold(name) switch
    {
        "january" or "enero" or "janvier" => 1,
        "february" or "febrero" or "fevrier" => 2,
        "march" or "marzo" or "mars" => 3,
        "april" or "abril" or "avril" => 4,
        "may" or "mayo" or "mai" => 5,
        "june" or "junio" or "juin" => 6,
        "july" or "julio" or "juillet" => 7,
        "august" or "agosto" or "aout" => 8,
        "september" or "septiembre" or "setiembre" or "septembre" => 9,
        "october" or "octubre" or "octobre" => 10,
        "november" or "noviembre" or "novembre" => 11,
        "december" or "diciembre" or "decembre" => 12,
        _ => 0,
    };

    private static bool IsTitleLine(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words is > 0 and <= TitleParagraphWords && !text.EndsWith('.') && !text.EndsWith(',') && !text.EndsWith(';') && !text.EndsWith(':') && TreatyHeadings.Match(text) is null;
    }

    /// <summary>Spaces collapsed; an all-capitals title in title case, its small words lower ("Free Trade Agreement between Canada and…").</summary>
    private static string Tidy(string title)
    {
        var letters = title.Where(char.IsLetter).ToArray();
        if (letters.Length == 0 || letters.Count(char.IsUpper) < letters.Length * 0.8)
        {
            return title;
        }

        var words = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(title.ToLowerInvariant()).Split(' ');
        for (var i = 1; i < words.Length; i++)
        {
            if (SmallWords.Contains(words[i].ToLowerInvariant()))
            {
                words[i] = words[i].ToLowerInvariant();
            }
        }

        return string.Join(" ", words);
    }

    private static readonly HashSet<string> SmallWords =
        new(["and", "of", "the", "between", "on", "for", "to", "in", "y", "de", "del", "la", "el", "los", "las", "entre", "sobre", "et", "du", "des", "le", "les", "sur", "en"], StringComparer.Ordinal);

    [GeneratedRegex(@"\b(?:agreement|treaty|accord|acuerdo|tratado|convenio|convention|protocol|protocolo|protocole|arrangement)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AgreementWord();

    [GeneratedRegex(@"^(?:done|signed|hecho|firmado|suscrito|fait|sign[ée])\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SignedAt();

    // "29 May 2008", "29th day of May, 2008", "29 de mayo de 2008", "1er mai 2008".
    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th|er|º)?\s+(?:day\s+of\s+|de\s+)?(?<month>[A-Za-zéûÉÛ]{3,10}),?\s+(?:de\s+|del\s+|of\s+)?(?<year>\d{4})\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DayMonthYear();

    // "May 29, 2008".
    [GeneratedRegex(@"\b(?<month>[A-Za-z]{3,10})\s+(?<day>\d{1,2}),?\s+(?<year>\d{4})\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MonthDayYear();
}
