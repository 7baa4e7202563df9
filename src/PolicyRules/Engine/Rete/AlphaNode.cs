using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>A node of the alpha network: tests one fact alone and passes it on to its children.</summary>
internal abstract class AlphaNode : ReteNode
{
    private Successors<AlphaNode> _children = new();

    /// <summary>The nodes this one passes facts to.</summary>
    public AlphaNode[] Children => _children.All;

    /// <summary>The child when there is exactly one, else null.</summary>
    public AlphaNode? OnlyChild => _children.Only;

    /// <summary>Adds a child while the network is built.</summary>
    public void AddChild(AlphaNode child) => _children.Add(child);

    public abstract void Activate(RuleSession session, ref FactHandle handle);

    protected void ActivateChildren(RuleSession session, ref FactHandle handle)
    {
        foreach (var child in _children.Span)
        {
            child.Activate(session, ref handle);
        }
    }

    protected RuleConditionException Failure(string condition, object fact, Exception inner) =>
        new(RuleIds.Distinct().ToArray(), condition, [fact], inner);
}
