using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>A node of the alpha network: tests one fact alone and passes it on to its children.</summary>
internal abstract class AlphaNode : ReteNode
{
    /// <summary>
    /// The nodes this one passes facts to. An array, not a list: every fact walks it, and a list is
    /// one more object to reach on the way (the network is built once and read by every session).
    /// </summary>
    public AlphaNode[] Children { get; private set; } = [];

    /// <summary>Adds a child while the network is built.</summary>
    public void AddChild(AlphaNode child) => Children = [.. Children, child];

    public abstract void Activate(RuleSession session, ref FactHandle handle);

    protected void ActivateChildren(RuleSession session, ref FactHandle handle)
    {
        var children = Children;
        for (var i = 0; i < children.Length; i++)
        {
            children[i].Activate(session, ref handle);
        }
    }

    protected RuleConditionException Failure(string condition, object fact, Exception inner) =>
        new(RuleIds.Distinct().ToArray(), condition, [fact], inner);
}
