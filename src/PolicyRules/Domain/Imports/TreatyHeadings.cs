using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyRules.Domain.Imports;

/// <summary>
/// The headings that structure a treaty text, in English, Spanish and French: chapters and parts,
/// sections, articles, annexes, the preamble. A line is a heading only when what follows the
/// number reads as a title (short, capitalised) or nothing: "Article 5 shall apply…" is a sentence.
/// </summary>
internal static partial class TreatyHeadings
{
    private const int TitleWords = 16;

    public static TreatyHeading? Match(string line)
    {
        foreach (var (kind, regex) in Patterns)
        {
            var match = regex.Match(line);
            if (!match.Success)
            {
                continue;
            }

            var rest = match.Groups["rest"].Value.Trim();
            if (rest.Length > 0 && ReadsAsSentence(rest))
            {
                return null;
            }

            var number = match.Groups["num"].Value;
            var (title, text) = rest.Length == 0 || LooksLikeTitle(rest) ? (rest, "") : ("", rest);
            return new TreatyHeading(kind, Normalise(number), match.Groups["word"].Value, title, text);
        }

        return null;
    }

    /// <summary>A short line that can be the title of the heading before it: no sentence, no numbered paragraph.</summary>
    public static bool LooksLikeTitle(string text) =>
        text.Length > 0
        && Words(text) <= TitleWords
        && StartsAsTitle(text)
        && !text.EndsWith(';') && !text.EndsWith(',') && !text.EndsWith(':')
        && !(text.EndsWith('.') && Words(text) > 6)
        && !NumberedParagraph().IsMatch(text)
        && Match(text) is null;

    /// <summary>"1.", "(a)", "2)" at the start of a paragraph.</summary>
    public static bool StartsNumberedParagraph(string text) => NumberedParagraph().IsMatch(text);

    private static bool StartsAsTitle(string text) => !char.IsLower(text[0]);

    /// <summary>
    /// What follows a heading word and number continues a sentence: "Article 5 shall apply", "Article
    /// 2, paragraph 1 of…", "Article 20.4 (Disclosure of Information) does not apply…". A title alone
    /// in brackets ("Article 20.4 (Disclosure of Information)") is still a heading.
    /// </summary>
    private static bool ReadsAsSentence(string rest)
    {
        if (rest[0] is ',' or ';')
        {
            return true;
        }

        var after = LeadingParenthesis().Replace(rest, "");
        return after.Length > 0 && char.IsLower(after[0]);
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>"1º", "1." and "1er" read as 1, "premier", "primero" and "ONE" as 1, "TWENTY-TWO" as 22; "9-2" and "G-01" kept as written.</summary>
    private static string Normalise(string number)
    {
        var n = number.Trim().TrimEnd('.', 'º', '°');
        if (n.Length == 0)
        {
            return "";
        }

        var folded = CountryNames.Fold(n);
        if (Ordinals.TryGetValue(folded, out var ordinal))
        {
            return ordinal.ToString(CultureInfo.InvariantCulture);
        }

        var parts = folded.Split('-');
        if (parts.All(Cardinals.ContainsKey))
        {
            return parts.Sum(p => Cardinals[p]).ToString(CultureInfo.InvariantCulture);
        }

        return n;
    }

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["premier"] = 1, ["premiere"] = 1, ["1er"] = 1, ["1re"] = 1, ["1ere"] = 1, ["primero"] = 1, ["primer"] = 1, ["unique"] = 1, ["unico"] = 1, ["first"] = 1,
        ["segundo"] = 2, ["tercero"] = 3, ["cuarto"] = 4, ["quinto"] = 5, ["sexto"] = 6, ["septimo"] = 7, ["octavo"] = 8, ["noveno"] = 9, ["decimo"] = 10,
    };

