using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// What one beta node with a right input remembers for one session: its right facts by join key,
/// and its left tokens. Left tokens are indexed by key only once a right fact needs to find them:
/// when facts are inserted in a batch, right inputs go first, so a fresh session often never pays
/// for that index.
/// </summary>
internal sealed class BetaMemory(bool keyed, bool byReference)
{
    public readonly KeyedIndex<RightEntry> Right = new(keyed, byReference);

    private readonly Bucket<MemoryToken> _unindexed = new();
    private KeyedIndex<MemoryToken>? _left;

    public void Clear()
    {
        Right.Clear();
        _unindexed.Clear();
        _left = null;
    }

    public void AddLeft(MemoryToken token)
    {
        if (_left is not null)
        {
            _left.Add(token.Key, token);
        }
        else
        {
            _unindexed.Add(token);
        }
    }

    public void RemoveLeft(MemoryToken token)
    {
        if (_left is not null)
        {
            _left.Remove(token.Key, token);
        }
        else
        {
            _unindexed.Remove(token);
        }
    }

    /// <summary>The left tokens with a key.</summary>
    public KeyedIndex<MemoryToken>.Items LeftWithKey(object key)
    {
        if (_left is null)
        {
            if (_unindexed.Count == 0)
            {
                return default;
            }

            _left = new KeyedIndex<MemoryToken>(keyed, byReference);
            for (var i = _unindexed.Count - 1; i >= 0; i--)
            {
                var token = _unindexed[i];
                _unindexed.Remove(token);
                _left.Add(token.Key, token);
            }
        }

        return _left.Get(key);
    }
}
