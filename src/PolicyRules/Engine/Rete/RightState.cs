namespace PolicyRules.Engine.Rete;

/// <summary>
/// What one right fact caused in one node: the tokens a join made with it, or the left tokens it
/// blocks (<c>not</c>) or satisfies (<c>exists</c>). Made only when the fact first causes
/// something there, which most facts never do in most of the nodes their memory feeds.
/// </summary>
/// <remarks>
/// A node is a join or a blocking node, never both, so one bag holds either kind. Each token knows
/// its place in the bag (a join's child in <see cref="ChildLinks.RightIndex"/>, a blocked token in
/// <see cref="MemoryToken.BlockedIndex"/>), which costs a token 4 bytes where two links cost it 16.
/// Tokens sit in struct slots, as in a <see cref="Bucket{T}"/>: a store into an array of tokens is
/// type-checked by the runtime (tokens have subclasses), a store into a struct's field is not.
/// </remarks>
internal sealed class RightState
{
    private Slot[]? _tokens;
    private int _count;

    /// <summary>Forgets every token (a pooled state starts empty).</summary>
    public void Clear()
    {
        if (_count > 0)
        {
            Array.Clear(_tokens!, 0, _count);
            _count = 0;
        }
    }

    public void AddChild(Token child) => child.Links.RightIndex = Add(child);

    public void RemoveChild(Token child)
    {
        ref var links = ref child.Links;
        if (Remove(links.RightIndex) is { } moved)
        {
            moved.Links.RightIndex = links.RightIndex;
        }

        links.RightIndex = -1;
    }

    /// <summary>Removes and returns the most recent child, or null when none is left.</summary>
    public Token? TakeChild()
    {
        var child = TakeLast();
        if (child is not null)
        {
            child.Links.RightIndex = -1;
        }

        return child;
    }

    public void AddBlocked(MemoryToken token)
    {
        token.State = this;
        token.BlockedIndex = Add(token);
    }

    public void RemoveBlocked(MemoryToken token)
    {
        if (Remove(token.BlockedIndex) is { } moved)
        {
            ((MemoryToken)moved).BlockedIndex = token.BlockedIndex;
        }

        token.State = null;
        token.BlockedIndex = -1;
    }

    /// <summary>Removes and returns the token most recently blocked, or null when none is left.</summary>
    public MemoryToken? TakeBlocked()
    {
        var token = (MemoryToken?)TakeLast();
        if (token is not null)
        {
            token.State = null;
            token.BlockedIndex = -1;
        }

        return token;
    }

    private int Add(Token token)
    {
        if (_tokens is null || _count == _tokens.Length)
        {
            Array.Resize(ref _tokens, Math.Max(4, _count * 2));
        }

        _tokens[_count].Item = token;
        return _count++;
    }

    /// <summary>Fills the gap at <paramref name="index"/> with the last token and returns that token, which the caller tells its new place.</summary>
    private Token? Remove(int index)
    {
        var last = --_count;
        var moved = index != last ? _tokens![last].Item : null;
        if (moved is not null)
        {
            _tokens![index].Item = moved;
        }

        _tokens![last].Item = null!;
        return moved;
    }

    private Token? TakeLast()
    {
        if (_count == 0)
        {
            return null;
        }

        var token = _tokens![--_count].Item;
        _tokens[_count].Item = null!;
        return token;
    }

    private struct Slot
    {
        public Token Item;
    }
}
