namespace PolicyRules.Engine.Rete;

/// <summary>
/// The last left key a session computed. Rules that join a fact on the same key (a clause's
/// agreement id) share one compiled extractor, and a fact's tokens enter their beta nodes one after
/// another, so the key is computed once for all of them.
/// </summary>
/// <remarks>
/// Valid within one change of working memory: the session forgets it when a change ends (a
/// recycled handle reuses its tuple array for another fact) and when a fact is re-evaluated (an
/// updated fact may have another key).
/// </remarks>
internal sealed class LeftKeyMemo
{
    private object?[]? _facts;
    private Func<object?[], object>? _extractor;
    private object? _key;

    public bool TryGet(Func<object?[], object> extractor, object?[] facts, out object key)
    {
        if (ReferenceEquals(facts, _facts) && ReferenceEquals(extractor, _extractor))
        {
            key = _key!;
            return true;
        }

        key = JoinKey.None;
        return false;
    }

    public void Remember(Func<object?[], object> extractor, object?[] facts, object key)
    {
        _facts = facts;
        _extractor = extractor;
        _key = key;
    }

    /// <summary>Drops the key and the tuple it came from, which may hold the user's facts.</summary>
    public void Forget()
    {
        _facts = null;
        _extractor = null;
        _key = null;
    }
}
