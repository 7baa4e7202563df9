namespace PolicyRules.Engine.Runtime;

/// <summary>
/// The facts in working memory by identity: each one's row in the <see cref="FactHandleTable"/>.
/// A batch's facts are listed, not hashed; they enter the hash table when something first looks a
/// fact up (a single insert, an update, a retraction, a query), all at once and in order.
/// </summary>
/// <remarks>
/// Hashing 100,000 facts one by one as a batch arrives is a random access into a table of several
/// megabytes for each: about an eighth of W1's evaluation at C=100k. A session that inserts one
/// batch, fires and is disposed (W1, and the checker's drafts until a rule inserts a conflict)
/// never needs the table; a batch is checked for repeats by <see cref="BatchRepeats"/> instead.
/// </remarks>
internal sealed class FactTable(FactHandleTable handles)
{
    private readonly Dictionary<object, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly List<int> _unindexed = [];

    /// <summary>How many facts are in working memory.</summary>
    public int Count => _index.Count + _unindexed.Count;

    /// <summary>The rows of the facts, in the order they entered (a retraction's hole may be filled later).</summary>
    public Dictionary<object, int>.ValueCollection Values => Indexed.Values;

    private Dictionary<object, int> Indexed
    {
        get
        {
            if (_unindexed.Count > 0)
            {
                IndexListed();
            }

            return _index;
        }
    }

    /// <summary>Lists a validated batch's rows (no fact there already, none given twice), in order.</summary>
    public void List(List<int> rows) => _unindexed.AddRange(rows);

    public bool ContainsKey(object fact) => Indexed.ContainsKey(fact);

    public bool TryGetValue(object fact, out int row) => Indexed.TryGetValue(fact, out row);

    public bool TryAdd(object fact, int row) => Indexed.TryAdd(fact, row);

    public bool Remove(object fact) => Indexed.Remove(fact);

    public void Clear()
    {
        _index.Clear();
        _unindexed.Clear();
    }

    private void IndexListed()
    {
        _index.EnsureCapacity(_index.Count + _unindexed.Count);
        foreach (var row in _unindexed)
        {
            _index.Add(handles[row].Fact, row);
        }

        _unindexed.Clear();
    }
}
