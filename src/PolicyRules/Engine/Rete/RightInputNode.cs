using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// A beta node with facts on its right input (join, not, exists, aggregate). Equality tests between
/// the fact and earlier aliases become a hash key on both sides, so a token meets only the facts
/// with its key; the remaining tests (the residual) run on those pairs alone.
/// </summary>
internal abstract class RightInputNode(BetaCondition condition) : BetaNode
{
    public BetaCondition Condition { get; } = condition;

    public abstract void RightActivate(RuleSession session, FactHandle handle);

    public abstract void RightRetract(RuleSession session, FactHandle handle);

    protected BetaMemory Memory(RuleSession session) => session.MemoryOf<BetaMemory>(this);

    protected object LeftKey(RuleSession session, Token token)
    {
        var key = Condition.LeftKey;
        if (key is null)
        {
            return JoinKey.None;
        }

        var facts = token.Facts;
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

    protected object RightKey(RuleSession session, object fact)
    {
        var key = Condition.RightKey;
        if (key is null)
        {
            return JoinKey.None;
        }

        session.Counters.JoinKeyEvaluations++;
        try
        {
            return key(fact);
        }
        catch (Exception ex)
        {
            throw Failure(null, fact, ex);
        }
    }

    /// <summary>The tests that hashing does not cover, on one token and one fact with the same key.</summary>
    protected bool Matches(RuleSession session, Token token, object fact)
    {
        var residual = Condition.Residual;
        if (residual is null)
        {
            return true;
        }

        session.Counters.JoinConditionEvaluations++;
        try
        {
            return residual(token.Facts, fact);
        }
        catch (Exception ex)
        {
            throw Failure(token.Facts, fact, ex);
        }
    }

    /// <summary>
    /// Whether a token arriving from the left joins a fact already on the right: never one that is
    /// leaving (its other memories are still being emptied), else by the residual test.
    /// </summary>
    protected bool Joins(RuleSession session, Token token, RightEntry entry) =>
        !entry.Handle.Leaving && Matches(session, token, entry.Fact);

    protected RightEntry AddRight(RuleSession session, BetaMemory memory, FactHandle handle)
    {
        var entry = session.Arena.NewRightEntry(handle, RightKey(session, handle.Fact));
        memory.Right.Add(entry.Key, entry);
        handle.AddRightEntry(entry);
        return entry;
    }

    /// <summary>
    /// Takes the fact's entry out of the memory; it is reused once the current change is done. The
    /// handle gives back its entries in the order the nodes made them, which is the order the nodes
    /// retract it in (see <see cref="FactHandle.TakeRightEntry"/>): no table from handle to entry.
    /// </summary>
    protected static RightEntry? RemoveRight(RuleSession session, BetaMemory memory, FactHandle handle)
    {
        if (handle.TakeRightEntry() is not { } entry)
        {
            return null;
        }

        memory.Right.Remove(entry.Key, entry);
        session.Arena.Discard(entry);
        return entry;
    }

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
