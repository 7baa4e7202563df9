namespace PolicyRules.Domain;

/// <summary>
/// A lexicon set found in a clause's text (clause analysis): one fact per set, clause and standing —
/// engaged, inside a carve-out ("does not apply to …", "no se aplicará a …"), or only in the title of
/// a provision the clause cites ("Article 2206 (Cultural Industries)") — with every place its terms
/// were found.
/// </summary>
public sealed class TextCue(Clause subject, string name, bool excluded, int sentence, IReadOnlyList<Evidence> evidence, bool cited = false)
{
    /// <summary>The clause whose text holds it.</summary>
    public Clause Subject { get; } = subject;

    /// <summary>The lexicon set (<c>culture</c>, <c>isds-claim</c>, …), the same in every language.</summary>
    public string Name { get; } = name;

    /// <summary>True when the terms do not engage the clause: taken out by a carve-out, or only cited.</summary>
    public bool Excluded { get; } = excluded;

    /// <summary>
    /// True when the terms stand only in a name or a note: the title of a cited provision, the heading of
    /// the next part glued to the end of the clause, or a footnote glued into its text ("117 For greater
    /// certainty, …") (then <see cref="Excluded"/> is true too).
    /// </summary>
    public bool Cited { get; } = cited;

    /// <summary>The index of the first sentence it is found in.</summary>
    public int Sentence { get; } = sentence;

    /// <summary>
    /// The chapters of the draft, by name, that the sentences holding it leave out by limiting
    /// themselves to others ("For the purposes of Chapters 2 to 7, nothing in this Agreement …" leaves
    /// out chapter 10, known by its articles 10.1, 10.2 …). Empty when they are not limited, or name
    /// chapters the draft does not let analysis identify.
    /// </summary>
    public IReadOnlyList<string> ChaptersOutside { get; init; } = [];

    /// <summary>The words matched, each with its span in the clause text.</summary>
    public IReadOnlyList<Evidence> Evidence { get; } = evidence;

    /// <inheritdoc/>
    public override string ToString() => $"TextCue {Name}{(Cited ? " (cited)" : Excluded ? " (excluded)" : "")} '{Evidence[0].Value}' in {Subject}";
}
