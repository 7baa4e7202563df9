using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// The end of an alpha chain: the facts that passed every test of a pattern. It stores nothing
/// itself (each beta node keeps its own keyed index); it records membership on the fact and tells
/// its successors.
/// </summary>
internal sealed class AlphaMemoryNode : AlphaNode
{
    /// <summary>The right inputs of the beta nodes that take these facts, one per join key.</summary>
    public List<RightMemoryNode> RightSuccessors { get; } = [];

    /// <summary>Adapters that start rules' beta chains with these facts.</summary>
    public List<LeftAdapterNode> LeftSuccessors { get; } = [];

    public override void Activate(RuleSession session, ref FactHandle handle)
    {
        handle.AddMemory(this, session.MoreMemories);
        if (session.IsBatching)
        {
            // The batch propagates from the memories the handle records, once all facts are in.
            session.BatchEntersRight |= RightSuccessors.Count > 0;
            return;
        }

        PropagateRight(session, ref handle);
        PropagateLeft(session, ref handle);
    }

    public void PropagateRight(RuleSession session, ref FactHandle handle)
    {
        var successors = RightSuccessors;
        for (var i = 0; i < successors.Count; i++)
        {
            successors[i].Activate(session, ref handle);
        }
    }

    public void PropagateLeft(RuleSession session, ref FactHandle handle)
    {
        var successors = LeftSuccessors;
        for (var i = 0; i < successors.Count; i++)
        {
            successors[i].Activate(session, ref handle);
        }
    }

    public void Deactivate(RuleSession session, ref FactHandle handle)
    {
        foreach (var adapter in LeftSuccessors)
        {
            adapter.Retract(session, ref handle);
        }

        foreach (var right in RightSuccessors)
        {
            right.Retract(session, ref handle);
        }
    }
}
