using System.Runtime.CompilerServices;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// Items of one side of a join, grouped by join key so a lookup touches only the items that can
/// match. A node without equality keys keeps everything in one bucket.
/// </summary>
/// <remarks>
/// Most keys hold one item (a key per fact, as identity joins have), so a key's only item is the
/// dictionary's value itself, and a <see cref="Bucket{T}"/> is made for a second. String keys (agreement
/// ids, chapters) have a dictionary of their own, for the runtime's fast ordinal string hash (see
/// <see cref="DispatchTable"/>). Buckets emptied or cleared are kept for the next key that needs one:
/// a pooled session's memories are cleared and filled again evaluation after evaluation (W1 at
/// R=1000: 1,000 right memories of 50 agreements each), and making their buckets anew each time
/// was most of what an evaluation allocated.
/// </remarks>
internal sealed class KeyedIndex<T>
    where T : BucketItem
{
    // A value is a T (the key's only item) or a Bucket<T>.
    private readonly Dictionary<object, object>? _buckets;
    private readonly Dictionary<string, object>? _strings;
    private readonly Bucket<T>? _single;
    private readonly Stack<Bucket<T>> _spare = new();

    /// <param name="keyed">False: one bucket holds everything.</param>
    /// <param name="byReference">Keys are facts compared by identity, whatever their type's Equals says.</param>
    public KeyedIndex(bool keyed, bool byReference = false)
    {
        if (keyed)
        {
            _buckets = byReference ? new(ReferenceEqualityComparer.Instance) : [];
            _strings = byReference ? null : new(StringComparer.Ordinal);
        }
        else
        {
            _single = new Bucket<T>();
        }
    }

    /// <summary>The items under a key (none when the key is absent).</summary>
    public Items Get(object key)
    {
        if (_single is not null)
        {
            return new Items(null, _single);
        }

        return (_strings is not null && key is string text ? _strings.TryGetValue(text, out var value) : _buckets!.TryGetValue(key, out value))
            ? value is Bucket<T> bucket ? new Items(null, bucket) : new Items(Unsafe.As<T>(value), null) // Bucket<T> is sealed: an exact type test
            : default;
    }

    public void Clear()
    {
        _single?.Clear();
        if (_buckets is not null)
        {
            Spare(_buckets);
            _buckets.Clear();
        }

        if (_strings is not null)
        {
            Spare(_strings);
            _strings.Clear();
        }
    }

    private void Spare<TKey>(Dictionary<TKey, object> buckets)
        where TKey : notnull
    {
        foreach (var value in buckets.Values)
        {
            if (value is Bucket<T> bucket)
            {
                bucket.Clear();
                _spare.Push(bucket);
            }
        }
    }

    public void Add(object key, T item)
    {
        if (_single is not null)
        {
            _single.Add(item);
            return;
        }

        if (_strings is not null && key is string text)
        {
            Add(_strings, text, item);
        }
        else
        {
            Add(_buckets!, key, item);
        }
    }

    public void Remove(object key, T item)
    {
        if (_single is not null)
        {
            _single.Remove(item);
            return;
        }

        if (_strings is not null && key is string text)
        {
            Remove(_strings, text, item);
        }
        else
        {
            Remove(_buckets!, key, item);
        }
    }

    private void Add<TKey>(Dictionary<TKey, object> buckets, TKey key, T item)
        where TKey : notnull
    {
        if (!buckets.TryGetValue(key, out var value))
        {
            item.BucketIndex = 0;
            buckets.Add(key, item);
            return;
        }

        if (value is not Bucket<T> bucket)
        {
            bucket = _spare.TryPop(out var spare) ? spare : new Bucket<T>();
            bucket.Add((T)value);
            buckets[key] = bucket;
        }

        bucket.Add(item);
    }

    private void Remove<TKey>(Dictionary<TKey, object> buckets, TKey key, T item)
        where TKey : notnull
    {
        var value = buckets[key];
        if (value is Bucket<T> bucket)
        {
            bucket.Remove(item);
            if (bucket.Count > 0)
            {
                return;
            }

            _spare.Push(bucket);
        }

        item.BucketIndex = -1;
        buckets.Remove(key);
    }

    /// <summary>The items under one key, read by index; do not change the index while reading them.</summary>
    public readonly struct Items(T? only, Bucket<T>? bucket)
    {
        public int Count => bucket is not null ? bucket.Count : only is null ? 0 : 1;

        /// <summary>The item at <paramref name="index"/>, which must be below <see cref="Count"/>.</summary>
        public T this[int index] => bucket is not null ? bucket[index] : only!;
    }
}
