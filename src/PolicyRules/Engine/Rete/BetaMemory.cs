using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// What one beta node with a right input remembers for one session: its left tokens, and what each
/// right fact caused in it, by the fact's slot in the <see cref="RightMemory"/> it shares with other
/// nodes. Left tokens are indexed by key only once a right fact needs to find them: when facts are
/// inserted in a batch, right inputs go first, so a fresh session often never pays for that index.
/// </summary>
/// <remarks>Its left tokens are keyed as its right facts are: the same equalities, seen from the other side.</remarks>
internal sealed class BetaMemory(RightMemory right, TokenTable tokens)
{
    /// <summary>The right facts by join key, shared with the other nodes of the same right input.</summary>
    public readonly KeyedIndex<RightEntry> Right = right.Index;

    private readonly TokenBucket _unindexed = new();
    private TokenIndex? _left;

    // By entry slot; made on the first state, since many nodes of a shared right input never need one.
    private RightState?[]? _states;

    public void Clear()
    {
        _unindexed.Clear();
        _left = null;
        if (_states is not null)
        {
            Array.Clear(_states);
        }
    }

    /// <summary>What <paramref name="entry"/> caused in this node, made on first need.</summary>
    public RightState StateOf(RightEntry entry, SessionArena arena)
    {
        var slot = entry.Slot;
        if (_states is null || slot >= _states.Length)
        {
            Array.Resize(ref _states, Math.Max(slot + 1, Math.Max(16, (_states?.Length ?? 0) * 2)));
        }

        return _states[slot] ??= arena.NewRightState();
    }

    /// <summary>Removes and returns what a leaving <paramref name="entry"/> caused in this node, if anything.</summary>
    public RightState? TakeState(RightEntry entry)
    {
        var slot = entry.Slot;
        if (_states is null || slot >= _states.Length)
        {
            return null;
        }

        var state = _states[slot];
        _states[slot] = null;
        return state;
    }

    public void AddLeft(int token, object key)
    {
        if (_left is not null)
        {
            _left.Add(key, token);
        }
        else
        {
            _unindexed.Add(tokens, token);
        }
    }

    public void RemoveLeft(int token)
    {
        if (_left is not null)
        {
            _left.Remove(tokens[token].Key, token);
        }
        else
        {
            _unindexed.Remove(tokens, token);
        }
    }

    /// <summary>The left tokens with a key.</summary>
    public TokenIndex.Items LeftWithKey(object key)
    {
        if (_left is null)
        {
            if (_unindexed.Count == 0)
            {
                return default;
            }

            _left = new TokenIndex(tokens, right.Keyed, right.ByReference);
            for (var i = _unindexed.Count - 1; i >= 0; i--)
            {
                var token = _unindexed[i];
                _unindexed.Remove(tokens, token);
                _left.Add(tokens[token].Key, token);
            }
        }

        return _left.Get(key);
    }
}
