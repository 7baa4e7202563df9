namespace PolicyRules.Engine.Runtime;

/// <summary>A condition threw while facts were tested against it.</summary>
public sealed class RuleConditionException : RuleEngineException
{
    internal RuleConditionException(IReadOnlyList<string> ruleIds, string condition, IReadOnlyList<object?> facts, Exception inner)
        : base(
            $"Condition '{condition}' of rule {string.Join(", ", ruleIds)} failed on {Describe(facts)}: {inner.Message}",
            inner)
    {
        RuleIds = ruleIds;
        Condition = condition;
        Facts = facts;
    }

    /// <summary>The rules that share the condition (one, unless the condition is shared).</summary>
    public IReadOnlyList<string> RuleIds { get; }

    /// <summary>The condition, as text.</summary>
    public string Condition { get; }

    /// <summary>The facts it was evaluated on.</summary>
    public IReadOnlyList<object?> Facts { get; }

    internal static string Describe(IReadOnlyList<object?> facts) =>
        "[" + string.Join(", ", facts.Select(f => f?.ToString() ?? "null")) + "]";
}
