namespace PolicyRules.Checking.Report;

/// <summary>
/// The statuses of a conflict in the report contract (<c>open</c>, <c>partially-mitigated</c>,
/// <c>mitigated</c>, <c>waived</c>), and the one PolicyRules adds: <c>needs-review</c>.
/// </summary>
public static class ConflictStatus
{
    /// <summary>Nothing answers it.</summary>
    public const string Open = "open";

    /// <summary>Something answers part of it.</summary>
    public const string PartiallyMitigated = "partially-mitigated";

    /// <summary>Only a list the draft does not hold (a schedule, an annex of reservations) may answer it: an extension of the contract.</summary>
    public const string NeedsReview = "needs-review";

    /// <summary>Another clause answers it.</summary>
    public const string Mitigated = "mitigated";

    /// <summary>Accepted by a waiver.</summary>
    public const string Waived = "waived";

    /// <summary>Whether a conflict of this status counts against a fail threshold.</summary>
    public static bool Counts(string status) => status is Open or PartiallyMitigated;

    /// <summary>Orders statuses worst first: open, partially mitigated, needs review, mitigated, waived.</summary>
    public static int Rank(string status) => status switch
    {
        Open => 0,
        PartiallyMitigated => 1,
        NeedsReview => 2,
        Mitigated => 3,
        _ => 4,
    };
}
