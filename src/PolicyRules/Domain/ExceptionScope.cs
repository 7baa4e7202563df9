namespace PolicyRules.Domain;

/// <summary>
/// What limits a clause's obligations: an exemption's reach, or a limit stated elsewhere (taxonomy 3.8).
/// Each is also a fact of its own, carrying the clause that holds it, so a rule can take one entry
/// (its parties, its reference) rather than the union of a clause's entries.
/// </summary>
public sealed class ExceptionScope
{
    /// <summary>The id of the clause whose <c>exceptions</c> list holds it.</summary>
    public string ClauseId { get; init; } = "";

    /// <summary>The agreement of that clause, for joins.</summary>
    public string AgreementId { get; init; } = "";

    /// <summary><c>general-cultural-exemption</c>, <c>chapter-exclusion</c>, <c>annex-II-reservation</c>, …</summary>
    public string Type { get; init; } = "";

    /// <summary>The clause or annex that states it: the clause's own id when the draft names none.</summary>
    public string? Ref { get; init; }

    /// <summary>The parties it covers; empty means all.</summary>
    public IReadOnlyList<string> Parties { get; init; } = [];

    /// <summary>The sectors it covers.</summary>
    public IReadOnlyList<string> Sectors { get; init; } = [];

    /// <summary>The obligations it covers; <c>*</c> means all.</summary>
    public IReadOnlyList<string> ObligationsCovered { get; init; } = [];

    /// <summary>The chapters it covers; <c>*</c> means all.</summary>
    public IReadOnlyList<string> Chapters { get; init; } = [];

    /// <summary>Provisions it does not cover.</summary>
    public IReadOnlyList<string> ExceptProvisions { get; init; } = [];

    /// <summary>Whether it counts as a cultural mitigation (false for the false friends).</summary>
    public bool? CountsAsCulturalMitigation { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"ExceptionScope {Type} of {ClauseId}";
}
