namespace PolicyRules.Domain;

/// <summary>A principle broken by a subject, made by a rule's <c>conflict</c> action.</summary>
public sealed class Conflict(
    string ruleId,
    string principle,
    string severity,
    IReadOnlyList<string> basis,
    object subject,
    string message,
    string? remedy,
    IReadOnlyList<Evidence> evidence)
{
    /// <summary>The rule that found it.</summary>
    public string RuleId { get; } = ruleId;

    /// <summary>The principle id broken.</summary>
    public string Principle { get; } = principle;

    /// <summary><c>critical</c>, <c>high</c>, <c>medium</c>, <c>low</c> or <c>info</c>.</summary>
    public string Severity { get; } = severity;

    /// <summary>The articles and declarations it rests on.</summary>
    public IReadOnlyList<string> Basis { get; } = basis;

    /// <summary>The fact in conflict.</summary>
    public object Subject { get; } = subject;

    /// <summary>What is wrong.</summary>
    public string Message { get; } = message;

    /// <summary>What an analyst can do about it.</summary>
    public string? Remedy { get; } = remedy;

    /// <summary>Why.</summary>
    public IReadOnlyList<Evidence> Evidence { get; } = evidence;

    /// <inheritdoc/>
    public override string ToString() => $"Conflict {RuleId} ({Principle}) on {Subject}";
}
