namespace PolicyRules.Engine.Rete;

/// <summary>
/// A token consumed by a beta node (join, not, exists, aggregate): the node keeps it in its left
/// memory with its index key, and it records what it caused there (its blocker, an aggregate's
/// matches; the children of a <see cref="ParentToken"/>). A not or exists node that ends its chain
/// keeps <see cref="MatchToken"/>s, which are the matches themselves.
/// </summary>
internal abstract class MemoryToken(object?[] facts) : Token(facts)
{
    public object Key = JoinKey.None;

    /// <summary>The consumer's extra state: a not or exists node's blocker (a <see cref="RightState"/>), an aggregate's matches.</summary>
    public object? State;

    /// <summary>The token's place among its blocker's tokens (see <see cref="RightState.AddBlocked"/>).</summary>
    public int BlockedIndex = -1;

    /// <summary>In a not or exists node: the right fact's state that blocks this token, if any.</summary>
    public RightState? Blocker => State as RightState;

    /// <summary>Makes a recycled token new again (see <see cref="Runtime.SessionArena"/>).</summary>
    protected new void Reuse(object?[] facts)
    {
        base.Reuse(facts);
        Key = JoinKey.None;
        State = null;
        BlockedIndex = -1;
    }

    /// <summary>
    /// Drops what could keep a user's objects alive (the facts, a key computed from them, an
    /// aggregate's state), so a pooled token holds on to nothing of its session. Links to other
    /// pooled objects are left for <c>Reuse</c> to reset: they keep nothing alive.
    /// </summary>
    public virtual void Clear()
    {
        Facts = [];
        Key = JoinKey.None;
        State = null;
    }
}