    private static readonly Dictionary<string, int> Cardinals = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
    };

    private static readonly (TreatyHeadingKind Kind, Regex Regex)[] Patterns =
    [
        (TreatyHeadingKind.Article, Article()),
        (TreatyHeadingKind.Chapter, Chapter()),
        (TreatyHeadingKind.Section, Section()),
        (TreatyHeadingKind.Annex, Annex()),
        (TreatyHeadingKind.Preamble, Preamble()),
        (TreatyHeadingKind.Testimonium, Testimonium()),
    ];

    // "Fifteen", "TWENTY-TWO": chapters numbered in words, up to fifty-nine.
    private const string NumberWords = "(?i:(?:twenty|thirty|forty|fifty)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)";

    // "premier", "Primero", "SEGUNDO": articles numbered by ordinals (French first only; Spanish to the tenth).
    private const string OrdinalWords = "(?i:premier|première|primero|primer|segundo|tercero|cuarto|quinto|sexto|s[ée]ptimo|octavo|noveno|d[ée]cimo|unique|[úu]nico)";

    // Each pattern is anchored and has no nested quantifiers; the time bound is a second guard.
    private const string Separator = @"\.?\s*(?:[:.\-–—]\s*)?";

    // "Article 9.2", "ARTICLE - 1", "ARTICLE: 1.1", "Article G-01", "ARTICLE ONE", "Artículo Segundo", "Article premier", "Article 1er".
    [GeneratedRegex(@"^(?<word>ARTICLE|Article|ART[IÍ]CULO|Art[ií]culo|Art\.)\s*(?:[-–—:]\s*)?(?<num>1(?i:er|re|ère)|\d+(?:[.\-]\d+)*[A-Za-z]?(?:\s?(?:bis|ter|quater))?|[A-Z]-?\d+(?:[.\-]\d+)*|[IVXLC]+|" + NumberWords + "|" + OrdinalWords + @")\s?[º°]?(?![\w])" + Separator + "(?<rest>.*)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Article();

    [GeneratedRegex(@"^(?<word>CHAPTER|Chapter|CAP[IÍ]TULO|Cap[ií]tulo|CHAPITRE|Chapitre|PART|Part|PARTE|Parte|PARTIE|Partie|TITLE|Title|T[IÍ]TULO|T[ií]tulo|TITRE|Titre)\s+(?<num>\d+[A-Z]?|[IVXLC]+|[A-Z]|" + NumberWords + @"|premier|PREMIER|primero|PRIMERO)(?![\w])" + Separator + "(?<rest>.*)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Chapter();

    [GeneratedRegex(@"^(?<word>SECTION|Section|SECCI[OÓ]N|Secci[oó]n|SUB-SECTION|Sub-Section|Subsection)\s+(?<num>\d+[A-Z]?|[IVXLC]+|[A-Z])(?![\w])" + Separator + "(?<rest>.*)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Section();

    [GeneratedRegex(@"^(?<word>ANNEX|Annex|ANEXO|Anexo|ANNEXE|Annexe|APPENDIX|Appendix|AP[EÉ]NDICE|Ap[eé]ndice|APPENDICE|Appendice|SCHEDULE|Schedule)(?:\s+(?<num>\d+[A-Z]?(?:[.\-][0-9A-Z]+)*|[IVXLC]+(?:[.\-][0-9A-Z]+)*|[A-Z](?:[.\-][0-9A-Z]+)*))?(?![\w])" + Separator + "(?<rest>.*)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Annex();

    [GeneratedRegex(@"^(?<word>PREAMBLE|Preamble|PRE[AÁ]MBULO|Pre[aá]mbulo|PR[EÉ]AMBULE|Pr[eé]ambule)(?<num>)\s*(?<rest>)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Preamble();

    // "IN WITNESS WHEREOF, the undersigned…": the signatures' formula, the whole paragraph its text.
    [GeneratedRegex(@"^(?<word>)(?<num>)(?<rest>)(?=IN WITNESS WHEREOF|In witness whereof|EN FE DE LO CUAL|En fe de lo cual|EN FOI DE QUOI|En foi de quoi)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Testimonium();

    [GeneratedRegex(@"^\([^()]{0,200}\)\s*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LeadingParenthesis();

    [GeneratedRegex(@"^(?:\(?\d{1,3}[.)]|\([a-z]{1,4}\)|[a-z]\))\s", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumberedParagraph();
}

/// <summary>What a heading opens.</summary>
internal enum TreatyHeadingKind
{
    Article,
    Chapter,
    Section,
    Annex,
    Preamble,

    /// <summary>The closing formula before the signatures ("In witness whereof…"): not a clause, but it dates the agreement.</summary>
    Testimonium,
}

/// <summary>A heading recognised in a treaty text.</summary>
/// <param name="Kind">What it opens.</param>
/// <param name="Number">Its number as the clause id uses it ("9.2", "1" for "premier"), or empty.</param>
/// <param name="Word">The heading word as written ("Artículo", "ANNEX").</param>
/// <param name="Title">The title on the same line, or empty.</param>
/// <param name="Text">Text of the article that follows the number on the same line, or empty.</param>
internal sealed record TreatyHeading(TreatyHeadingKind Kind, string Number, string Word, string Title, string Text);
