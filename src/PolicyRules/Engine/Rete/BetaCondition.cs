namespace PolicyRules.Engine.Rete;

/// <summary>
/// The compiled tests between a pattern's fact and the earlier aliases of a rule: hash keys for
/// the equality tests (null when there are none) and one residual predicate for the rest.
/// </summary>
internal sealed record BetaCondition(
    Func<object?[], object>? LeftKey,
    Func<object, object>? RightKey,
    Func<object?[], object, bool>? Residual,
    Func<string> Describe)
{
    public static BetaCondition None { get; } = new(null, null, null, () => "true");

    /// <summary>
    /// The key is one fact compared by identity: the fact itself is the key, in an index compared by
    /// reference, rather than a wrapper allocated per key evaluation.
    /// </summary>
    public bool KeyedByReference { get; init; }
}
