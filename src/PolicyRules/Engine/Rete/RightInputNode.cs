using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// A beta node with facts on its right input (join, not, exists, aggregate). Equality tests between
/// the fact and earlier aliases become a hash key on both sides, so a token meets only the facts
/// with its key; the remaining tests (the residual) run on those pairs alone. The right facts are
/// indexed by a <see cref="RightMemoryNode"/>, shared by every node with the same facts and key.
/// </summary>
internal abstract class RightInputNode(BetaCondition condition) : BetaNode
{
    // The condition's delegates, read for every token: held here, one object nearer than the condition.
    private readonly Func<object?[], object>? _leftKey = condition.LeftKey;
    private readonly Func<object?[], object, bool>? _residual = condition.Residual;

    public BetaCondition Condition { get; } = condition;

    /// <summary>The right input this node shares with the nodes that take the same facts by the same key.</summary>
    public RightMemoryNode Input { get; set; } = null!;

    /// <summary>A fact arrived on the right; it is already in the shared index, where this node's left input may meet it too.</summary>
    public abstract void RightActivate(RuleSession session, RightEntry entry);

    /// <summary>A fact left the right input; it is already out of the shared index, and what it caused here goes.</summary>
    public abstract void RightRetract(RuleSession session, RightEntry entry);

    protected BetaMemory Memory(RuleSession session) => (BetaMemory)session.MemoryOf(this);

    /// <inheritdoc/>
    public override object LeftKeyOf(RuleSession session, object?[] facts)
    {
        var key = _leftKey;
        if (key is null)
        {
            return JoinKey.None;
        }

        if (session.KeyMemo.TryGet(key, facts, out var known))
        {
            return known;
        }

        session.Counters.JoinKeyEvaluations++;
        object value;
        try
        {
            value = key(facts);
        }
        catch (Exception ex)
        {
            throw Failure(facts, null, ex);
        }

        session.KeyMemo.Remember(key, facts, value);
        return value;
    }

    /// <summary>The tests that hashing does not cover, on one token's facts and one fact with the same key.</summary>
    protected bool Matches(RuleSession session, object?[] facts, object fact)
    {
        var residual = _residual;
        if (residual is null)
        {
            return true;
        }

        session.Counters.JoinConditionEvaluations++;
        try
        {
            return residual(facts, fact);
        }
        catch (Exception ex)
        {
            throw Failure(facts, fact, ex);
        }
    }

    /// <summary>
    /// Whether a token arriving from the left joins a fact already on the right: never one that is
    /// leaving (its other memories are still being emptied), else by the residual test.
    /// </summary>
    /// <remarks>The entry's row is read only while a fact is leaving: it is a cache miss of its own.</remarks>
    protected bool Joins(RuleSession session, object?[] facts, RightEntry entry) =>
        !(session.IsUnrouting && session.Arena.Handles[entry.Handle].Leaving) && Matches(session, facts, entry.Fact);

    /// <summary>What <paramref name="entry"/> caused in this node, made on first need.</summary>
    protected static RightState StateOf(RuleSession session, BetaMemory memory, RightEntry entry) => memory.StateOf(entry, session.Arena);

    private RuleConditionException Failure(object?[]? tuple, object? fact, Exception inner)
    {
        var facts = new List<object?>();
        if (tuple is not null)
        {
            facts.AddRange(tuple.Where(f => f is not null));
        }

        if (fact is not null)
        {
            facts.Add(fact);
        }

        return new RuleConditionException(RuleIds.Distinct().ToArray(), Condition.Describe(), facts, inner);
    }
}
