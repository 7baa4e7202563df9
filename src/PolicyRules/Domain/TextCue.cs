namespace PolicyRules.Domain;

/// <summary>
/// A lexicon set found in a clause's text (clause analysis): one fact per set and clause, either
/// outside any carve-out or only inside one ("does not apply to …", "no se aplicará a …"), with
/// every place its terms were found.
/// </summary>
public sealed class TextCue(Clause subject, string name, bool excluded, int sentence, IReadOnlyList<Evidence> evidence)
{
    /// <summary>The clause whose text holds it.</summary>
    public Clause Subject { get; } = subject;

    /// <summary>The lexicon set (<c>culture</c>, <c>isds-claim</c>, …), the same in every language.</summary>
    public string Name { get; } = name;

    /// <summary>True when the term stands in a scope the clause takes out of its reach.</summary>
    public bool Excluded { get; } = excluded;

    /// <summary>The index of the first sentence it is found in.</summary>
    public int Sentence { get; } = sentence;

    /// <summary>The words matched, each with its span in the clause text.</summary>
    public IReadOnlyList<Evidence> Evidence { get; } = evidence;

    /// <inheritdoc/>
    public override string ToString() => $"TextCue {Name}{(Excluded ? " (excluded)" : "")} '{Evidence[0].Value}' in {Subject}";
}
