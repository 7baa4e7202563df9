namespace PolicyRules.Engine.Rete;

/// <summary>
/// The nodes one node passes its facts or tokens to, fixed once the network is built. Most nodes
/// have exactly one, kept in <see cref="Only"/> as well: a field of the node itself, read without
/// reaching the array, which sits elsewhere in memory (one cache miss fewer at each step of a fact's path).
/// </summary>
/// <remarks>A mutable struct held in a field of its node: add through the field, never through a copy.</remarks>
internal struct Successors<T>()
    where T : class
{
    /// <summary>Every successor, in the order added.</summary>
    public T[] All { get; private set; } = [];

    /// <summary>The successor when there is exactly one, else null.</summary>
    public T? Only { get; private set; }

    /// <summary>How many there are, kept beside <see cref="Only"/> for the same reason.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a successor after the others, while the network is built.</summary>
    public void Add(T node) => Insert(Count, node);

    /// <summary>Puts <paramref name="node"/> at <paramref name="index"/>, moving the ones from there on, while the network is built.</summary>
    public void Insert(int index, T node)
    {
        All = [.. All[..index], node, .. All[index..]];
        Count = All.Length;
        Only = Count == 1 ? node : null;
    }
}
