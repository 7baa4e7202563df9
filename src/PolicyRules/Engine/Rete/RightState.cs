namespace PolicyRules.Engine.Rete;

/// <summary>
/// What one right fact caused in one node: the tokens a join made with it, or the left tokens it
/// blocks (<c>not</c>) or satisfies (<c>exists</c>). Made only when the fact first causes
/// something there, which most facts never do in most of the nodes their memory feeds.
/// </summary>
internal sealed class RightState
{
    // Tokens a join produced with this fact: a bag kept with the pooled state, each child knowing
    // its place (Token.RightIndex), which costs a token 4 bytes where two links cost it 16.
    private Token[]? _children;
    private int _childCount;

    /// <summary>Left tokens this fact blocks (not) or satisfies (exists).</summary>
    public MemoryToken? FirstBlocked;

    /// <summary>Forgets every child and blocked token (a pooled state starts empty).</summary>
    public void Clear()
    {
        FirstBlocked = null;
        if (_childCount > 0)
        {
            Array.Clear(_children!, 0, _childCount);
            _childCount = 0;
        }
    }

    public void AddChild(Token child)
    {
        if (_children is null || _childCount == _children.Length)
        {
            Array.Resize(ref _children, Math.Max(4, _childCount * 2));
        }

        child.RightIndex = _childCount;
        _children[_childCount++] = child;
    }

    public void RemoveChild(Token child)
    {
        var index = child.RightIndex;
        var last = --_childCount;
        if (index != last)
        {
            var moved = _children![last];
            _children[index] = moved;
            moved.RightIndex = index;
        }

        _children![last] = null!;
        child.RightIndex = -1;
    }

    /// <summary>Removes and returns the most recent child, or null when none is left.</summary>
    public Token? TakeChild()
    {
        if (_childCount == 0)
        {
            return null;
        }

        var child = _children![--_childCount];
        _children[_childCount] = null!;
        child.RightIndex = -1;
        return child;
    }

    public void AddBlocked(MemoryToken token)
    {
        token.Blocker = this;
        token.PrevBlocked = null;
        token.NextBlocked = FirstBlocked;
        if (FirstBlocked is not null)
        {
            FirstBlocked.PrevBlocked = token;
        }

        FirstBlocked = token;
    }

    public void RemoveBlocked(MemoryToken token)
    {
        if (token.PrevBlocked is not null)
        {
            token.PrevBlocked.NextBlocked = token.NextBlocked;
        }
        else
        {
            FirstBlocked = token.NextBlocked;
        }

        if (token.NextBlocked is not null)
        {
            token.NextBlocked.PrevBlocked = token.PrevBlocked;
        }

        token.Blocker = null;
        token.PrevBlocked = token.NextBlocked = null;
    }
}
