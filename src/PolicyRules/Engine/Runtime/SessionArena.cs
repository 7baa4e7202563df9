using PolicyRules.Engine.Rete;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// Everything a session allocates: node memories, fact handles, tokens, activations, right
/// entries, and the working-memory tables. When a session is disposed its arena is cleared and
/// pooled by the network, and the next session reuses the objects instead of allocating them: a
/// Rete session's objects all live as long as the session, which is the costliest pattern for a
/// generational garbage collector.
/// </summary>
/// <remarks>
/// Objects are handed out in order and taken back all at once: each pool is a list and a count
/// of the objects in use.
/// </remarks>
internal sealed class SessionArena(RuleNetwork network)
{
    public readonly object?[] Memories = new object?[network.NodeCount];
    public readonly Dictionary<object, FactHandle> Facts = new(ReferenceEqualityComparer.Instance);
    public readonly Queue<FactHandle> LinkedToRetract = new();
    public readonly List<(AlphaMemoryNode Memory, FactHandle Handle)> Deferred = [];
    public readonly Agenda Agenda = new();
    public readonly SessionMetrics Metrics = new();

    private readonly Pool<Token> _tokens = new();
    private readonly Pool<Activation> _activations = new();
    private readonly Pool<FactHandle> _handles = new();
    private readonly Pool<RightEntry> _entries = new();

    public RuleNetwork Network { get; } = network;

    /// <summary>How many pooled objects the arena holds: a huge one is not worth keeping.</summary>
    public int Size => _tokens.Count + _activations.Count + _handles.Count + _entries.Count;

    public Token NewToken(object?[] facts, Token? parent, RightEntry? right)
    {
        if (_tokens.Reuse() is { } token)
        {
            token.Reuse(facts, parent, right);
            return token;
        }

        return _tokens.Add(new Token(facts, parent, right));
    }

    public Activation NewActivation(CompiledRule rule, object?[] facts, Token? parent, RightEntry? right, long sequence)
    {
        if (_activations.Reuse() is { } activation)
        {
            activation.Reuse(rule, facts, parent, right, sequence);
            return activation;
        }

        return _activations.Add(new Activation(rule, facts, parent, right, sequence));
    }

    public FactHandle NewHandle(object fact, long sequence)
    {
        if (_handles.Reuse() is { } handle)
        {
            handle.Reuse(fact, sequence);
            return handle;
        }

        return _handles.Add(new FactHandle(fact, sequence));
    }

    public RightEntry NewRightEntry(FactHandle handle, object key)
    {
        if (_entries.Reuse() is { } entry)
        {
            entry.Reuse(handle, key);
            return entry;
        }

        return _entries.Add(new RightEntry(handle, key));
    }

    /// <summary>Forgets every fact and match, keeping the objects (and table capacities) for the next session.</summary>
    public void Clear()
    {
        _tokens.Release(token => token.Clear());
        _activations.Release(activation => activation.Clear());
        _handles.Release(handle => handle.Clear());
        _entries.Release(entry => entry.Clear());
        foreach (var memory in Memories)
        {
            (memory as BetaMemory)?.Clear();
        }

        Facts.Clear();
        LinkedToRetract.Clear();
        Deferred.Clear();
        Agenda.Clear();
        Metrics.Reset();
    }

    /// <summary>Objects handed out in order and taken back all at once: a list and how many are in use.</summary>
    private sealed class Pool<T>
        where T : class
    {
        private readonly List<T> _items = [];
        private int _used;

        public int Count => _items.Count;

        /// <summary>The next object to reuse, or null when all are in use.</summary>
        public T? Reuse() => _used < _items.Count ? _items[_used++] : null;

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
        }
    }
}
