using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// A partial match flowing down a rule's beta chain, as a row of the session's
/// <see cref="TokenTable"/>: the facts bound so far, by slot, where it hangs in the token tree, and
/// what its consumer keeps with it. Rows, not objects: W1's C=100k makes 190,000 tokens, and rows in
/// a few large arrays are neither given a header each nor copied from generation to generation.
/// Nodes take a row by reference; what must remember a token keeps its id.
/// </summary>
/// <remarks>
/// Each token is produced by one node and consumed by exactly one (the next in the chain). A root,
/// made from one fact at the start of a chain, has no parent; a child, made by a beta node, knows
/// its parent, its siblings and, if a join made it, what the right fact it was joined with caused
/// there, for O(1) withdrawal (a row of its own, <see cref="TokenLinks"/>, which a root does without).
/// A token that reached a terminal is a match: the agenda's rows point at it, and it keeps the facts
/// its actions inserted as linked. One layout serves every kind (56 bytes), the fields a kind does
/// not use left at their defaults.
/// </remarks>
internal struct Token : IPooledRow
{
    /// <summary>Bound values by slot; never mutated while the token lives, and shared by tokens that add no binding.</summary>
    public object?[] Facts;

    /// <summary>
    /// The consumer's index key (see <see cref="RightInputNode"/>), computed by whatever made the
    /// token (<see cref="BetaNode.LeftKeyOf"/>): a batch makes a fact's root tokens while it routes
    /// the fact, so the key is read while the fact is in the processor's cache, not on a second visit.
    /// </summary>
    public object Key;

    /// <summary>The consumer's extra state: a not or exists node's blocker (a <see cref="RightState"/>), an aggregate's matches.</summary>
    public object? State;

    /// <summary>
    /// For a child, the next token under the same parent; for a root, the next root of the same
    /// fact, the newest linking back to the oldest (see <see cref="Runtime.FactHandle.AddRoot"/>); or -1.
    /// </summary>
    public int NextSibling;

    /// <summary>
    /// For a token that passes children on, the newest of them; for a match, the row of the first
    /// fact its actions inserted as linked (retracted when the match goes); -1 for none. A token is
    /// never both.
    /// </summary>
    public int FirstChild;

    /// <summary>The token's place in its consumer's bucket (see <see cref="TokenBucket"/>), or -1.</summary>
    public int BucketIndex;

    /// <summary>The token's place among its blocker's tokens (see <see cref="RightState.AddBlocked"/>), or -1.</summary>
    public int BlockedIndex;

    /// <summary>
    /// Counts the match's withdrawals, and is never reset, not even when the row is reused: a row on
    /// the agenda made before the last withdrawal has an older stamp, so the agenda drops it when it
    /// comes up instead of looking for it when the match goes.
    /// </summary>
    public int Stamp;

    /// <summary>The agenda's rows of the current stamp still waiting.</summary>
    public int Pending;

    /// <summary>For a child, its links to its producer (see <see cref="TokenTable.LinksOf"/>); -1 for a root.</summary>
    public int Links;

    /// <summary>The row of the first fact a match's actions inserted as linked (see <see cref="FirstChild"/>).</summary>
    public int FirstLinked
    {
        readonly get => FirstChild;
        set => FirstChild = value;
    }

    /// <summary>In a not or exists node: the right fact's state that blocks this token, if any.</summary>
    public readonly RightState? Blocker => State as RightState;

    /// <summary>Makes a row new (or a recycled row new again); its stamp stays.</summary>
    public void Reuse(object?[] facts, object key, int links)
    {
        Facts = facts;
        Key = key;
        State = null;
        NextSibling = FirstChild = BucketIndex = BlockedIndex = -1;
        Pending = 0;
        Links = links;
    }

    /// <summary>
    /// Drops what could keep a user's objects alive (the facts, a key computed from them, an
    /// aggregate's state), so a pooled row holds on to nothing of its session. Ids of other rows keep
    /// nothing alive, and <see cref="Reuse"/> resets them.
    /// </summary>
    public void Clear()
    {
        Facts = [];
        Key = JoinKey.None;
        State = null;
    }
}
