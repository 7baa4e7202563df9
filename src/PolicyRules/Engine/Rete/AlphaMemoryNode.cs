using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// The end of an alpha chain: the facts that passed every test of a pattern. It stores nothing
/// itself (each beta node keeps its own keyed index); it records membership on the fact and tells
/// its successors.
/// </summary>
internal sealed class AlphaMemoryNode : AlphaNode
{
    private Successors<RightMemoryNode> _right = new();
    private Successors<LeftAdapterNode> _left = new();

    /// <summary>The right inputs of the beta nodes that take these facts, one per join key.</summary>
    public RightMemoryNode[] RightSuccessors => _right.All;

    /// <summary>Adapters that start rules' beta chains with these facts.</summary>
    public LeftAdapterNode[] LeftSuccessors => _left.All;

    public void AddRightSuccessor(RightMemoryNode node) => _right.Add(node);

    public void AddLeftSuccessor(LeftAdapterNode node) => _left.Add(node);

    public override void Activate(RuleSession session, ref FactHandle handle)
    {
        handle.AddMemory(this, session.MoreMemories);
        if (session.IsBatching)
        {
            // The batch joins from the memories the handle records, once all facts are in; the
            // fact's root tokens are made now, while it is at hand.
            session.BatchEntersRight |= _right.Count > 0;
            MakeRoots(session, ref handle);
            return;
        }

        PropagateRight(session, ref handle);
        PropagateLeft(session, ref handle);
    }

    public void PropagateRight(RuleSession session, ref FactHandle handle)
    {
        foreach (var right in _right.Span)
        {
            right.Activate(session, ref handle);
        }
    }

    public void PropagateLeft(RuleSession session, ref FactHandle handle)
    {
        foreach (var adapter in _left.Span)
        {
            adapter.Activate(session, ref handle);
        }
    }

    private void MakeRoots(RuleSession session, ref FactHandle handle)
    {
        var roots = session.BatchRoots;
        foreach (var adapter in _left.Span)
        {
            roots.Add(new BatchRoot(adapter.MakeRoot(session, ref handle), adapter.Child.Id));
        }
    }

    public void Deactivate(RuleSession session, ref FactHandle handle)
    {
        foreach (var adapter in _left.Span)
        {
            adapter.Retract(session, ref handle);
        }

        foreach (var right in _right.Span)
        {
            right.Retract(session, ref handle);
        }
    }
}
