namespace PolicyRules.Engine.Rete;

/// <summary>
/// A partial match flowing down a rule's beta chain: the facts bound so far, by slot, and where it
/// hangs in the token tree.
/// </summary>
/// <remarks>
/// Each token is produced by one node and consumed by exactly one (the next in the chain). The
/// producer's side of a token made by a beta node (a child) is its <see cref="Links"/>: its parent,
/// its siblings, its place in the bag of what its right fact caused, for O(1) removal, so no
/// dictionary is needed to find what a token caused. A root token, made from one fact at the start
/// of a chain, has none of that, and no room for it: at W1's C=100k, 190,000 of 190,000 tokens
/// are roots. The consumer's side depends on the consumer: a beta node keeps a
/// <see cref="MemoryToken"/> in its left memory, a terminal a <see cref="MatchToken"/>.
/// </remarks>
internal abstract class Token(object?[] facts) : BucketItem
{
    /// <summary>Bound values by slot; never mutated while the token lives, and shared by tokens that add no binding.</summary>
    public object?[] Facts = facts;

    /// <summary>
    /// For a child, the next token under the same parent; for a root, the next root of the same
    /// fact, in the order they were made, the newest linking back to the oldest (see
    /// <see cref="Runtime.OrderedChain{T, TLink}"/>).
    /// </summary>
    public Token? NextSibling;

    /// <summary>The next root of the same fact (see <see cref="NextSibling"/>).</summary>
    public Token? NextRoot
    {
        get => NextSibling;
        set => NextSibling = value;
    }

    /// <summary>A child's links to its producer; a root has none, and asking for them is a bug.</summary>
    public abstract ref ChildLinks Links { get; }

    /// <summary>Makes a recycled token new again (see <see cref="Runtime.SessionArena"/>).</summary>
    protected void Reuse(object?[] facts)
    {
        Facts = facts;
        NextSibling = null;
        BucketIndex = -1;
    }

    /// <summary>What a root returns for <see cref="Links"/>: it has no producer.</summary>
    protected static ref ChildLinks NoLinks() =>
        throw new InvalidOperationException("A root token has no parent, siblings or right fact.");
}
