namespace PolicyRules.Engine.Runtime;

/// <summary>
/// Pending activations, highest priority first and, within a priority, most recent first.
/// Withdrawn activations are dropped lazily when they reach the top, and swept out when they
/// outnumber the live ones.
/// </summary>
internal sealed class Agenda
{
    private static readonly Comparer<Activation> FiringOrder = Comparer<Activation>.Create((a, b) =>
    {
        var byPriority = b.Rule.Priority.CompareTo(a.Rule.Priority);
        return byPriority != 0 ? byPriority : b.Sequence.CompareTo(a.Sequence);
    });

    private PriorityQueue<Activation, Activation> _queue = new(FiringOrder);

    public int Count { get; private set; }

    public void Add(Activation activation)
    {
        _queue.Enqueue(activation, activation);
        Count++;
    }

    public void Remove(Activation activation)
    {
        if (activation.State != Activation.Status.Pending)
        {
            activation.State = Activation.Status.Withdrawn;
            return;
        }

        activation.State = Activation.Status.Withdrawn;
        Count--;
        if (_queue.Count > 64 && _queue.Count > 2 * Count)
        {
            Sweep();
        }
    }

    public bool TryTake(out Activation activation)
    {
        while (_queue.TryDequeue(out activation!, out _))
        {
            if (activation.State == Activation.Status.Pending)
            {
                activation.State = Activation.Status.Fired;
                Count--;
                return true;
            }
        }

        return false;
    }

    /// <summary>The pending activations in firing order.</summary>
    public IReadOnlyList<Activation> Snapshot()
    {
        var pending = _queue.UnorderedItems
            .Select(item => item.Element)
            .Where(a => a.State == Activation.Status.Pending)
            .ToList();
        pending.Sort(FiringOrder);
        return pending;
    }

    private void Sweep()
    {
        var live = _queue.UnorderedItems
            .Where(item => item.Element.State == Activation.Status.Pending)
            .Select(item => (item.Element, item.Element));
        _queue = new PriorityQueue<Activation, Activation>(live, FiringOrder);
    }
}
