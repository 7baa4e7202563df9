using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>Extends each token with every right fact that has its key and passes the residual test.</summary>
internal sealed class JoinNode(int slot, BetaCondition condition) : RightInputNode(condition)
{
    /// <summary>The slot of the token's fact array that the right fact fills.</summary>
    public int Slot { get; } = slot;

    public override void LeftActivate(RuleSession session, int token)
    {
        var memory = Memory(session);
        ref var row = ref session.Arena.Tokens[token];
        var key = row.Key;
        memory.AddLeft(token, key);
        var bucket = memory.Right.Get(key);
        if (bucket.Count == 0)
        {
            return;
        }

        var facts = row.Facts;
        for (var i = 0; i < bucket.Count; i++)
        {
            var entry = bucket[i];
            if (Joins(session, facts, entry))
            {
                Emit(session, token, Extend(facts, entry.Fact), StateOf(session, memory, entry));
            }
        }
    }

    public override void LeftRetract(RuleSession session, int token)
    {
        Memory(session).RemoveLeft(token);
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
        RightState? state = null;
        for (var i = 0; i < bucket.Count; i++)
        {
            var token = bucket[i];
            var facts = tokens[token].Facts;
            if (Matches(session, facts, entry.Fact))
            {
                Emit(session, token, Extend(facts, entry.Fact), state ??= StateOf(session, memory, entry));
            }
        }
    }

    public override void RightRetract(RuleSession session, RightEntry entry)
    {
        if (Memory(session).TakeState(entry) is not { } state)
        {
            return;
        }

        var tokens = session.Arena.Tokens;
        int child;
        while ((child = state.TakeChild(tokens)) >= 0)
        {
            tokens.RemoveChild(child);
            Child!.LeftRetract(session, child);
            tokens.Discard(child);
        }

        session.Arena.Discard(state);
    }

    private object?[] Extend(object?[] facts, object fact)
    {
        var extended = (object?[])facts.Clone();
        extended[Slot] = fact;
        return extended;
    }
}
