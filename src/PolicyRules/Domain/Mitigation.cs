namespace PolicyRules.Domain;

/// <summary>A conflict answered by another fact of the agreement, made by a rule's <c>mitigate</c> action.</summary>
/// <param name="ruleId">The rule that found it.</param>
/// <param name="conflict">The conflict answered.</param>
/// <param name="by">The fact that answers it.</param>
/// <param name="extent"><c>full</c>, <c>partial</c>, or <c>review</c> when the answer sits in a list the draft does not hold.</param>
/// <param name="message">How it answers it.</param>
/// <param name="parties">The parties whose measures it answers for; empty (the default) means every party.</param>
public sealed class Mitigation(string ruleId, Conflict conflict, object by, string extent, string message, IReadOnlyList<string>? parties = null)
{
    /// <summary>The rule that found it.</summary>
    public string RuleId { get; } = ruleId;

    /// <summary>The conflict answered.</summary>
    public Conflict Conflict { get; } = conflict;

    /// <summary>The fact (an exemption, a reservation, …) that answers it.</summary>
    public object By { get; } = by;

    /// <summary><c>full</c>, <c>partial</c>, or <c>review</c> when the answer sits in a list the draft does not hold.</summary>
    public string Extent { get; } = extent;

    /// <summary>How it answers it.</summary>
    public string Message { get; } = message;

    /// <summary>The parties whose measures it answers for (an exemption that shields one party only); empty means every party.</summary>
    public IReadOnlyList<string> Parties { get; } = parties ?? [];

    /// <summary>Whether it answers for <paramref name="party"/>.</summary>
    public bool AppliesTo(string party) => Parties.Count == 0 || Parties.Contains(party, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => $"Mitigation {RuleId} ({Extent}) of {Conflict.RuleId} by {By}";
}
