namespace PolicyRules.Checking.Report;

/// <summary>The severities of the report contract, worst first.</summary>
public static class Severity
{
    private static readonly string[] Order = ["critical", "high", "medium", "low", "info"];

    /// <summary>Worst first.</summary>
    public static IReadOnlyList<string> WorstFirst => Order;

    /// <summary>0 for critical; unknown severities rank last.</summary>
    public static int Rank(string severity)
    {
        var index = Array.IndexOf(Order, severity);
        return index < 0 ? int.MaxValue : index;
    }
}
