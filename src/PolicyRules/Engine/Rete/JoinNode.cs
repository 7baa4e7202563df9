using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>Extends each token with every right fact that has its key and passes the residual test.</summary>
internal sealed class JoinNode(int slot, BetaCondition condition) : RightInputNode(condition)
{
    /// <summary>The slot of the token's fact array that the right fact fills.</summary>
    public int Slot { get; } = slot;

    public override void LeftActivate(RuleSession session, Token input)
    {
        var token = (ParentToken)input;
        var memory = Memory(session);
        token.Key = LeftKey(session, token);
        memory.AddLeft(token);
        var bucket = memory.Right.Get(token.Key);
        if (bucket.Count == 0)
        {
            return;
        }

        for (var i = 0; i < bucket.Count; i++)
        {
            var entry = bucket[i];
            if (Joins(session, token, entry))
            {
                Emit(session, token, Extend(token, entry.Fact), StateOf(session, memory, entry));
            }
        }
    }

    public override void LeftRetract(RuleSession session, Token input)
    {
        var token = (ParentToken)input;
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

        RightState? state = null;
        for (var i = 0; i < bucket.Count; i++)
        {
            var token = (ParentToken)bucket[i]; // the node made its left tokens as parents
            if (Matches(session, token, entry.Fact))
            {
                Emit(session, token, Extend(token, entry.Fact), state ??= StateOf(session, memory, entry));
            }
        }
    }

    public override void RightRetract(RuleSession session, RightEntry entry)
    {
        if (Memory(session).TakeState(entry) is not { } state)
        {
            return;
        }

        while (state.TakeChild() is { } child)
        {
            child.Links.Parent.RemoveChild(child);
            Child!.LeftRetract(session, child);
            session.Arena.Discard(child);
        }

        session.Arena.Discard(state);
    }

    private object?[] Extend(Token token, object fact)
    {
        var facts = (object?[])token.Facts.Clone();
        facts[Slot] = fact;
        return facts;
    }
}
