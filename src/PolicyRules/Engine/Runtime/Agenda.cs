namespace PolicyRules.Engine.Runtime;

/// <summary>
/// Pending activations, highest priority first and, within a priority, most recent first. Rules
/// use few priorities, so each has a stack (recency is push order): adding and taking are O(1).
/// Withdrawn activations are dropped lazily when they reach the top of their stack, and swept out
/// when they outnumber the live ones; each one dropped is handed to <paramref name="dropped"/>, since
/// only then may its object be reused.
/// </summary>
internal sealed class Agenda(Action<Activation> dropped)
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

    public void Add(Activation activation)
    {
        var priority = activation.Rule.Priority;
        var level = _last is { } last && last.Priority == priority ? last : LevelOf(priority);
        _last = level;
        level.Push(activation);
        activation.InAgenda = true;
        Count++;
    }

    public void Remove(Activation activation)
    {
        if (activation.Status != ActivationStatus.Pending)
        {
            activation.Status = ActivationStatus.Withdrawn;
            return;
        }

        activation.Status = ActivationStatus.Withdrawn;
        Count--;
        if (++_withdrawn > 64 && _withdrawn > 2 * Count)
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
                activation.InAgenda = false;
                if (activation.Status == ActivationStatus.Pending)
                {
                    activation.Status = ActivationStatus.Fired;
                    Count--;
                    return true;
                }

                _withdrawn--;
                dropped(activation);
            }
        }

        activation = null!;
        return false;
    }

    /// <summary>The pending activations in firing order.</summary>
    public IReadOnlyList<Activation> Snapshot() =>
        _levels.SelectMany(level => level.TopDown()).Where(a => a.Status == ActivationStatus.Pending).ToArray();

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
            level.RemoveWhere(a =>
            {
                if (a.Status == ActivationStatus.Pending)
                {
                    return false;
                }

                a.InAgenda = false;
                dropped(a);
                return true;
            });
        }

        _withdrawn = 0;
    }

    /// <summary>
    /// The activations of one priority, a stack in push order. They sit in struct slots, so a push
    /// stores into a field rather than an array element the runtime type-checks.
    /// </summary>
    private sealed class Level(int priority)
    {
        private Slot[] _items = new Slot[16];
        private int _count;

        public int Priority { get; } = priority;

        public void Push(Activation activation)
        {
            if (_count == _items.Length)
            {
                Array.Resize(ref _items, _count * 2);
            }

            _items[_count++].Item = activation;
        }

        public bool TryPop(out Activation activation)
        {
            if (_count == 0)
            {
                activation = null!;
                return false;
            }

            ref var top = ref _items[--_count];
            activation = top.Item;
            top.Item = null!;
            return true;
        }

        public void Clear()
        {
            Array.Clear(_items, 0, _count);
            _count = 0;
        }

        /// <summary>The activations from the most recent down, as they fire.</summary>
        public IEnumerable<Activation> TopDown()
        {
            for (var i = _count - 1; i >= 0; i--)
            {
                yield return _items[i].Item;
            }
        }

        /// <summary>Removes the activations <paramref name="remove"/> picks, keeping the others' order.</summary>
        public void RemoveWhere(Func<Activation, bool> remove)
        {
            var kept = 0;
            for (var i = 0; i < _count; i++)
            {
                var activation = _items[i].Item;
                if (!remove(activation))
                {
                    _items[kept++].Item = activation;
                }
            }

            Array.Clear(_items, kept, _count - kept);
            _count = kept;
        }

        private struct Slot
        {
            public Activation Item;
        }
    }
}
