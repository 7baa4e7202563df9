namespace PolicyRules.Engine.Rete;

/// <summary>Passes a token, once, while at least one right fact matches it.</summary>
internal sealed class ExistsNode(BetaCondition condition) : BlockingNode(condition)
{
    protected override bool PassesWhenBlocked => true;
}
