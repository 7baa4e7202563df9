namespace PolicyRules.Domain;

/// <summary>A conflict answered by another fact of the agreement, made by a rule's <c>mitigate</c> action.</summary>
public sealed class Mitigation(string ruleId, Conflict conflict, object by, string extent, string message)
{
    /// <summary>The rule that found it.</summary>
    public string RuleId { get; } = ruleId;

    /// <summary>The conflict answered.</summary>
    public Conflict Conflict { get; } = conflict;

    /// <summary>The fact (an exemption, a reservation, …) that answers it.</summary>
    public object By { get; } = by;

    /// <summary><c>full</c> or <c>partial</c>.</summary>
    public string Extent { get; } = extent;

    /// <summary>How it answers it.</summary>
    public string Message { get; } = message;

    /// <inheritdoc/>
    public override string ToString() => $"Mitigation {RuleId} ({Extent}) of {Conflict.RuleId} by {By}";
}
