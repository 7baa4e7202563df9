namespace PolicyRules.Engine.Runtime;

/// <summary>A rule cannot be compiled: an alias is unknown or repeated, a condition has the wrong type, …</summary>
public sealed class RuleDefinitionException : RuleEngineException
{
    internal RuleDefinitionException(string ruleId, string message)
        : base($"Rule {ruleId}: {message}", null)
    {
        RuleId = ruleId;
    }

    /// <summary>The rule.</summary>
    public string RuleId { get; }
}
