using PolicyRules.Engine.Rete;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// A fact in one session's working memory, as a row of the session's <see cref="FactHandleTable"/>:
/// the alpha memories it entered and the tokens that start rules with it. Rows, not objects: a
/// session holds one per fact (100,000 at W1's C=100k), and rows in a few large arrays cost the
/// collector neither a header each nor the copying of small objects from generation to generation.
/// Nodes take a row by reference; what must remember a fact keeps its <see cref="Id"/>.
/// </summary>
/// <remarks>
/// Most facts enter one or two memories, so the first two are kept in fields and only the rest in
/// an array that stays with the row when it is reused; the root tokens are chained through the
/// tokens themselves. A reference to a row stays valid as rows are added: the table adds chunks,
/// it never moves them.
/// </remarks>
internal struct FactHandle : IPooledRow
{
    public object Fact;

    /// <summary>Insertion order: collections and queries list facts by it.</summary>
    public long Sequence;

    /// <summary>
    /// The fact at slot 0 of an array as long as the network's longest rule: the facts of every root
    /// token. A reused row keeps its array with slot 0 cleared; the first root fills it, so a fact
    /// that starts no rule never touches it.
    /// </summary>
    public object?[]? RootFacts;

    /// <summary>The match (a token's id) whose activation inserted this fact as linked, or -1.</summary>
    public int LinkedTo;

    /// <summary>The row's place in its table, which never changes.</summary>
    public int Id;

    /// <summary>The next fact the same match inserted as linked, or -1 (see <see cref="Token.FirstLinked"/>).</summary>
    public int NextLinked;

    /// <summary>
    /// True while the fact is taken out of its memories (a retraction, or the first half of an
    /// update): a token that arrives meanwhile must not join it, nor test conditions on a fact the
    /// caller may already have changed.
    /// </summary>
    public bool Leaving;

    private AlphaMemoryNode? _memory0;
    private AlphaMemoryNode? _memory1;
    // Beyond two: an array kept when the row is recycled, so a pooled row allocates it once.
    private AlphaMemoryNode[]? _more;
    private int _moreCount;

    // The root tokens and the right entries made from the fact, oldest first. Nodes take them back
    // in the order they made them: making and retracting both walk the memories the handle records,
    // in order, and each memory's successors in order. The roots are a ring of token ids through
    // their rows (the newest links to the oldest), this the newest, or -1.
    private int _lastRoot;
    private OrderedChain<RightEntry, RightLink> _rightEntries;

    /// <summary>Makes a row new (or a recycled row new again); its root array is kept, slot 0 filled by the first root.</summary>
    public void Reuse(int id, object fact, long sequence)
    {
        Id = id;
        Leaving = false;
        Fact = fact;
        Sequence = sequence;
        LinkedTo = -1;
        NextLinked = -1;
        ForgetMemories();
        _lastRoot = -1;
        _rightEntries.Clear();
    }

    /// <summary>Drops the user's fact, so a pooled row keeps nothing of its session alive.</summary>
    public void Clear()
    {
        // Only what holds the user's fact; links to pooled objects and nodes keep nothing alive,
        // and Reuse resets them.
        Fact = null!;
        if (RootFacts is not null)
        {
            RootFacts[0] = null; // the only slot a root array fills
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
            if (_more is null || _more.Length < _moreCount + more.Count)
            {
                Array.Resize(ref _more, _moreCount + more.Count);
            }

            more.CopyTo(_more, _moreCount);
            _moreCount += more.Count;
            more.Clear();
        }
    }

    /// <summary>How many alpha memories the fact entered (see <see cref="MemoryAt"/>).</summary>
    public readonly int MemoryCount => (_memory0 is null ? 0 : 1) + (_memory1 is null ? 0 : 1) + _moreCount;

    /// <summary>The memories the fact entered, in the order it entered them.</summary>
    public readonly AlphaMemoryNode MemoryAt(int index) => index switch
    {
        0 => _memory0!,
        1 => _memory1!,
        _ => _more![index - 2],
    };

    /// <summary>Records a root token made from this fact, after the ones made before it.</summary>
    public void AddRoot(TokenTable tokens, int token)
    {
        if (_lastRoot < 0)
        {
            tokens[token].NextSibling = token;
        }
        else
        {
            ref var last = ref tokens[_lastRoot];
            tokens[token].NextSibling = last.NextSibling;
            last.NextSibling = token;
        }

        _lastRoot = token;
    }

    /// <summary>The oldest root token not yet taken, the one the next adapter in order made, or -1.</summary>
    public int TakeRoot(TokenTable tokens)
    {
        if (_lastRoot < 0)
        {
            return -1;
        }

        ref var last = ref tokens[_lastRoot];
        var first = last.NextSibling;
        ref var oldest = ref tokens[first];
        if (first == _lastRoot)
        {
            _lastRoot = -1;
        }
        else
        {
            last.NextSibling = oldest.NextSibling;
        }

        oldest.NextSibling = -1;
        return first;
    }

    /// <summary>Records an entry a right input made from this fact, after the ones made before it.</summary>
    public void AddRightEntry(RightEntry entry) => _rightEntries.Add(entry);

    /// <summary>The oldest right entry not yet taken: the one the next right input in order made.</summary>
    public RightEntry? TakeRightEntry() => _rightEntries.TakeOldest();

    /// <summary>Forgets the memories the fact entered, once it has left them.</summary>
    public void ForgetMemories()
    {
        _memory0 = _memory1 = null;
        if (_moreCount > 0)
        {
            Array.Clear(_more!, 0, _moreCount);
            _moreCount = 0;
        }
    }

    private struct RightLink : IChainLink<RightEntry>
    {
        public static RightEntry? Next(RightEntry item) => item.NextOfFact;

        public static void SetNext(RightEntry item, RightEntry? next) => item.NextOfFact = next;
    }
}
