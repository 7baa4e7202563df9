using System.Runtime.CompilerServices;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// A session's fact handles as rows in chunks that never move, handed out in order and taken back
/// all at once when the session ends; within a session, the row of a retracted fact is discarded and
/// reused once the change that removed it is complete (<see cref="Recycle"/>), never while a
/// propagation may still hold it.
/// </summary>
/// <remarks>
/// A chunk holds 1,024 rows (90 KB), on the large object heap: allocated once and never copied by
/// the collector, where 100,000 small objects were promoted, and copied, from generation to
/// generation. Chunks never grow in place, so a reference to a row stays valid while rows are added.
/// </remarks>
internal sealed class FactHandleTable(int rootSlots)
{
    private const int Shift = 10;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;

    private readonly List<int> _discarded = [];
    private readonly Stack<int> _free = new();
    private FactHandle[][] _chunks = [];
    private int _chunkCount;
    private int _used;

    /// <summary>How many rows the table has made: a huge table is not worth keeping.</summary>
    public int Count => _chunkCount * ChunkSize;

    /// <summary>Rows in use: handed out and not yet given back by a retraction.</summary>
    public int Live => _used - _free.Count - _discarded.Count;

    /// <summary>The row <paramref name="id"/>, by reference.</summary>
    public ref FactHandle this[int id]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _chunks[id >> Shift][id & Mask];
    }

    /// <summary>A row for <paramref name="fact"/>; returns its id.</summary>
    /// <param name="fact">The fact.</param>
    /// <param name="sequence">Its insertion order.</param>
    /// <param name="startsRules">Whether a rule can start with the fact: only then does the row need an array of root facts.</param>
    public int New(object fact, long sequence, bool startsRules)
    {
        if (!_free.TryPop(out var id))
        {
            if (_used == _chunkCount * ChunkSize)
            {
                AddChunk();
            }

            id = _used++;
        }

        ref var row = ref this[id];

        // The root-facts array is made with its row and kept with it, so the two are made side by
        // side: made later with the first root, it sat among the tokens, a cache miss of its own.
        // A fact no rule can start with (a derived conflict, say) never needs one.
        if (startsRules)
        {
            RootFactsOf(ref row);
        }
        row.Reuse(id, fact, sequence);
        return id;
    }

    /// <summary>The row's array of root facts (as long as the network's longest rule), made on first need and kept with the row.</summary>
    public object?[] RootFactsOf(ref FactHandle row) => row.RootFacts ??= new object?[rootSlots];

    /// <summary>A row a retraction or a refused batch took out: free once the change is complete.</summary>
    public void Discard(int id) => _discarded.Add(id);

    /// <summary>Frees the discarded rows, cleared, for the next facts.</summary>
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

        _chunks[_chunkCount++] = new FactHandle[ChunkSize];
    }
}
