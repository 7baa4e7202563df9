namespace PolicyRules.Checking.Rounds;

/// <summary>What changed between two rounds of a negotiation: per agreement, the clauses whose verdict or conflicts moved.</summary>
/// <param name="Before">The earlier round (a draft or a report), as named by the caller.</param>
/// <param name="After">The later round.</param>
/// <param name="Documents">One entry per agreement in either round, in the order of the later round (then those only in the earlier).</param>
public sealed record RoundDiff(string Before, string After, IReadOnlyList<DocumentDiff> Documents)
{
    /// <summary>What the comparison could not settle and the reader should know, such as two drafts of different agreements compared as two rounds of one.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Conflicts in the later round that the earlier did not have, in every document.</summary>
    public int Added => Count(ConflictChange.Added);

    /// <summary>Conflicts of the earlier round that the later round's text no longer raises.</summary>
    public int Resolved => Count(ConflictChange.Resolved);

    /// <summary>Conflicts of documents the later round does not have: not compared, so not counted as resolved.</summary>
    public int NotCompared => Count(ConflictChange.NotCompared);

    /// <summary>Conflicts in both rounds whose status, severity, parties or mitigations changed.</summary>
    public int Changed => Count(ConflictChange.Changed);

    private int Count(string change) =>
        Documents.Sum(d => d.Clauses.Sum(c => c.Conflicts.Count(k => k.Change == change)));
}

/// <summary>The change of one agreement between the rounds.</summary>
/// <param name="Agreement">The agreement id (else the path of the later round's document).</param>
/// <param name="Name">Its name in the later round (else the earlier).</param>
/// <param name="VerdictBefore">The agreement's verdict in the earlier round; null when it is new.</param>
/// <param name="VerdictAfter">Its verdict in the later round; null when it is gone.</param>
/// <param name="Clauses">The clauses added, removed or changed (the agreement's own findings as the clause <c>(agreement)</c>); unchanged clauses are left out.</param>
public sealed record DocumentDiff(string Agreement, string? Name, string? VerdictBefore, string? VerdictAfter, IReadOnlyList<ClauseDiff> Clauses);

/// <summary>The change of one clause.</summary>
/// <param name="Id">The clause id, or <c>(agreement)</c> for the agreement's own findings.</param>
/// <param name="Change"><see cref="ClauseChange.Added"/>, <see cref="ClauseChange.Removed"/> or <see cref="ClauseChange.Changed"/>.</param>
/// <param name="VerdictBefore">Its verdict in the earlier round; null when it is new.</param>
/// <param name="VerdictAfter">Its verdict in the later round; null when it is gone.</param>
/// <param name="Conflicts">Its conflicts added, resolved or changed.</param>
public sealed record ClauseDiff(string Id, string Change, string? VerdictBefore, string? VerdictAfter, IReadOnlyList<ConflictDiff> Conflicts);

/// <summary>The change of one conflict, identified by its rule and principle within its clause.</summary>
/// <param name="Change"><see cref="ConflictChange.Added"/>, <see cref="ConflictChange.Resolved"/>, <see cref="ConflictChange.Changed"/> or <see cref="ConflictChange.NotCompared"/>.</param>
/// <param name="Rule">The rule id.</param>
/// <param name="Principle">The principle id.</param>
/// <param name="Before">How it stood in the earlier round; null when it is new.</param>
/// <param name="After">How it stands in the later round; null when it is resolved.</param>
public sealed record ConflictDiff(string Change, string Rule, string Principle, ConflictState? Before, ConflictState? After);

/// <summary>How a conflict stood in one round.</summary>
/// <param name="Status">open, partially-mitigated, needs-review, mitigated or waived.</param>
/// <param name="Severity">Its severity.</param>
/// <param name="Parties">The parties whose policy space it touches.</param>
/// <param name="MitigatedBy">The clauses that answer it, in report order.</param>
/// <param name="Message">What the rule said.</param>
public sealed record ConflictState(string Status, string Severity, IReadOnlyList<string> Parties, IReadOnlyList<string> MitigatedBy, string Message);

/// <summary>The kinds of clause change.</summary>
public static class ClauseChange
{
    /// <summary>Only in the later round.</summary>
    public const string Added = "added";

    /// <summary>Only in the earlier round.</summary>
    public const string Removed = "removed";

    /// <summary>In both, with another verdict or other conflicts.</summary>
    public const string Changed = "changed";
}

/// <summary>The kinds of conflict change.</summary>
public static class ConflictChange
{
    /// <summary>Only in the later round.</summary>
    public const string Added = "added";

    /// <summary>Only in the earlier round: the later text no longer raises it.</summary>
    public const string Resolved = "resolved";

    /// <summary>In both, standing differently (status, severity, parties or what mitigates it).</summary>
    public const string Changed = "changed";

    /// <summary>Only in the earlier round, in a document the later round does not have: nothing says it was resolved.</summary>
    public const string NotCompared = "not-compared";
}
