namespace PolicyRules.Engine.Rete;

/// <summary>
/// An unordered list with O(1) add and remove: removal moves the last item into the gap and
/// updates its remembered index. Iterate it by index, and never while removing from it.
/// </summary>
/// <remarks>
/// Most buckets of a keyed index hold one item (a key per fact), so the first item is kept in a
/// field and the array is made only for a second.
/// </remarks>
internal sealed class Bucket<T>
    where T : BucketItem
{
    private T? _only;
    private T[]? _items;

    public int Count { get; private set; }

    /// <summary>The item at <paramref name="index"/>, which must be below <see cref="Count"/>.</summary>
    public T this[int index] => _items is null ? _only! : _items[index];

    public void Add(T item)
    {
        if (_items is null)
        {
            if (Count == 0)
            {
                item.BucketIndex = 0;
                _only = item;
                Count = 1;
                return;
            }

            _items = new T[4];
            _items[0] = _only!;
            _only = null;
        }
        else if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
        }

        item.BucketIndex = Count;
        _items[Count++] = item;
    }

    public void Clear()
    {
        _only = null;
        if (_items is not null)
        {
            Array.Clear(_items, 0, Count);
        }

        Count = 0;
    }

    public void Remove(T item)
    {
        if (_items is null)
        {
            _only = null;
            Count = 0;
            item.BucketIndex = -1;
            return;
        }

        var index = item.BucketIndex;
        var last = --Count;
        if (index != last)
        {
            var moved = _items[last];
            _items[index] = moved;
            moved.BucketIndex = index;
        }

        _items[last] = null!;
        item.BucketIndex = -1;
    }
}
