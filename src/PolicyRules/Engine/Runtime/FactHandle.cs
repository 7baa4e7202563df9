using PolicyRules.Engine.Rete;

namespace PolicyRules.Engine.Runtime;

/// <summary>A fact in one session's working memory, and the alpha memories it entered.</summary>
internal sealed class FactHandle(object fact, long sequence)
{
    public readonly object Fact = fact;

    /// <summary>Insertion order: collections and queries list facts by it.</summary>
    public readonly long Sequence = sequence;

    /// <summary>
    /// The alpha memories the fact passed into. Retraction walks these instead of re-testing
    /// conditions, so a fact changed in place is still removed from where it was.
    /// </summary>
    public List<AlphaMemoryNode> Memories = [];

    /// <summary>The tokens that start rules' beta chains with this fact, by adapter: found again on retraction without a lookup table.</summary>
    public List<(LeftAdapterNode Adapter, Token Token)>? RootTokens;

    /// <summary>The activation that inserted this fact as linked, if any.</summary>
    public Activation? LinkedTo;
}
