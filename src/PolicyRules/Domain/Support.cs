namespace PolicyRules.Domain;

/// <summary>A subject that advances a principle, made by a rule's <c>support</c> action.</summary>
public sealed class Support(string ruleId, string principle, object subject, string message)
{
    /// <summary>The rule that found it.</summary>
    public string RuleId { get; } = ruleId;

    /// <summary>The principle id advanced.</summary>
    public string Principle { get; } = principle;

    /// <summary>The fact.</summary>
    public object Subject { get; } = subject;

    /// <summary>How it advances it.</summary>
    public string Message { get; } = message;

    /// <inheritdoc/>
    public override string ToString() => $"Support {RuleId} ({Principle}) by {Subject}";
}
