using PolicyRules.Engine.Model;

namespace PolicyRules.Engine.Runtime;

/// <summary>A rule as the network runs it: its definition, where each alias sits in a token, and its compiled actions.</summary>
internal sealed class CompiledRule(
    RuleDefinition definition,
    CompiledRule.Slot[] slots,
    Action<IActionContext, IMatch, object?[]>[] actions)
{
    /// <summary>An alias bound by the rule and the slot of the token's fact array that holds it.</summary>
    public readonly record struct Slot(string Alias, int Index, bool IsAggregate);

    public RuleDefinition Definition { get; } = definition;

    public Slot[] Slots { get; } = slots;

    /// <summary>An array, so firing walks it without an enumerator per activation.</summary>
    public Action<IActionContext, IMatch, object?[]>[] Actions { get; } = actions;
}
