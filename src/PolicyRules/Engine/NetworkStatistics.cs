using PolicyRules.Engine.Rete;

namespace PolicyRules.Engine;

/// <summary>The number of nodes of each kind in a compiled network.</summary>
/// <param name="TypeNodes">Roots, one per fact type matched.</param>
/// <param name="DispatchNodes">Hash dispatch nodes (constant equality and list membership), one per member tested.</param>
/// <param name="DispatchBranches">Constant values dispatched to.</param>
/// <param name="SelectionNodes">Conditions evaluated on single facts, after sharing.</param>
/// <param name="AlphaMemories">Ends of alpha chains, after sharing.</param>
/// <param name="JoinNodes">Joins.</param>
/// <param name="NotNodes">Negations.</param>
/// <param name="ExistsNodes">Existentials.</param>
/// <param name="AggregateNodes">Aggregates.</param>
/// <param name="TerminalNodes">One per rule.</param>
public sealed record NetworkStatistics(
    int TypeNodes,
    int DispatchNodes,
    int DispatchBranches,
    int SelectionNodes,
    int AlphaMemories,
    int JoinNodes,
    int NotNodes,
    int ExistsNodes,
    int AggregateNodes,
    int TerminalNodes)
{
    /// <summary>
    /// Right inputs after sharing: the join, not, exists and aggregate nodes that take the facts of
    /// one alpha memory by the same join key share one, which keys and indexes each fact once.
    /// </summary>
    public int RightInputs { get; init; }

    internal static NetworkStatistics Of(IReadOnlyList<ReteNode> nodes)
    {
        int Count<T>() => nodes.Count(n => n is T);
        return new NetworkStatistics(
            Count<TypeNode>(),
            Count<EqualityDispatchNode>() + Count<ContainsDispatchNode>(),
            Count<DispatchBranch>(),
            Count<SelectionNode>(),
            Count<AlphaMemoryNode>(),
            Count<JoinNode>(),
            Count<NotNode>(),
            Count<ExistsNode>(),
            Count<AggregateNode>(),
            Count<TerminalNode>())
        {
            RightInputs = Count<RightMemoryNode>(),
        };
    }
}
