namespace PolicyRules.Engine.Rete;

/// <summary>
/// A partial match flowing down a rule's beta chain: the facts bound so far, by slot, and where it
/// hangs in the token tree.
/// </summary>
/// <remarks>
/// Each token is produced by one node and consumed by exactly one (the next in the chain). This
/// base carries the producer's side: links among its producer's output (siblings under the same
/// parent, a place in the bag of what its right fact caused in the join), for O(1) removal, so no
/// dictionary is needed to find what a token caused. The consumer's side depends on the consumer:
/// a beta node keeps a <see cref="MemoryToken"/> in its left memory; a terminal node's token is the
/// activation itself, which needs none of that bookkeeping.
/// </remarks>
internal abstract class Token(object?[] facts, MemoryToken? parent, RightState? right) : BucketItem
{
    /// <summary>Bound values by slot; never mutated while the token lives, and shared by tokens that add no binding.</summary>
    public object?[] Facts = facts;

    public MemoryToken? Parent = parent;

    /// <summary>If a join produced this token, what the right fact it was joined with caused in that join.</summary>
    public RightState? Right = right;

    // Producer side: membership in Parent's child list (and, by RightIndex, in Right's bag). A root
    // token has neither: its sibling links chain the roots of one fact instead (see FactHandle).
    public Token? PrevSibling;
    public Token? NextSibling;

    /// <summary>The token's place among <see cref="Right"/>'s children (see <see cref="RightState.AddChild"/>).</summary>
    public int RightIndex = -1;

    /// <summary>
    /// For a root token (one made from a single fact, with no parent): the next root of the same
    /// fact, in the order they were made, the newest linking back to the oldest (see
    /// <see cref="Runtime.OrderedChain{T, TLink}"/>).
    /// </summary>
    public Token? NextRoot
    {
        get => NextSibling;
        set => NextSibling = value;
    }

    /// <summary>Makes a recycled token new again (see <see cref="Runtime.SessionArena"/>).</summary>
    protected void Reuse(object?[] facts, MemoryToken? parent, RightState? right)
    {
        Facts = facts;
        Parent = parent;
        Right = right;
        PrevSibling = NextSibling = null;
        RightIndex = -1;
        BucketIndex = -1;
    }
}
