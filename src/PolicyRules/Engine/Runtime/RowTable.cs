using System.Numerics;
using System.Runtime.CompilerServices;

namespace PolicyRules.Engine.Runtime;

/// <summary>A row of a <see cref="RowTable{T}"/>: it drops what it holds of the user's objects when given back.</summary>
internal interface IPooledRow
{
    /// <summary>Drops what could keep a user's objects alive; ids of other rows keep nothing alive and may stay.</summary>
    void Clear();
}

/// <summary>
/// A session's rows of one kind (fact handles, tokens) in chunks that never move, handed out in
/// order and taken back all at once when the session ends; within a session, a row a retraction
/// took out is discarded and reused once the change that removed it is complete
/// (<see cref="Recycle"/>), never while a propagation may still hold it.
/// </summary>
/// <remarks>
/// A chunk is just large enough for the large object heap (85,000 bytes): allocated once and never
/// copied by the collector, where as many small objects would be promoted, and copied, from
/// generation to generation. Chunks never grow in place, so a reference to a row stays valid while
/// rows are added. Callers initialise the rows they get: a reused row keeps what it held.
/// </remarks>
/// <typeparam name="T">The row.</typeparam>
internal sealed class RowTable<T>
    where T : struct, IPooledRow
{
    // The fewest rows (a power of two) that put a chunk on the large object heap.
    private static readonly int Shift = BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)(85_000 / Unsafe.SizeOf<T>()) + 1));
    private static readonly int Mask = (1 << Shift) - 1;

    private readonly List<int> _discarded = [];
    private readonly Stack<int> _free = new();
    private T[][] _chunks = [];
    private int _chunkCount;
    private int _used;

    /// <summary>How many rows the table has made: a huge table is not worth keeping.</summary>
    public int Count => _chunkCount << Shift;

    /// <summary>Rows in use: handed out and not yet given back by a retraction.</summary>
    public int Live => _used - _free.Count - _discarded.Count;

    /// <summary>The row <paramref name="id"/>, by reference.</summary>
    public ref T this[int id]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _chunks[id >> Shift][id & Mask];
    }

    /// <summary>A row to use, freed or never used; returns its id.</summary>
    public int New()
    {
        if (_free.TryPop(out var id))
        {
            return id;
        }

        if (_used == Count)
        {
            AddChunk();
        }

        return _used++;
    }

    /// <summary>A row a retraction took out: free once the change is complete.</summary>
    public void Discard(int id) => _discarded.Add(id);

    /// <summary>Frees the discarded rows, cleared, for reuse.</summary>
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

        _chunks[_chunkCount++] = new T[1 << Shift];
    }
}
