using PolicyRules.Engine.Rete;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// A fact in one session's working memory: the alpha memories it entered and the tokens that start
/// rules with it. Most facts enter one or two of each, so the first two are kept in fields and
/// only the rest in lists that stay with the pooled handle when it is reused.
/// </summary>
internal sealed class FactHandle(object fact, long sequence)
{
    public object Fact = fact;

    /// <summary>Insertion order: collections and queries list facts by it.</summary>
    public long Sequence = sequence;

    /// <summary>The fact at slot 0 of an array as long as the network's longest rule: the facts of every root token.</summary>
    public object?[]? RootFacts;

    /// <summary>The activation that inserted this fact as linked, if any.</summary>
    public Activation? LinkedTo;

    /// <summary>The next fact the same activation inserted as linked.</summary>
    public FactHandle? NextLinked;

    /// <summary>
    /// True while the fact is taken out of its memories (a retraction, or the first half of an
    /// update): a token that arrives meanwhile must not join it, nor test conditions on a fact the
    /// caller may already have changed.
    /// </summary>
    public bool Leaving;

    private AlphaMemoryNode? _memory0;
    private AlphaMemoryNode? _memory1;
    // Beyond two: lists kept when the handle is recycled, so a pooled handle allocates them once.
    private List<AlphaMemoryNode>? _memories;

    private LeftAdapterNode? _rootAdapter0;
    private Token? _root0;
    private LeftAdapterNode? _rootAdapter1;
    private Token? _root1;
    private List<(LeftAdapterNode Adapter, Token Token)>? _roots;

    /// <summary>Makes a recycled handle new again; its root array is kept and refilled.</summary>
    public void Reuse(object fact, long sequence)
    {
        Leaving = false;
        Fact = fact;
        Sequence = sequence;
        LinkedTo = null;
        NextLinked = null;
        _memory0 = _memory1 = null;
        _memories?.Clear();
        _rootAdapter0 = _rootAdapter1 = null;
        _root0 = _root1 = null;
        _roots?.Clear();
        if (RootFacts is not null)
        {
            RootFacts[0] = fact;
        }
    }

    /// <summary>Drops the user's fact, so a pooled handle keeps nothing of its session alive.</summary>
    public void Clear()
    {
        // Only what holds the user's fact; links to pooled objects and nodes keep nothing alive,
        // and Reuse resets them.
        Fact = null!;
        if (RootFacts is not null)
        {
            Array.Clear(RootFacts);
        }
    }

    /// <summary>
    /// Records that the fact passed into a memory: retraction walks these instead of re-testing
    /// conditions. Beyond two, they wait in <paramref name="more"/> (the session's, reused) until
    /// <see cref="SealMemories"/>.
    /// </summary>
    public void AddMemory(AlphaMemoryNode memory, List<AlphaMemoryNode> more)
    {
        if (_memory0 is null)
        {
            _memory0 = memory;
        }
        else if (_memory1 is null)
        {
            _memory1 = memory;
        }
        else
        {
            more.Add(memory);
        }
    }

    /// <summary>Keeps the memories beyond two once the fact is routed, and empties <paramref name="more"/>.</summary>
    public void SealMemories(List<AlphaMemoryNode> more)
    {
        if (more.Count > 0)
        {
            (_memories ??= new List<AlphaMemoryNode>(more.Count)).AddRange(more);
            more.Clear();
        }
    }

    /// <summary>How many alpha memories the fact entered (see <see cref="MemoryAt"/>).</summary>
    public int MemoryCount => (_memory0 is null ? 0 : 1) + (_memory1 is null ? 0 : 1) + (_memories?.Count ?? 0);

    /// <summary>The memories the fact entered, in the order it entered them.</summary>
    public AlphaMemoryNode MemoryAt(int index) => index switch
    {
        0 => _memory0!,
        1 => _memory1!,
        _ => _memories![index - 2],
    };

    /// <summary>The memories the fact entered, forgetting them (the fact is leaving them).</summary>
    public List<AlphaMemoryNode> TakeMemories()
    {
        var memories = new List<AlphaMemoryNode>();
        if (_memory0 is not null)
        {
            memories.Add(_memory0);
        }

        if (_memory1 is not null)
        {
            memories.Add(_memory1);
        }

        if (_memories is not null)
        {
            memories.AddRange(_memories);
            _memories.Clear();
        }

        _memory0 = _memory1 = null;
        return memories;
    }

    public void AddRoot(LeftAdapterNode adapter, Token token)
    {
        if (_root0 is null)
        {
            (_rootAdapter0, _root0) = (adapter, token);
        }
        else if (_root1 is null)
        {
            (_rootAdapter1, _root1) = (adapter, token);
        }
        else
        {
            (_roots ??= []).Add((adapter, token));
        }
    }

    /// <summary>The root token an adapter made from this fact, removed; null when there is none.</summary>
    public Token? TakeRoot(LeftAdapterNode adapter)
    {
        Token? token = null;
        if (_rootAdapter0 == adapter && _root0 is not null)
        {
            (token, _root0, _rootAdapter0) = (_root0, null, null);
        }
        else if (_rootAdapter1 == adapter && _root1 is not null)
        {
            (token, _root1, _rootAdapter1) = (_root1, null, null);
        }
        else if (_roots is not null)
        {
            var index = _roots.FindIndex(r => r.Adapter == adapter);
            if (index >= 0)
            {
                token = _roots[index].Token;
                _roots.RemoveAt(index);
            }
        }

        return token;
    }
}
