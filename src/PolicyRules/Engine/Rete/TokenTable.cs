using System.Runtime.CompilerServices;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// A session's tokens as rows (see <see cref="RowTable{T}"/>), and the token tree they form: a
/// child's links to its producer are a row of their own (<see cref="TokenLinks"/>), so a root,
/// which has none, costs no room for them. At W1's C=100k, 190,000 of 190,000 tokens are roots.
/// </summary>
internal sealed class TokenTable
{
    private readonly RowTable<Token> _rows = new();
    private readonly RowTable<TokenLinks> _links = new();

    /// <summary>How many rows the table has made: a huge table is not worth keeping.</summary>
    public int Count => _rows.Count + _links.Count;

    /// <summary>Rows in use: handed out and not yet given back by a retraction.</summary>
    public int Live => _rows.Live + _links.Live;

    /// <summary>The token <paramref name="id"/>, by reference.</summary>
    public ref Token this[int id]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _rows[id];
    }

    /// <summary>A child's links to its producer, by reference; only for a token made with a parent.</summary>
    public ref TokenLinks LinksOf(int id) => ref _links[_rows[id].Links];

    /// <summary>A token binding <paramref name="facts"/>: a root when <paramref name="parent"/> is -1. Returns its id.</summary>
    /// <param name="facts">The facts bound so far.</param>
    /// <param name="parent">The token it extends, or -1.</param>
    /// <param name="right">For a join's child, what the right fact caused in that join.</param>
    /// <param name="key">Its consumer's index key (see <see cref="Token.Key"/>).</param>
    public int New(object?[] facts, int parent, RightState? right, object key)
    {
        var id = _rows.New();
        var links = -1;
        if (parent >= 0)
        {
            links = _links.New();
            _links[links].Reuse(parent, right);
        }

        _rows[id].Reuse(facts, key, links);
        return id;
    }

    /// <summary>Puts <paramref name="child"/> first among its parent's children.</summary>
    public void AddChild(int child)
    {
        ref var row = ref this[child];
        ref var parent = ref this[LinksOf(child).Parent];
        var first = parent.FirstChild;
        row.NextSibling = first;
        if (first >= 0)
        {
            LinksOf(first).PrevSibling = child;
        }

        parent.FirstChild = child;
    }

    /// <summary>Takes <paramref name="child"/> out of its parent's children.</summary>
    public void RemoveChild(int child)
    {
        ref var row = ref this[child];
        ref var links = ref LinksOf(child);
        var previous = links.PrevSibling;
        var next = row.NextSibling;
        if (previous >= 0)
        {
            this[previous].NextSibling = next;
        }
        else
        {
            this[links.Parent].FirstChild = next;
        }

        if (next >= 0)
        {
            LinksOf(next).PrevSibling = previous;
        }

        links.PrevSibling = row.NextSibling = -1;
    }

    /// <summary>A token a retraction removed from the network: free once the change is complete.</summary>
    public void Discard(int id)
    {
        var links = _rows[id].Links;
        if (links >= 0)
        {
            _links.Discard(links);
        }

        _rows.Discard(id);
    }

    /// <summary>Frees the discarded rows, cleared, for the next tokens.</summary>
    public void Recycle()
    {
        _rows.Recycle();
        _links.Recycle();
    }

    /// <summary>Takes back every row handed out, cleared, keeping the chunks for the next session.</summary>
    public void Release()
    {
        _rows.Release();
        _links.Release();
    }
}
