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

    public override void LeftActivate(RuleSession session, Token input)
    {
        var token = (ParentToken)input;
        var memory = Memory(session);
        token.Key = LeftKey(session, token);
        memory.AddLeft(token);
        var matches = new List<RightEntry>();
        var bucket = memory.Right.Get(token.Key);
        if (bucket.Count > 0)
        {
            for (var i = 0; i < bucket.Count; i++)
            {
                if (Joins(session, token, bucket[i]))
                {
                    matches.Add(bucket[i]);
                }
            }
        }

        token.State = matches;
        Publish(session, token, matches);
    }

    public override void LeftRetract(RuleSession session, Token input)
    {
        var token = (ParentToken)input;
        Memory(session).RemoveLeft(token);
        token.State = null;
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

        for (var i = 0; i < bucket.Count; i++)
        {
            var token = (ParentToken)bucket[i]; // the node made its left tokens as parents
            if (Matches(session, token, entry.Fact))
            {
                var matches = (List<RightEntry>)token.State!;
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

        for (var i = 0; i < bucket.Count; i++)
        {
            var token = (ParentToken)bucket[i]; // the node made its left tokens as parents
            var matches = (List<RightEntry>)token.State!;
            if (matches.Remove(entry))
            {
                RetractChildren(session, token);
                Publish(session, token, matches);
            }
        }
    }

    private void Publish(RuleSession session, ParentToken token, List<RightEntry> matches)
    {
        object result;
        if (kind == AggregateKind.Count)
        {
            result = matches.Count;
        }
        else
        {
            var handles = session.Arena.Handles;
            var facts = matches.OrderBy(e => handles[e.Handle].Sequence).Select(e => e.Fact).ToArray();
            result = createList(facts);
        }

        if (resultTest is not null)
        {
            session.Counters.JoinConditionEvaluations++;
            bool passed;
            try
            {
                passed = resultTest(token.Facts, result);
            }
            catch (Exception ex)
            {
                throw new RuleConditionException(RuleIds.Distinct().ToArray(), resultDescription, [.. token.Facts.Where(f => f is not null), result], ex);
            }

            if (!passed)
            {
                return;
            }
        }

        var extended = (object?[])token.Facts.Clone();
        extended[Slot] = result;
        Emit(session, token, extended, null);
    }
}
