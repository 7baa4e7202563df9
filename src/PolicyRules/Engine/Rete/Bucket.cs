namespace PolicyRules.Engine.Rete;

/// <summary>
/// An unordered list with O(1) add and remove: removal moves the last item into the gap and
/// updates its remembered index. Iterate it by index, and never while removing from it.
/// </summary>
/// <remarks>
/// A keyed index makes one only for a key's second item (<see cref="KeyedIndex{T}"/> keeps a lone
/// item itself), so a bucket starts with room for a few. Items sit in a struct slot: a store into
/// an array of a class is type-checked by the runtime in shared generic code, even for a sealed
/// class, a store into a struct's field is not. Tokens, which are rows, have <see cref="TokenBucket"/>.
/// </remarks>
internal sealed class Bucket<T>
    where T : BucketItem
{
    private Slot[] _items = new Slot[4];

    public int Count { get; private set; }

    public T this[int index] => _items[index].Item;

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
        }

        item.BucketIndex = Count;
        _items[Count++].Item = item;
    }

    public void Clear()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
    }

    public void Remove(T item)
    {
        var index = item.BucketIndex;
        var last = --Count;
        if (index != last)
        {
            var moved = _items[last].Item;
            _items[index].Item = moved;
            moved.BucketIndex = index;
        }

        _items[last].Item = null!;
        item.BucketIndex = -1;
    }

    private struct Slot
    {
        public T Item;
    }
}
