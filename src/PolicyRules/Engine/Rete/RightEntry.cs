using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// A fact in one <see cref="RightMemory"/>: its key, computed once for every node the memory feeds,
/// and its slot there, which each node uses to find what the fact caused in it (a
/// <see cref="RightState"/>).
/// </summary>
internal sealed class RightEntry(in FactHandle handle, object key, int slot) : BucketItem
{
    /// <summary>The fact's row (see <see cref="FactHandle.Id"/>).</summary>
    public int Handle = handle.Id;

    /// <summary>The fact, kept here too: nodes read it on every join, its row only to see it leave.</summary>
    public object Fact = handle.Fact;

    /// <summary>The key computed when the fact arrived: removal uses it even if the fact has changed since.</summary>
    public object Key = key;

    /// <summary>The entry's place in its memory's slots, unique among the memory's entries while it lives.</summary>
    public int Slot = slot;

    /// <summary>The next entry made from the same fact, in another memory (see <see cref="FactHandle.AddRightEntry"/>).</summary>
    public RightEntry? NextOfFact;

    public void Reuse(in FactHandle handle, object key, int slot)
    {
        Handle = handle.Id;
        Fact = handle.Fact;
        Key = key;
        Slot = slot;
        NextOfFact = null;
        BucketIndex = -1;
    }

    /// <summary>Drops what could keep a user's objects alive, so a pooled entry holds nothing of its session.</summary>
    public void Clear()
    {
        Fact = null!;
        Key = JoinKey.None;
    }
}
