using PolicyRules.Engine.Model;

namespace PolicyRules.Engine.Runtime;

/// <summary>One match of a rule's left-hand side: which facts (and aggregate values) matched which element.</summary>
public interface IMatch
{
    /// <summary>The rule matched.</summary>
    RuleDefinition Rule { get; }

    /// <summary>The bound aliases in left-hand-side order (negations and existentials bind nothing).</summary>
    IReadOnlyList<MatchBinding> Bindings { get; }

    /// <summary>The value bound to an alias.</summary>
    /// <exception cref="KeyNotFoundException">The rule binds no such alias.</exception>
    T Get<T>(string alias);
}
