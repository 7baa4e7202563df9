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
/// items themselves: no array and no node per item, and one field in the owner. A fact handle keeps
/// its right entries this way, since the nodes take them back in the order they made them (its root
/// tokens, which are rows, form the same ring through their ids: <see cref="FactHandle.AddRoot"/>).
/// </summary>
/// <remarks>
/// <typeparamref name="TLink"/> is a struct so that each chain is compiled for its own item type and
/// the link is read directly, not through an interface call.
/// </remarks>
internal struct OrderedChain<T, TLink>
    where T : class
    where TLink : struct, IChainLink<T>
{
    // The chain is a ring: the newest item links to the oldest, so one field reaches both ends.
    private T? _last;

    /// <summary>Adds <paramref name="item"/> after the items added before it.</summary>
    public void Add(T item)
    {
        if (_last is null)
        {
            TLink.SetNext(item, item);
        }
        else
        {
            TLink.SetNext(item, TLink.Next(_last));
            TLink.SetNext(_last, item);
        }

        _last = item;
    }

    /// <summary>Removes and returns the oldest item, or null when none is left.</summary>
    public T? TakeOldest()
    {
        if (_last is null)
        {
            return null;
        }

        var first = TLink.Next(_last)!;
        if (first == _last)
        {
            _last = null;
        }
        else
        {
            TLink.SetNext(_last, TLink.Next(first));
        }

        TLink.SetNext(first, null);
        return first;
    }

    /// <summary>Forgets every item (a recycled handle starts empty).</summary>
    public void Clear() => _last = null;
}
