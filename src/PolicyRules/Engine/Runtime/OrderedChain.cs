namespace PolicyRules.Engine.Runtime;

/// <summary>How an item of an <see cref="OrderedChain{T, TLink}"/> reaches the next: a field of the item itself.</summary>
/// <typeparam name="T">The chained items.</typeparam>
internal interface IChainLink<T>
    where T : class
{
    static abstract T? Next(T item);

    static abstract void SetNext(T item, T? next);
}

/// <summary>
/// Items in the order they were added, taken back oldest first, chained through a field of the
/// items themselves: no array and no node per item. A fact handle keeps its root tokens and its
/// right entries this way, since the nodes take them back in the order they made them.
/// </summary>
/// <remarks>
/// <typeparamref name="TLink"/> is a struct so that each chain is compiled for its own item type and
/// the link is read directly, not through an interface call.
/// </remarks>
internal struct OrderedChain<T, TLink>
    where T : class
    where TLink : struct, IChainLink<T>
{
    private T? _first;
    private T? _last;

    /// <summary>Adds <paramref name="item"/> after the items added before it.</summary>
    public void Add(T item)
    {
        TLink.SetNext(item, null);
        if (_last is null)
        {
            _first = item;
        }
        else
        {
            TLink.SetNext(_last, item);
        }

        _last = item;
    }

    /// <summary>Removes and returns the oldest item, or null when none is left.</summary>
    public T? TakeOldest()
    {
        var item = _first;
        if (item is not null)
        {
            _first = TLink.Next(item);
            TLink.SetNext(item, null);
            if (_first is null)
            {
                _last = null;
            }
        }

        return item;
    }

    /// <summary>Forgets every item (a recycled handle starts empty).</summary>
    public void Clear() => _first = _last = null;
}
