using PolicyRules.Engine.Rete;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// Pending activations, highest priority first and, within a priority, most recent first. Rules
/// use few priorities, so each has a stack (recency is push order): adding and taking are O(1).
/// An activation is a row that points at its match; a withdrawn match leaves its rows where they
/// are, recognised by their stamp and dropped when they reach the top of their stack, or swept out
/// when they outnumber the live ones.
/// </summary>
internal sealed class Agenda(TokenTable tokens)
{
    // Levels sorted by priority, highest first; rules use a handful of priorities.
    private readonly List<Level> _levels = [];
    private Level? _last;
    private int _withdrawn;

    public int Count { get; private set; }

    public void Clear()
    {
        foreach (var level in _levels)
        {
            level.Clear();
        }

        _withdrawn = 0;
        Count = 0;
    }

    /// <summary>Puts <paramref name="rule"/> on the agenda for the match <paramref name="token"/> (whose row is <paramref name="match"/>), at its <paramref name="priority"/>.</summary>
    public void Add(int token, ref Token match, CompiledRule rule, int priority)
    {
        var level = _last is { } last && last.Priority == priority ? last : LevelOf(priority);
        _last = level;
        level.Push(new Activation(token, match.Stamp, rule));
        match.Pending++;
        Count++;
    }

    /// <summary>False once the activation's match has been withdrawn: the row is dropped, never fired.</summary>
    public bool Holds(in Activation activation) => tokens[activation.Token].Stamp == activation.Stamp;

    /// <summary>The match no longer holds: its rows still waiting will be dropped, not fired.</summary>
    public void Withdraw(ref Token token)
    {
        token.Stamp++;
        if (token.Pending == 0)
        {
            return;
        }

        Count -= token.Pending;
        _withdrawn += token.Pending;
        token.Pending = 0;
        if (_withdrawn > 64 && _withdrawn > 2 * Count)
        {
            Sweep();
        }
    }

    public bool TryTake(out Activation activation)
    {
        foreach (var level in _levels)
        {
            while (level.TryPop(out activation))
            {
                ref var match = ref tokens[activation.Token];
                if (match.Stamp == activation.Stamp)
                {
                    match.Pending--;
                    Count--;
                    return true;
                }

                _withdrawn--;
            }
        }

        activation = default;
        return false;
    }

    /// <summary>The pending matches in firing order, as snapshots.</summary>
    public IReadOnlyList<IMatch> Snapshot() =>
        _levels.SelectMany(level => level.TopDown()).Where(a => Holds(a)).Select(a => (IMatch)MatchSnapshot.Of(a.Rule, tokens[a.Token].Facts)).ToArray();

    private Level LevelOf(int priority)
    {
        var index = 0;
        while (index < _levels.Count && _levels[index].Priority > priority)
        {
            index++;
        }

        if (index < _levels.Count && _levels[index].Priority == priority)
        {
            return _levels[index];
        }

        var level = new Level(priority);
        _levels.Insert(index, level);
        return level;
    }

    private void Sweep()
    {
        foreach (var level in _levels)
        {
            level.RemoveWithdrawn(this);
        }

        _withdrawn = 0;
    }

    /// <summary>The activations of one priority, a stack in push order.</summary>
    private sealed class Level(int priority)
    {
        private readonly SegmentedList<Activation> _items = new();

        public int Priority { get; } = priority;

        public void Push(Activation activation) => _items.Add(activation);

        public bool TryPop(out Activation activation)
        {
            if (_items.Count == 0)
            {
                activation = default;
                return false;
            }

            activation = _items.Pop(); // the place is cleared: a pooled agenda keeps no rule of a finished session
            return true;
        }

        public void Clear() => _items.Clear();

        /// <summary>The activations from the most recent down, as they fire.</summary>
        public IEnumerable<Activation> TopDown()
        {
            for (var i = _items.Count - 1; i >= 0; i--)
            {
                yield return _items[i];
            }
        }

        /// <summary>Removes the rows of withdrawn matches, keeping the others' order.</summary>
        public void RemoveWithdrawn(Agenda agenda)
        {
            var kept = 0;
            for (var i = 0; i < _items.Count; i++)
            {
                if (agenda.Holds(_items[i]))
                {
                    _items[kept++] = _items[i];
                }
            }

            _items.Truncate(kept);
        }
    }
}
