namespace PolicyRules.Engine.Rete;

/// <summary>
/// Token ids in an unordered list with O(1) add and remove: removal moves the last id into the gap
/// and updates that token's <see cref="Token.BucketIndex"/>. Iterate it by index, and never while
/// removing from it. <see cref="Bucket{T}"/> does the same for right entries, which are objects.
/// </summary>
internal sealed class TokenBucket
{
    private int[] _items = new int[4];

    public int Count { get; private set; }

    public int this[int index] => _items[index];

    public void Add(TokenTable tokens, int token)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
        }

        tokens[token].BucketIndex = Count;
        _items[Count++] = token;
    }

    public void Clear() => Count = 0;

    public void Remove(TokenTable tokens, int token)
    {
        ref var row = ref tokens[token];
        var index = row.BucketIndex;
        var last = --Count;
        if (index != last)
        {
            var moved = _items[last];
            _items[index] = moved;
            tokens[moved].BucketIndex = index;
        }

        row.BucketIndex = -1;
    }
}
