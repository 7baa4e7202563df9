using System.Runtime.CompilerServices;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// A session's fact handles as rows (see <see cref="RowTable{T}"/>), each with the array of root
/// facts a rule starting with its fact binds.
/// </summary>
internal sealed class FactHandleTable(int rootSlots)
{
    private readonly RowTable<FactHandle> _rows = new();

    /// <inheritdoc cref="RowTable{T}.Count"/>
    public int Count => _rows.Count;

    /// <inheritdoc cref="RowTable{T}.Live"/>
    public int Live => _rows.Live;

    /// <summary>The row <paramref name="id"/>, by reference.</summary>
    public ref FactHandle this[int id]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _rows[id];
    }

    /// <summary>A row for <paramref name="fact"/>; returns its id.</summary>
    /// <param name="fact">The fact.</param>
    /// <param name="sequence">Its insertion order.</param>
    /// <param name="startsRules">Whether a rule can start with the fact: only then does the row need an array of root facts.</param>
    public int New(object fact, long sequence, bool startsRules)
    {
        var id = _rows.New();
        ref var row = ref _rows[id];

        // The root-facts array is made with its row and kept with it, so the two are made side by
        // side: made later with the first root, it sat among the tokens, a cache miss of its own.
        // A fact no rule can start with (a derived conflict, say) never needs one.
        if (startsRules)
        {
            RootFactsOf(ref row);
        }

        row.Reuse(id, fact, sequence);
        return id;
    }

    /// <summary>The row's array of root facts (as long as the network's longest rule), made on first need and kept with the row.</summary>
    public object?[] RootFactsOf(ref FactHandle row) => row.RootFacts ??= new object?[rootSlots];

    /// <inheritdoc cref="RowTable{T}.Discard"/>
    public void Discard(int id) => _rows.Discard(id);

    /// <inheritdoc cref="RowTable{T}.Recycle"/>
    public void Recycle() => _rows.Recycle();

    /// <inheritdoc cref="RowTable{T}.Release"/>
    public void Release() => _rows.Release();
}
