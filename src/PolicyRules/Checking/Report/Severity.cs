namespace PolicyRules.Checking.Report;

/// <summary>The severities of the report contract, worst first.</summary>
public static class Severity
{
    /// <summary>The worst.</summary>
    public const string Critical = "critical";

    /// <summary>Second worst: the checker's default <c>--fail-on</c> threshold.</summary>
    public const string High = "high";

    /// <summary>Medium.</summary>
    public const string Medium = "medium";

    /// <summary>Low.</summary>
    public const string Low = "low";

    /// <summary>Information, not a conflict: a support's findings have it.</summary>
    public const string Info = "info";

    private static readonly string[] Order = [Critical, High, Medium, Low, Info];

    /// <summary>Worst first.</summary>
    public static IReadOnlyList<string> WorstFirst => Order;

    /// <summary>0 for critical; unknown severities rank last.</summary>
    public static int Rank(string severity)
    {
        var index = Array.IndexOf(Order, severity);
        return index < 0 ? int.MaxValue : index;
    }
}
