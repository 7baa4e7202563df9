namespace PolicyRules.Engine.Runtime;

/// <summary>An action threw while a rule fired.</summary>
public sealed class RuleActionException : RuleEngineException
{
    internal RuleActionException(IMatch match, Exception inner)
        : base(
            $"Action of rule {match.Rule.Id} failed on {RuleConditionException.Describe(match.Bindings.Select(b => b.Value).ToArray())}: {inner.Message}",
            inner)
    {
        Match = match;
    }

    /// <summary>The rule.</summary>
    public string RuleId => Match.Rule.Id;

    /// <summary>The match whose action failed.</summary>
    public IMatch Match { get; }
}
