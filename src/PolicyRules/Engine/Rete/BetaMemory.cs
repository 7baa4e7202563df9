using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>What one beta node with a right input remembers for one session: both inputs, indexed by join key.</summary>
internal sealed class BetaMemory(bool keyed)
{
    public readonly KeyedIndex<Token> Left = new(keyed);
    public readonly KeyedIndex<RightEntry> Right = new(keyed);
    public readonly Dictionary<FactHandle, RightEntry> ByHandle = [];
}
