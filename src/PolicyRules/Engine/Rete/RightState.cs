namespace PolicyRules.Engine.Rete;

/// <summary>
/// What one right fact caused in one node: the tokens a join made with it, or the left tokens it
/// blocks (<c>not</c>) or satisfies (<c>exists</c>). Made only when the fact first causes
/// something there, which most facts never do in most of the nodes their memory feeds.
/// </summary>
/// <remarks>
/// A node is a join or a blocking node, never both, so one bag of token ids holds either kind. Each
/// token knows its place in the bag (a join's child in <see cref="TokenLinks.RightIndex"/>, a blocked
/// token in <see cref="Token.BlockedIndex"/>), for O(1) removal.
/// </remarks>
internal sealed class RightState
{
    private int[]? _tokens;
    private int _count;

    /// <summary>Forgets every token (a pooled state starts empty).</summary>
    public void Clear() => _count = 0;

    public void AddChild(TokenTable tokens, int child) => tokens.LinksOf(child).RightIndex = Add(child);

    public void RemoveChild(TokenTable tokens, int child)
    {
        ref var links = ref tokens.LinksOf(child);
        var moved = Remove(links.RightIndex);
        if (moved >= 0)
        {
            tokens.LinksOf(moved).RightIndex = links.RightIndex;
        }

        links.RightIndex = -1;
    }

    /// <summary>Removes and returns the most recent child, or -1 when none is left.</summary>
    public int TakeChild(TokenTable tokens)
    {
        var child = TakeLast();
        if (child >= 0)
        {
            tokens.LinksOf(child).RightIndex = -1;
        }

        return child;
    }

    public void AddBlocked(TokenTable tokens, int token)
    {
        ref var row = ref tokens[token];
        row.State = this;
        row.BlockedIndex = Add(token);
    }

    public void RemoveBlocked(TokenTable tokens, int token)
    {
        ref var row = ref tokens[token];
        var moved = Remove(row.BlockedIndex);
        if (moved >= 0)
        {
            tokens[moved].BlockedIndex = row.BlockedIndex;
        }

        row.State = null;
        row.BlockedIndex = -1;
    }

    /// <summary>Removes and returns the token most recently blocked, or -1 when none is left.</summary>
    public int TakeBlocked(TokenTable tokens)
    {
        var token = TakeLast();
        if (token >= 0)
        {
            ref var row = ref tokens[token];
            row.State = null;
            row.BlockedIndex = -1;
        }

        return token;
    }

    private int Add(int token)
    {
        if (_tokens is null || _count == _tokens.Length)
        {
            Array.Resize(ref _tokens, Math.Max(4, _count * 2));
        }

        _tokens[_count] = token;
        return _count++;
    }

    /// <summary>Fills the gap at <paramref name="index"/> with the last token and returns that token (-1 if the gap was last), which the caller tells its new place.</summary>
    private int Remove(int index)
    {
        var last = --_count;
        if (index == last)
        {
            return -1;
        }

        var moved = _tokens![last];
        _tokens[index] = moved;
        return moved;
    }

    private int TakeLast() => _count == 0 ? -1 : _tokens![--_count];
}
