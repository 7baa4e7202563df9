using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// The common machinery of <c>not</c> and <c>exists</c>: each left token remembers one right fact
/// that matches it (its blocker), never the full set of pairs. Another blocker is sought only when
/// that one goes. Such a node adds no binding, so when its child is the terminal, its left tokens
/// are match tokens and a token that passes is the match itself: no token is made to pass it on.
/// </summary>
internal abstract class BlockingNode(BetaCondition condition) : RightInputNode(condition)
{
    /// <summary>True for exists (a token passes while blocked), false for not (while unblocked).</summary>
    protected abstract bool PassesWhenBlocked { get; }

    public override Token CreateToken(RuleSession session, object?[] facts, ParentToken? parent, RightState? right) =>
        Child is TerminalNode terminal
            ? session.Arena.NewMatchToken(terminal, facts, parent, right)
            : base.CreateToken(session, facts, parent, right);

    public override void LeftActivate(RuleSession session, Token input)
    {
        var token = (MemoryToken)input;
        var memory = Memory(session);
        token.Key = LeftKey(session, token);
        memory.AddLeft(token);
        var blocker = FindBlocker(session, memory, token);
        if (blocker is not null)
        {
            StateOf(session, memory, blocker).AddBlocked(token);
        }

        if (blocker is not null == PassesWhenBlocked)
        {
            Pass(session, token);
        }
    }

    public override void LeftRetract(RuleSession session, Token input)
    {
        var token = (MemoryToken)input;
        Memory(session).RemoveLeft(token);
        token.Blocker?.RemoveBlocked(token);
        Withdraw(session, token);
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
            var token = bucket[i];
            if (token.Blocker is not null || !Matches(session, token, entry.Fact))
            {
                continue;
            }

            (state ??= StateOf(session, memory, entry)).AddBlocked(token);
            if (PassesWhenBlocked)
            {
                Pass(session, token);
            }
            else
            {
                Withdraw(session, token);
            }
        }
    }

    public override void RightRetract(RuleSession session, RightEntry entry)
    {
        var memory = Memory(session);
        if (memory.TakeState(entry) is not { } state)
        {
            return;
        }

        while (state.TakeBlocked() is { } token)
        {
            var blocker = FindBlocker(session, memory, token);
            if (blocker is not null)
            {
                StateOf(session, memory, blocker).AddBlocked(token);
            }
            else if (PassesWhenBlocked)
            {
                Withdraw(session, token);
            }
            else
            {
                Pass(session, token);
            }
        }

        session.Arena.Discard(state);
    }

    private RightEntry? FindBlocker(RuleSession session, BetaMemory memory, MemoryToken token)
    {
        var bucket = memory.Right.Get(token.Key);
        if (bucket.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < bucket.Count; i++)
        {
            var entry = bucket[i];
            if (Joins(session, token, entry))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Passes a token on: the terminal takes it as the match, another node gets a child of it.</summary>
    private void Pass(RuleSession session, MemoryToken token)
    {
        if (Child is TerminalNode terminal)
        {
            terminal.LeftActivate(session, token);
        }
        else
        {
            Emit(session, (ParentToken)token, token.Facts, null); // not a match: its node made a parent token
        }
    }

    /// <summary>Takes back what passing <paramref name="token"/> caused (nothing, if it had not passed).</summary>
    private void Withdraw(RuleSession session, MemoryToken token)
    {
        if (Child is TerminalNode terminal)
        {
            terminal.LeftRetract(session, token);
        }
        else
        {
            RetractChildren(session, (ParentToken)token);
        }
    }
}
