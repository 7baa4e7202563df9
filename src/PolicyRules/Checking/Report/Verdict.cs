namespace PolicyRules.Checking.Report;

/// <summary>The verdicts of the report contract, and their order from worst to best.</summary>
public static class Verdict
{
    /// <summary>The clause could not be checked.</summary>
    public const string Error = "error";

    /// <summary>It breaks a principle and nothing in the draft answers it.</summary>
    public const string Conflict = "conflict";

    /// <summary>A mitigation applies, but part of the conflict remains.</summary>
    public const string PartiallyMitigated = "partially-mitigated";

    /// <summary>The answer depends on what the draft does not hold.</summary>
    public const string NeedsReview = "needs-review";

    /// <summary>Every conflict is answered by another clause.</summary>
    public const string Mitigated = "mitigated";

    /// <summary>No conflict.</summary>
    public const string Compliant = "compliant";

    /// <summary>Compliant, and it advances the Convention.</summary>
    public const string Supports = "supports";

    private static readonly string[] Order = [Error, Conflict, PartiallyMitigated, NeedsReview, Mitigated, Compliant, Supports];

    /// <summary>Worst first, as the report contract orders them.</summary>
    public static IReadOnlyList<string> WorstFirst => Order;

    /// <summary>The worse of two verdicts.</summary>
    public static string Worst(string a, string b) => Rank(a) <= Rank(b) ? a : b;

    /// <summary>The verdict a conflict of this status gives on its own (waived: <c>compliant</c>).</summary>
    public static string OfStatus(string status) => status switch
    {
        ConflictStatus.Open => Conflict,
        ConflictStatus.PartiallyMitigated => PartiallyMitigated,
        ConflictStatus.NeedsReview => NeedsReview,
        ConflictStatus.Mitigated => Mitigated,
        _ => Compliant,
    };

    /// <summary>0 for the worst verdict.</summary>
    public static int Rank(string verdict)
    {
        var index = Array.IndexOf(Order, verdict);
        return index < 0 ? int.MaxValue : index;
    }
}
