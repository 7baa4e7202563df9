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
            level.Stack.Clear();
        }

        _withdrawn = 0;
        Count = 0;
    }

    public void Add(Activation activation)
    {
        var priority = activation.Rule.Priority;
        var level = _last is { } last && last.Priority == priority ? last : LevelOf(priority);
        _last = level;
        level.Stack.Add(activation);
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
            var stack = level.Stack;
            while (stack.Count > 0)
            {
                activation = stack[^1];
                stack.RemoveAt(stack.Count - 1);
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
        _levels.SelectMany(level => Enumerable.Reverse(level.Stack)).Where(a => a.Status == ActivationStatus.Pending).ToArray();

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
            level.Stack.RemoveAll(a =>
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

    private sealed class Level(int priority)
    {
        public int Priority { get; } = priority;

        public List<Activation> Stack { get; } = [];
    }
}
