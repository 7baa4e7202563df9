namespace PolicyRules.Engine.Rete;

/// <summary>
/// A partial match flowing down a rule's beta chain: the facts bound so far, by slot.
/// </summary>
/// <remarks>
/// Each token is produced by one node and consumed by exactly one (the next in the chain), so it
/// carries fields for both: links among its producer's output (siblings under the same parent and
/// under the same right fact, for O(1) removal) and the consumer's bookkeeping (index key, blocker,
/// children, aggregate state or activation). No dictionary is needed to find what a token caused.
/// </remarks>
internal class Token(object?[] facts, Token? parent, RightEntry? right) : BucketItem
{
    /// <summary>Bound values by slot; never mutated while the token lives, and shared by tokens that add no binding.</summary>
    public object?[] Facts = facts;

    public Token? Parent = parent;

    /// <summary>The right fact this token was joined with, if a join produced it.</summary>
    public RightEntry? Right = right;

    // Producer side: membership in Parent's and Right's child lists.
    public Token? PrevSibling;
    public Token? NextSibling;
    public Token? PrevByRight;
    public Token? NextByRight;

    // Consumer side.
    public Token? FirstChild;
    public object Key = JoinKey.None;
    public RightEntry? Blocker;
    public Token? PrevBlocked;
    public Token? NextBlocked;

    /// <summary>The consumer's extra state: an aggregate's matches, or a terminal's activation.</summary>
    public object? State;

    /// <summary>Makes a recycled token new again (see <see cref="Runtime.SessionArena"/>).</summary>
    public void Reuse(object?[] facts, Token? parent, RightEntry? right)
    {
        Facts = facts;
        Parent = parent;
        Right = right;
        PrevSibling = NextSibling = PrevByRight = NextByRight = FirstChild = null;
        Key = JoinKey.None;
        Blocker = null;
        PrevBlocked = NextBlocked = null;
        State = null;
        BucketIndex = -1;
    }

    /// <summary>
    /// Drops what could keep a user's objects alive (the facts, a key computed from them, an
    /// aggregate's state), so a pooled token holds on to nothing of its session. Links to other
    /// pooled objects are left for <see cref="Reuse"/> to reset: they keep nothing alive.
    /// </summary>
    public void Clear()
    {
        Facts = [];
        Key = JoinKey.None;
        State = null;
    }

    public void AddChild(Token child)
    {
        child.NextSibling = FirstChild;
        if (FirstChild is not null)
        {
            FirstChild.PrevSibling = child;
        }

        FirstChild = child;
    }

    public void RemoveChild(Token child)
    {
        if (child.PrevSibling is not null)
        {
            child.PrevSibling.NextSibling = child.NextSibling;
        }
        else
        {
            FirstChild = child.NextSibling;
        }

        if (child.NextSibling is not null)
        {
            child.NextSibling.PrevSibling = child.PrevSibling;
        }

        child.PrevSibling = child.NextSibling = null;
    }
}
