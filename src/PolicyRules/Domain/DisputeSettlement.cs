namespace PolicyRules.Domain;

/// <summary>Which dispute settlement reaches a clause (taxonomy 3.10).</summary>
public sealed class DisputeSettlement
{
    /// <summary>State-to-state dispute settlement applies.</summary>
    public bool? StateState { get; init; }

    /// <summary>Investor-state dispute settlement applies.</summary>
    public bool? Isds { get; init; }

    /// <summary>Non-violation complaints are possible.</summary>
    public bool? NonViolation { get; init; }

    /// <summary>Whether dispute settlement is excluded for this clause (taxonomy 3.10; Canada–Korea 1.6.5).</summary>
    public bool? ExcludedForThisClause { get; init; }
}
