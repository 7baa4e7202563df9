namespace PolicyRules.Domain;

/// <summary>
/// What clause analysis read in a clause's text, as one fact: its language, what the clause does,
/// the lexicon sets it uses (inside and outside carve-outs) and the clauses and lists it cites.
/// </summary>
public sealed class ClauseReading
{
    /// <summary>The clause read.</summary>
    public required Clause Subject { get; init; }

    /// <summary><c>en</c>, <c>fr</c> or <c>es</c>, from the text.</summary>
    public required string Language { get; init; }

    /// <summary>
    /// What the clause does: <c>definition</c>, <c>recital</c>, <c>objective</c>, <c>procedure</c>,
    /// <c>cooperation</c>, <c>exclusion</c>, <c>prohibition</c>, <c>obligation</c> or <c>other</c>.
    /// </summary>
    public required string Function { get; init; }

    /// <summary>Lexicon sets found outside any carve-out.</summary>
    public required IReadOnlyList<string> Cues { get; init; }

    /// <summary>Lexicon sets found only inside a carve-out ("does not apply to …").</summary>
    public required IReadOnlyList<string> ExcludedCues { get; init; }

    /// <summary>Lexicon sets named only in the titles of provisions the clause cites ("Article 9.10 (Performance Requirements)").</summary>
    public IReadOnlyList<string> CitedCues { get; init; } = [];

    /// <summary>Lexicon sets the clause's title uses ("Selection of Arbitrators" → <c>heading-procedure</c>).</summary>
    public IReadOnlyList<string> Headings { get; init; } = [];

    /// <summary>Ids of clauses of the same draft that the text cites ("Article 2205" → <c>2205</c>).</summary>
    public required IReadOnlyList<string> References { get; init; }

    /// <summary>Cited texts the draft does not hold (<c>Annex I</c>, <c>Annex 2106</c>).</summary>
    public required IReadOnlyList<string> ExternalReferences { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"ClauseReading {Language} {Function} of {Subject}";
}
