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

    private readonly List<Token> _tokens = [];
    private readonly List<Activation> _activations = [];
    private readonly List<FactHandle> _handles = [];
    private readonly List<RightEntry> _entries = [];
    private int _tokensUsed;
    private int _activationsUsed;
    private int _handlesUsed;
    private int _entriesUsed;

    public RuleNetwork Network { get; } = network;

    /// <summary>How many pooled objects the arena holds: a huge one is not worth keeping.</summary>
    public int Size => _tokens.Count + _activations.Count + _handles.Count + _entries.Count;

    public Token NewToken(object?[] facts, Token? parent, RightEntry? right)
    {
        if (_tokensUsed < _tokens.Count)
        {
            var token = _tokens[_tokensUsed++];
            token.Reuse(facts, parent, right);
            return token;
        }

        var created = new Token(facts, parent, right);
        _tokens.Add(created);
        _tokensUsed++;
        return created;
    }

    public Activation NewActivation(CompiledRule rule, object?[] facts, Token? parent, RightEntry? right, long sequence)
    {
        if (_activationsUsed < _activations.Count)
        {
            var activation = _activations[_activationsUsed++];
            activation.Reuse(rule, facts, parent, right, sequence);
            return activation;
        }

        var created = new Activation(rule, facts, parent, right, sequence);
        _activations.Add(created);
        _activationsUsed++;
        return created;
    }

    public FactHandle NewHandle(object fact, long sequence)
    {
        if (_handlesUsed < _handles.Count)
        {
            var handle = _handles[_handlesUsed++];
            handle.Reuse(fact, sequence);
            return handle;
        }

        var created = new FactHandle(fact, sequence);
        _handles.Add(created);
        _handlesUsed++;
        return created;
    }

    public RightEntry NewRightEntry(FactHandle handle, object key)
    {
        if (_entriesUsed < _entries.Count)
        {
            var entry = _entries[_entriesUsed++];
            entry.Reuse(handle, key);
            return entry;
        }

        var created = new RightEntry(handle, key);
        _entries.Add(created);
        _entriesUsed++;
        return created;
    }

    /// <summary>Forgets every fact and match, keeping the objects (and table capacities) for the next session.</summary>
    public void Clear()
    {
        for (var i = 0; i < _tokensUsed; i++)
        {
            _tokens[i].Clear();
        }

        for (var i = 0; i < _activationsUsed; i++)
        {
            _activations[i].Clear();
        }

        for (var i = 0; i < _handlesUsed; i++)
        {
            _handles[i].Clear();
        }

        for (var i = 0; i < _entriesUsed; i++)
        {
            _entries[i].Clear();
        }

        _tokensUsed = _activationsUsed = _handlesUsed = _entriesUsed = 0;
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
}
