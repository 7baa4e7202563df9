using PolicyRules.Engine.Model;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// Folds, for each left token, the right facts that match it into one value (a count or a list),
/// binds it to <see cref="Slot"/> and passes the token on while the result test holds. When the
/// matching facts change, the old result is withdrawn and the new one passed on.
/// </summary>
internal sealed class AggregateNode(
    int slot,
    AggregateKind kind,
    Func<IReadOnlyList<object>, object> createList,
    Func<object?[], object, bool>? resultTest,
    string resultDescription,
    BetaCondition condition) : RightInputNode(condition)
{
    public int Slot { get; } = slot;

    public override void LeftActivate(RuleSession session, int token)
    {
        var memory = Memory(session);
        ref var row = ref session.Arena.Tokens[token];
        var key = row.Key;
        memory.AddLeft(token, key);
        var matches = new List<RightEntry>();
        var bucket = memory.Right.Get(key);
        if (bucket.Count > 0)
        {
            for (var i = 0; i < bucket.Count; i++)
            {
                if (Joins(session, row.Facts, bucket[i]))
                {
                    matches.Add(bucket[i]);
                }
            }
        }

        row.State = matches;
        Publish(session, token, matches);
    }

    public override void LeftRetract(RuleSession session, int token)
    {
        Memory(session).RemoveLeft(token);
        session.Arena.Tokens[token].State = null;
        RetractChildren(session, token);
    }

    public override void RightActivate(RuleSession session, RightEntry entry)
    {
        var memory = Memory(session);
        var bucket = memory.LeftWithKey(entry.Key);
        if (bucket.Count == 0)
        {
            return;
        }

        var tokens = session.Arena.Tokens;
        for (var i = 0; i < bucket.Count; i++)
        {
            var token = bucket[i];
            ref var row = ref tokens[token];
            if (Matches(session, row.Facts, entry.Fact))
            {
                var matches = (List<RightEntry>)row.State!;
                matches.Add(entry);
                RetractChildren(session, token);
                Publish(session, token, matches);
            }
        }
    }

    public override void RightRetract(RuleSession session, RightEntry entry)
    {
        var memory = Memory(session);
        var bucket = memory.LeftWithKey(entry.Key);
        if (bucket.Count == 0)
        {
            return;
        }

        var tokens = session.Arena.Tokens;
        for (var i = 0; i < bucket.Count; i++)
        {
            var token = bucket[i];
            var matches = (List<RightEntry>)tokens[token].State!;
            if (matches.Remove(entry))
            {
                RetractChildren(session, token);
                Publish(session, token, matches);
            }
        }
    }

    private void Publish(RuleSession session, int token, List<RightEntry> matches)
    {
        var facts = session.Arena.Tokens[token].Facts;
        object result;
        if (kind == AggregateKind.Count)
        {
            result = matches.Count;
        }
        else
        {
            var handles = session.Arena.Handles;
            var matched = matches.OrderBy(e => handles[e.Handle].Sequence).Select(e => e.Fact).ToArray();
            result = createList(matched);
        }

        if (resultTest is not null)
        {
            session.Counters.JoinConditionEvaluations++;
            bool passed;
            try
            {
                passed = resultTest(facts, result);
            }
            catch (Exception ex)
            {
                throw new RuleConditionException(RuleIds.Distinct().ToArray(), resultDescription, [.. facts.Where(f => f is not null), result], ex);
            }

            if (!passed)
            {
                return;
            }
        }

        var extended = (object?[])facts.Clone();
        extended[Slot] = result;
        Emit(session, token, extended, null);
    }
}
