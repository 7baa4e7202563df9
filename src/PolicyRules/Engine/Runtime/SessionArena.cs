using PolicyRules.Engine.Rete;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// Everything a session allocates: node memories, fact handles, tokens, activations, right
/// entries and states, and the working-memory tables. When a session is disposed its arena is
/// cleared and pooled by the network, and the next session reuses the objects instead of
/// allocating them: a Rete session's objects all live as long as the session, which is the
/// costliest pattern for a generational garbage collector. Activations are rows of the agenda, not objects.
/// </summary>
/// <remarks>
/// Objects are handed out in order and taken back all at once when the session ends; within a
/// session, what a retraction removes (handles, tokens, activations, right entries) is discarded
/// and reused once the change that removed it is complete (<see cref="Recycle"/>), never while a
/// propagation may still hold it. A match token may be reused while the agenda still holds rows
/// for it: their stamp tells them apart (see <see cref="Token.Stamp"/>).
/// </remarks>
internal sealed class SessionArena
{
    public readonly object?[] Memories;

    /// <summary>The facts in working memory, by identity: the id of each one's row in <see cref="Handles"/>.</summary>
    public readonly FactTable Facts;

    /// <summary>The facts in working memory, as rows.</summary>
    public readonly FactHandleTable Handles;

    /// <summary>The partial matches and matches, as rows.</summary>
    public readonly TokenTable Tokens = new();
    public readonly Queue<int> LinkedToRetract = new();

    /// <summary>The handles of an outermost <c>InsertAll</c>, reused from call to call.</summary>
    public readonly List<int> BatchHandles = [];

    /// <summary>The handles of a batch that entered a memory with right inputs, reused from call to call.</summary>
    public readonly List<int> BatchRightHandles = [];

    /// <summary>The root tokens of an outermost batch in the order they were made, reused from call to call (in chunks: no copy left behind as it grows).</summary>
    public readonly SegmentedList<BatchRoot> BatchRoots = new();

    /// <summary>What finds a fact given twice in a batch, reused from call to call.</summary>
    public readonly BatchRepeats BatchRepeats = new();
    public readonly Agenda Agenda;
    public readonly SessionMetrics Metrics = new();

    /// <summary>The activation firing, as actions see it.</summary>
    public readonly FiringMatch FiringMatch = new();

    private readonly Pool<RightEntry> _entries = new();
    private readonly Pool<RightState> _states = new();

    public SessionArena(RuleNetwork network)
    {
        Network = network;
        Memories = new object?[network.NodeCount];
        Handles = new FactHandleTable(network.MaxSlotCount);
        Facts = new FactTable(Handles);
        Agenda = new Agenda(Tokens);
    }

    public RuleNetwork Network { get; }

    /// <summary>Objects in use: handed out and not yet given back by a retraction.</summary>
    public int Live => Tokens.Live + Handles.Live + _entries.Live + _states.Live;

    /// <summary>How many pooled objects the arena holds: a huge one is not worth keeping.</summary>
    public int Size => Tokens.Count + Handles.Count + _entries.Count + _states.Count;

    public RightEntry NewRightEntry(in FactHandle handle, object key, int slot)
    {
        if (_entries.Reuse() is { } entry)
        {
            entry.Reuse(handle, key, slot);
            return entry;
        }

        return _entries.Add(new RightEntry(handle, key, slot));
    }

    public RightState NewRightState() => _states.Reuse() ?? _states.Add(new RightState());

    public void Discard(RightEntry entry) => _entries.Discard(entry);

    public void Discard(RightState state) => _states.Discard(state);

    /// <summary>
    /// Gives back what the last change discarded, cleared, for the next facts and matches: called
    /// when an outermost session call completes, so a session that inserts and retracts forever
    /// holds steady memory.
    /// </summary>
    public void Recycle()
    {
        Tokens.Recycle();
        Handles.Recycle();
        _entries.Recycle(entry => entry.Clear());
        _states.Recycle(state => state.Clear());
    }

    /// <summary>Forgets every fact and match, keeping the objects (and table capacities) for the next session.</summary>
    public void Clear()
    {
        Tokens.Release();
        Handles.Release();
        _entries.Release(entry => entry.Clear());
        _states.Release(state => state.Clear());
        foreach (var memory in Memories)
        {
            switch (memory)
            {
                case BetaMemory beta:
                    beta.Clear();
                    break;
                case RightMemory right:
                    right.Clear();
                    break;
            }
        }

        Facts.Clear();
        LinkedToRetract.Clear();
        BatchHandles.Clear();
        BatchRightHandles.Clear();
        BatchRoots.Clear();
        Agenda.Clear();
        FiringMatch.Clear();
        Metrics.Reset();
    }

    /// <summary>
    /// Objects handed out in order and taken back all at once (a list and how many are in use), plus
    /// the ones given back early: discarded during a change, free once it is complete.
    /// </summary>
    private sealed class Pool<T>
        where T : class
    {
        private readonly SegmentedList<T> _items = new();
        private readonly List<T> _discarded = [];
        private readonly Stack<T> _free = new();
        private int _used;

        public int Count => _items.Count;

        public int Live => _used - _free.Count - _discarded.Count;

        /// <summary>The next object to reuse, or null when all are in use.</summary>
        public T? Reuse() => _free.TryPop(out var item) ? item : _used < _items.Count ? _items[_used++] : null;

        public void Discard(T item) => _discarded.Add(item);

        /// <summary>Frees the discarded objects, clearing each.</summary>
        public void Recycle(Action<T> clear)
        {
            foreach (var item in _discarded)
            {
                clear(item);
                _free.Push(item);
            }

            _discarded.Clear();
        }

        public T Add(T item)
        {
            _items.Add(item);
            _used++;
            return item;
        }

        /// <summary>Takes back every object handed out, clearing each.</summary>
        public void Release(Action<T> clear)
        {
            for (var i = 0; i < _used; i++)
            {
                clear(_items[i]);
            }

            _used = 0;
            _discarded.Clear();
            _free.Clear();
        }
    }
}
