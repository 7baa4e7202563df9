using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// The nodes one node passes its facts or tokens to, fixed once the network is built. Most nodes
/// have exactly one, kept in a field of the node itself as well: walking the successors of such a
/// node (<see cref="Span"/>) never reaches the array, which sits elsewhere in memory (one cache
/// miss fewer at each step of a fact's path).
/// </summary>
/// <remarks>A mutable struct held in a field of its node: add through the field, never through a copy.</remarks>
internal struct Successors<T>()
    where T : class
{
    private T? _only;

    /// <summary>Every successor, in the order added.</summary>
    public T[] All { get; private set; } = [];

    /// <summary>The successor when there is exactly one, else null.</summary>
    public readonly T? Only => _only;

    /// <summary>How many there are, kept beside the only one for the same reason.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// The successors in order, to walk with <c>foreach</c>: the only one read from this field, else the array.
    /// </summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<T> Span => _only is null ? All : MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in _only!), 1);

    /// <summary>Adds a successor after the others, while the network is built.</summary>
    public void Add(T node) => Insert(Count, node);

    /// <summary>Puts <paramref name="node"/> at <paramref name="index"/>, moving the ones from there on, while the network is built.</summary>
    public void Insert(int index, T node)
    {
        All = [.. All[..index], node, .. All[index..]];
        Count = All.Length;
        _only = Count == 1 ? node : null;
    }
}
