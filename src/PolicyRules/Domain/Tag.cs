namespace PolicyRules.Domain;

/// <summary>A derived fact about a subject (what a clause is about), made by a rule's <c>tag</c> action.</summary>
public sealed class Tag(string ruleId, object subject, string name, string? value, IReadOnlyList<Evidence> evidence)
{
    /// <summary>The rule that made it.</summary>
    public string RuleId { get; } = ruleId;

    /// <summary>The fact it is about.</summary>
    public object Subject { get; } = subject;

    /// <summary>The tag.</summary>
    public string Name { get; } = name;

    /// <summary>An optional value.</summary>
    public string? Value { get; } = value;

    /// <summary>Why.</summary>
    public IReadOnlyList<Evidence> Evidence { get; } = evidence;

    /// <inheritdoc/>
    public override string ToString() => $"Tag {Name}{(Value is null ? "" : "=" + Value)} on {Subject} by {RuleId}";
}
