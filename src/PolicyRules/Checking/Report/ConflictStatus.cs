namespace PolicyRules.Checking.Report;

/// <summary>The statuses of a conflict in the report contract.</summary>
public static class ConflictStatus
{
    /// <summary>Nothing answers it.</summary>
    public const string Open = "open";

    /// <summary>Something answers part of it.</summary>
    public const string PartiallyMitigated = "partially-mitigated";

    /// <summary>Another clause answers it.</summary>
    public const string Mitigated = "mitigated";

    /// <summary>Accepted by a waiver.</summary>
    public const string Waived = "waived";

    /// <summary>Whether a conflict of this status counts against a fail threshold.</summary>
    public static bool Counts(string status) => status is Open or PartiallyMitigated;
}
