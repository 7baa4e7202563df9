using System.Runtime.CompilerServices;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// A list in fixed chunks that never copies what it holds: growing adds a chunk. A session's
/// agenda and pools grow to hundreds of thousands of items in one batch, and a doubling array leaves
/// each smaller copy behind on the large object heap, which is only reclaimed by a full
/// collection: at W1's C=100k, a sixth of what a session allocated. Chunks stay small enough for the
/// ordinary heap, and emptying the list keeps them for the next session. The first chunk starts
/// small and doubles up to the chunk size, so a small session pays for no more than it holds.
/// </summary>
/// <typeparam name="T">The items.</typeparam>
internal sealed class SegmentedList<T>
{
    // 4,096 items: 64 KB for a 16-byte row, under the large object heap's 85,000 bytes.
    private const int Shift = 12;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;
    private const int FirstChunkSize = 16;

    // Items sit in a struct slot: a store into an array of a class is type-checked by the runtime
    // (arrays are covariant), a store into a struct's field is not; in shared generic code the check
    // cannot be left out even for a sealed class.
    private Slot[][] _chunks = [];
    private int _chunkCount;

    /// <summary>How many items the list holds.</summary>
    public int Count { get; private set; }

    /// <summary>The item at <paramref name="index"/>, by reference; below <see cref="Count"/>.</summary>
    public ref T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _chunks[index >> Shift][index & Mask].Item;
    }

    /// <summary>Adds <paramref name="item"/> at the end.</summary>
    public void Add(T item)
    {
        var chunk = Count >> Shift;
        if (chunk == _chunkCount || (chunk == 0 && Count == _chunks[0].Length))
        {
            Grow();
        }

        _chunks[chunk][Count & Mask].Item = item;
        Count++;
    }

    /// <summary>Removes the last item and returns it, clearing its place if it holds references (it must not keep anything alive).</summary>
    public T Pop()
    {
        ref var last = ref this[--Count];
        var item = last;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            last = default!;
        }

        return item;
    }

    /// <summary>Keeps the first <paramref name="count"/> items, clearing the places of the rest if they hold references.</summary>
    public void Truncate(int count)
    {
        if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Count = Math.Min(Count, count);
            return;
        }

        while (Count > count)
        {
            // Clear the rest of the last chunk in use (or of it down to count) at once.
            var start = Math.Max(count, (Count - 1) & ~Mask);
            Array.Clear(_chunks[(Count - 1) >> Shift], start & Mask, Count - start);
            Count = start;
        }
    }

    /// <summary>Empties the list, keeping its chunks.</summary>
    public void Clear() => Truncate(0);

    private void Grow()
    {
        if (_chunkCount == 1 && _chunks[0].Length < ChunkSize)
        {
            Array.Resize(ref _chunks[0], _chunks[0].Length * 2);
            return;
        }

        if (_chunkCount == _chunks.Length)
        {
            Array.Resize(ref _chunks, Math.Max(4, _chunks.Length * 2));
        }

        _chunks[_chunkCount] = new Slot[_chunkCount == 0 ? FirstChunkSize : ChunkSize];
        _chunkCount++;
    }

    private struct Slot
    {
        public T Item;
    }
}
