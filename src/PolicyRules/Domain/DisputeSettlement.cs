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
}
