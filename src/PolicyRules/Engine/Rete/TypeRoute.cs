namespace PolicyRules.Engine.Rete;

/// <summary>
/// Where the facts of one runtime type go: the type roots they enter (those of their type and of
/// every base type and interface rules match), and whether any path from those roots ends in an
/// adapter that starts a rule's beta chain with the fact.
/// </summary>
/// <param name="Nodes">The type roots, in node order.</param>
/// <param name="StartsRules">
/// False when no rule can start with such a fact, whatever it holds: its handle needs no array of
/// root facts (the facts a rule's actions derive, such as conflicts, are often of such types).
/// </param>
internal sealed record TypeRoute(TypeNode[] Nodes, bool StartsRules)
{
    /// <summary>The route of a type no rule matches.</summary>
    public static TypeRoute None { get; } = new([], false);

    /// <summary>The route through <paramref name="nodes"/>.</summary>
    public static TypeRoute Of(TypeNode[] nodes) => new(nodes, nodes.Any(LeadsToAdapter));

    private static bool LeadsToAdapter(AlphaNode node) =>
        (node is AlphaMemoryNode memory && memory.LeftSuccessors.Length > 0)
        || node.Children.Any(LeadsToAdapter)
        || (node is EqualityDispatchNode equality && equality.Branches.Values.Any(LeadsToAdapter))
        || (node is ContainsDispatchNode contains && contains.Branches.Values.Any(LeadsToAdapter));
}
