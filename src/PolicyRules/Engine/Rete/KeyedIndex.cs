namespace PolicyRules.Engine.Rete;

/// <summary>
/// Items of one side of a join, grouped by join key so a lookup touches only the items that can
/// match. A node without equality keys keeps everything in one bucket.
/// </summary>
internal sealed class KeyedIndex<T>
    where T : BucketItem
{
    private readonly Dictionary<object, Bucket<T>>? _buckets;
    private readonly Bucket<T>? _single;

    public KeyedIndex(bool keyed)
    {
        if (keyed)
        {
            _buckets = [];
        }
        else
        {
            _single = new Bucket<T>();
        }
    }

    /// <summary>The items under a key, or null when there are none.</summary>
    public Bucket<T>? Get(object key)
    {
        if (_single is not null)
        {
            return _single;
        }

        return _buckets!.TryGetValue(key, out var bucket) ? bucket : null;
    }

    public void Clear()
    {
        _single?.Clear();
        _buckets?.Clear();
    }

    public void Add(object key, T item)
    {
        if (_single is not null)
        {
            _single.Add(item);
            return;
        }

        if (!_buckets!.TryGetValue(key, out var bucket))
        {
            bucket = new Bucket<T>();
            _buckets.Add(key, bucket);
        }

        bucket.Add(item);
    }

    public void Remove(object key, T item)
    {
        if (_single is not null)
        {
            _single.Remove(item);
            return;
        }

        var bucket = _buckets![key];
        bucket.Remove(item);
        if (bucket.Count == 0)
        {
            _buckets.Remove(key);
        }
    }
}
