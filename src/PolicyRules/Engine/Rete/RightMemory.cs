namespace PolicyRules.Engine.Rete;

/// <summary>
/// What one <see cref="RightMemoryNode"/> remembers for one session: its facts by join key, shared
/// by every node it feeds, and the slots that number its entries for those nodes' states.
/// </summary>
internal sealed class RightMemory(bool keyed, bool byReference)
{
    public readonly KeyedIndex<RightEntry> Index = new(keyed, byReference);

    /// <summary>False when the nodes have no equality test: one bucket holds every fact.</summary>
    public bool Keyed { get; } = keyed;

    /// <summary>Keys are facts compared by identity.</summary>
    public bool ByReference { get; } = byReference;

    private readonly Stack<int> _freeSlots = new();
    private int _slotCount;

    /// <summary>A slot no live entry holds: a freed one first, so the nodes' state arrays stay as long as the memory's most entries.</summary>
    public int TakeSlot() => _freeSlots.TryPop(out var slot) ? slot : _slotCount++;

    /// <summary>Gives back the slot of an entry that left, once every node has dropped its state there.</summary>
    public void FreeSlot(int slot) => _freeSlots.Push(slot);

    public void Clear()
    {
        Index.Clear();
        _freeSlots.Clear();
        _slotCount = 0;
    }
}
