namespace PolicyRules.Engine.Rete;

/// <summary>
/// The left tokens of a beta node, by join key, as ids: what <see cref="KeyedIndex{T}"/> is for
/// right entries. A node without equality keys keeps every token in one bucket.
/// </summary>
/// <remarks>
/// Most keys hold one token, so a key's value is that token's id itself; a second token moves the
/// key into a <see cref="TokenBucket"/>, and the value becomes the bucket's place, complemented
/// (negative). No boxing either way. String keys have a dictionary of their own, for the runtime's
/// fast ordinal string hash. Buckets emptied or cleared are kept for the next key that needs one.
/// </remarks>
internal sealed class TokenIndex
{
    private readonly TokenTable _tokens;
    private readonly Dictionary<object, int>? _keys;
    private readonly Dictionary<string, int>? _strings;
    private readonly TokenBucket? _single;
    private readonly List<TokenBucket> _buckets = [];
    private readonly Stack<int> _spare = new();

    /// <param name="tokens">The session's tokens, whose rows remember their place in a bucket.</param>
    /// <param name="keyed">False: one bucket holds everything.</param>
    /// <param name="byReference">Keys are facts compared by identity, whatever their type's Equals says.</param>
    public TokenIndex(TokenTable tokens, bool keyed, bool byReference)
    {
        _tokens = tokens;
        if (keyed)
        {
            _keys = byReference ? new(ReferenceEqualityComparer.Instance) : [];
            _strings = byReference ? null : new(StringComparer.Ordinal);
        }
        else
        {
            _single = new TokenBucket();
        }
    }

    /// <summary>The tokens under a key (none when the key is absent).</summary>
    public Items Get(object key)
    {
        if (_single is not null)
        {
            return new Items(-1, _single);
        }

        if (!(_strings is not null && key is string text ? _strings.TryGetValue(text, out var value) : _keys!.TryGetValue(key, out value)))
        {
            return default;
        }

        return value >= 0 ? new Items(value, null) : new Items(-1, _buckets[~value]);
    }

    public void Add(object key, int token)
    {
        if (_single is not null)
        {
            _single.Add(_tokens, token);
        }
        else if (_strings is not null && key is string text)
        {
            Add(_strings, text, token);
        }
        else
        {
            Add(_keys!, key, token);
        }
    }

    public void Remove(object key, int token)
    {
        if (_single is not null)
        {
            _single.Remove(_tokens, token);
        }
        else if (_strings is not null && key is string text)
        {
            Remove(_strings, text, token);
        }
        else
        {
            Remove(_keys!, key, token);
        }
    }

    private void Add<TKey>(Dictionary<TKey, int> keys, TKey key, int token)
        where TKey : notnull
    {
        if (!keys.TryGetValue(key, out var value))
        {
            _tokens[token].BucketIndex = 0;
            keys.Add(key, token);
            return;
        }

        if (value >= 0)
        {
            var place = SpareBucket();
            _buckets[place].Add(_tokens, value);
            keys[key] = value = ~place;
        }

        _buckets[~value].Add(_tokens, token);
    }

    private void Remove<TKey>(Dictionary<TKey, int> keys, TKey key, int token)
        where TKey : notnull
    {
        var value = keys[key];
        if (value < 0)
        {
            var bucket = _buckets[~value];
            bucket.Remove(_tokens, token);
            if (bucket.Count > 0)
            {
                return;
            }

            _spare.Push(~value);
        }

        _tokens[token].BucketIndex = -1;
        keys.Remove(key);
    }

    private int SpareBucket()
    {
        if (_spare.TryPop(out var place))
        {
            return place;
        }

        _buckets.Add(new TokenBucket());
        return _buckets.Count - 1;
    }

    /// <summary>The tokens under one key, read by index; do not change the index while reading them.</summary>
    public readonly struct Items
    {
        // The only token's id plus one, so that the default value holds no token.
        private readonly int _onlyPlusOne;
        private readonly TokenBucket? _bucket;

        public Items(int only, TokenBucket? bucket)
        {
            _onlyPlusOne = only + 1;
            _bucket = bucket;
        }

        public int Count => _bucket is not null ? _bucket.Count : _onlyPlusOne > 0 ? 1 : 0;

        /// <summary>The token at <paramref name="index"/>, which must be below <see cref="Count"/>.</summary>
        public int this[int index] => _bucket is not null ? _bucket[index] : _onlyPlusOne - 1;
    }
}
