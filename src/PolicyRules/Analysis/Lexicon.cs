namespace PolicyRules.Analysis;

/// <summary>
/// The vocabulary of one language: named term sets (<c>culture</c>, <c>isds-claim</c>, …) whose
/// names are the same in every language, so a rule written once reads English, French and Spanish.
/// </summary>
/// <remarks>
/// A term is a phrase of words matched on word boundaries after folding (case, accents, curly
/// quotes). A word also matches its plural (<c>industry</c> → <c>industries</c>,
/// <c>cultural</c> → <c>culturales</c>); a word ending in <c>*</c> matches any word it begins
/// (<c>audiovisu*</c>); <c>~</c> between words allows up to eight other words of the same sentence.
/// </remarks>
public sealed class Lexicon
{
    /// <summary>Creates a lexicon.</summary>
    public Lexicon(string language, IReadOnlyList<string> markers, IReadOnlyDictionary<string, IReadOnlyList<string>> sets, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(markers);
        ArgumentNullException.ThrowIfNull(sets);
        Language = language;
        Markers = markers;
        Sets = sets;
        Source = source;
    }

    /// <summary>The ISO 639-1 code (<c>en</c>, <c>fr</c>, <c>es</c>).</summary>
    public string Language { get; }

    /// <summary>Common words that tell this language from the others (articles, prepositions).</summary>
    public IReadOnlyList<string> Markers { get; }

    /// <summary>Term sets by name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Sets { get; }

    /// <summary>
    /// Short words that text extraction glues to their neighbours ("Partyshallnot"). A document whose
    /// rare long words are often runs of its common words with one of these among them glues words,
    /// and its words are read apart. Empty (the default) leaves the text as written: right for
    /// languages whose inflections are themselves words (Spanish "modificarse").
    /// </summary>
    public IReadOnlyList<string> GlueWords { get; init; } = [];

    /// <summary>Where it was read from, for diagnostics.</summary>
    public string? Source { get; }
}
