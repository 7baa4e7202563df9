using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>A node of the alpha network: tests one fact alone and passes it on to its children.</summary>
internal abstract class AlphaNode : ReteNode
{
    public List<AlphaNode> Children { get; } = [];

    public abstract void Activate(RuleSession session, ref FactHandle handle);

    protected void ActivateChildren(RuleSession session, ref FactHandle handle)
    {
        var children = Children;
        for (var i = 0; i < children.Count; i++)
        {
            children[i].Activate(session, ref handle);
        }
    }

    protected RuleConditionException Failure(string condition, object fact, Exception inner) =>
        new(RuleIds.Distinct().ToArray(), condition, [fact], inner);
}
