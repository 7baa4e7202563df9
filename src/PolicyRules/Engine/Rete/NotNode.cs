namespace PolicyRules.Engine.Rete;

/// <summary>Passes a token while no right fact matches it.</summary>
internal sealed class NotNode(BetaCondition condition) : BlockingNode(condition)
{
    protected override bool PassesWhenBlocked => false;
}
