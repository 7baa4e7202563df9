using System.Runtime.CompilerServices;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// A session's tokens as rows in chunks that never move, handed out in order and taken back all
/// at once when the session ends; within a session, the row of a withdrawn token is discarded and
/// reused once the change that removed it is complete (<see cref="Recycle"/>), never while a
/// propagation may still hold it. The token tree's links (parent, children, siblings) are ids, and
/// the table keeps them.
/// </summary>
/// <remarks>
/// A chunk holds 2,048 rows (147 KB), on the large object heap: allocated once and never copied by
/// the collector. Chunks never grow in place, so a reference to a row stays valid while rows are added.
/// </remarks>
internal sealed class TokenTable
{
    private const int Shift = 11;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;

    private readonly List<int> _discarded = [];
    private readonly Stack<int> _free = new();
    private Token[][] _chunks = [];
    private int _chunkCount;
    private int _used;

    /// <summary>How many rows the table has made: a huge table is not worth keeping.</summary>
    public int Count => _chunkCount * ChunkSize;

    /// <summary>Rows in use: handed out and not yet given back by a retraction.</summary>
    public int Live => _used - _free.Count - _discarded.Count;

    /// <summary>The row <paramref name="id"/>, by reference.</summary>
    public ref Token this[int id]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _chunks[id >> Shift][id & Mask];
    }

    /// <summary>A token binding <paramref name="facts"/>: a root when <paramref name="parent"/> is -1. Returns its id.</summary>
    /// <param name="facts">The facts bound so far.</param>
    /// <param name="parent">The token it extends, or -1.</param>
    /// <param name="right">For a join's child, what the right fact caused in that join.</param>
    public int New(object?[] facts, int parent, RightState? right)
    {
        if (!_free.TryPop(out var id))
        {
            if (_used == _chunkCount * ChunkSize)
            {
                AddChunk();
            }

            id = _used++;
        }

        this[id].Reuse(facts, parent, right);
        return id;
    }

    /// <summary>Puts <paramref name="child"/> first among <paramref name="parent"/>'s children.</summary>
    public void AddChild(int parent, int child)
    {
        ref var row = ref this[parent];
        var first = row.FirstChild;
        this[child].NextSibling = first;
        if (first >= 0)
        {
            this[first].PrevSibling = child;
        }

        row.FirstChild = child;
    }

    /// <summary>Takes <paramref name="child"/> out of its parent's children.</summary>
    public void RemoveChild(int child)
    {
        ref var row = ref this[child];
        var previous = row.PrevSibling;
        var next = row.NextSibling;
        if (previous >= 0)
        {
            this[previous].NextSibling = next;
        }
        else
        {
            this[row.Parent].FirstChild = next;
        }

        if (next >= 0)
        {
            this[next].PrevSibling = previous;
        }

        row.PrevSibling = row.NextSibling = -1;
    }

    /// <summary>A token a retraction removed from the network: free once the change is complete.</summary>
    public void Discard(int id) => _discarded.Add(id);

    /// <summary>Frees the discarded rows, cleared, for the next tokens.</summary>
    public void Recycle()
    {
        foreach (var id in _discarded)
        {
            this[id].Clear();
            _free.Push(id);
        }

        _discarded.Clear();
    }

    /// <summary>Takes back every row handed out, cleared, keeping the chunks for the next session.</summary>
    public void Release()
    {
        for (var id = 0; id < _used; id++)
        {
            this[id].Clear();
        }

        _used = 0;
        _discarded.Clear();
        _free.Clear();
    }

    private void AddChunk()
    {
        if (_chunkCount == _chunks.Length)
        {
            Array.Resize(ref _chunks, Math.Max(4, _chunks.Length * 2));
        }

        _chunks[_chunkCount++] = new Token[ChunkSize];
    }
}
