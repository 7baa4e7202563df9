using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// The right input shared by the beta nodes that take the facts of one alpha memory by the same
/// join key: a fact's key is computed and indexed once for all of them, and each node keeps only
/// what the fact caused in it (<see cref="RightState"/>). On the Convention rulebook a clause feeds
/// over a hundred nodes by the same key, the clause itself.
/// </summary>
/// <remarks>
/// The nodes read the shared index from their left input too, so a node must see a new fact on its
/// right before any token made because of that fact reaches its left, or it would join the pair
/// twice: a node that follows another in the same rule's chain comes first in <see cref="Successors"/>
/// (see <see cref="Add"/>).
/// </remarks>
internal sealed class RightMemoryNode(Func<object, object>? key, bool byReference) : ReteNode
{
    private Successors<RightInputNode> _successors = new();

    /// <summary>The key of a fact on the right: null when the nodes have no equality test.</summary>
    public Func<object, object>? Key { get; } = key;

    public bool ByReference { get; } = byReference;

    /// <summary>The nodes this memory feeds, each after the nodes that follow it in its own rule's chain.</summary>
    public IReadOnlyList<RightInputNode> Successors => _successors.All;

    /// <summary>Feeds <paramref name="node"/>, before any node of <paramref name="chain"/> (its ancestors, built before it).</summary>
    public void Add(RightInputNode node, IReadOnlyCollection<BetaNode> chain)
    {
        var index = Array.FindIndex(_successors.All, chain.Contains);
        _successors.Insert(index < 0 ? _successors.Count : index, node);
        node.Input = this;
    }

    public RightMemory CreateMemory() => new(Key is not null, ByReference);

    public void Activate(RuleSession session, ref FactHandle handle)
    {
        var memory = (RightMemory)session.MemoryOf(this);
        var entry = session.Arena.NewRightEntry(handle, KeyOf(session, handle.Fact), memory.TakeSlot());
        memory.Index.Add(entry.Key, entry);
        handle.AddRightEntry(entry);
        foreach (var node in _successors.Span)
        {
            node.RightActivate(session, entry);
        }
    }

    /// <summary>
    /// Takes the fact's entry out of the index, then out of every node. The handle gives back its
    /// entries in the order the memories made them, which is the order they retract it in (see
    /// <see cref="FactHandle.TakeRightEntry"/>): no table from handle to entry.
    /// </summary>
    public void Retract(RuleSession session, ref FactHandle handle)
    {
        if (handle.TakeRightEntry() is not { } entry)
        {
            return;
        }

        var memory = (RightMemory)session.MemoryOf(this);
        memory.Index.Remove(entry.Key, entry);
        foreach (var node in _successors.Span)
        {
            node.RightRetract(session, entry);
        }

        memory.FreeSlot(entry.Slot);
        session.Arena.Discard(entry);
    }

    private object KeyOf(RuleSession session, object fact)
    {
        if (Key is null)
        {
            return JoinKey.None;
        }

        session.Counters.JoinKeyEvaluations++;
        try
        {
            return Key(fact);
        }
        catch (Exception ex)
        {
            throw new RuleConditionException(RuleIds.Distinct().ToArray(), _successors.All[0].Condition.Describe(), [fact], ex);
        }
    }
}
