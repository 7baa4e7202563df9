using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// The common machinery of <c>not</c> and <c>exists</c>: each left token remembers one right fact
/// that matches it (its blocker), never the full set of pairs. Another blocker is sought only when
/// that one goes. Such a node adds no binding, so when its child is the terminal, a token that
/// passes is the match itself: no token is made to pass it on.
/// </summary>
internal abstract class BlockingNode(BetaCondition condition) : RightInputNode(condition)
{
    /// <summary>True for exists (a token passes while blocked), false for not (while unblocked).</summary>
    protected abstract bool PassesWhenBlocked { get; }

    public override void LeftActivate(RuleSession session, int token)
    {
        var memory = Memory(session);
        var tokens = session.Arena.Tokens;
        ref var row = ref tokens[token];
        var key = row.Key;
        memory.AddLeft(token, key);
        var blocker = FindBlocker(session, memory, row.Facts, key);
        if (blocker is not null)
        {
            StateOf(session, memory, blocker).AddBlocked(tokens, token);
        }

        if (blocker is not null == PassesWhenBlocked)
        {
            Pass(session, token);
        }
    }

    public override void LeftRetract(RuleSession session, int token)
    {
        Memory(session).RemoveLeft(token);
        var tokens = session.Arena.Tokens;
        tokens[token].Blocker?.RemoveBlocked(tokens, token);
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

        var tokens = session.Arena.Tokens;
        RightState? state = null;
        for (var i = 0; i < bucket.Count; i++)
        {
            var token = bucket[i];
            ref var row = ref tokens[token];
            if (row.State is not null || !Matches(session, row.Facts, entry.Fact))
            {
                continue;
            }

            (state ??= StateOf(session, memory, entry)).AddBlocked(tokens, token);
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

        var tokens = session.Arena.Tokens;
        int token;
        while ((token = state.TakeBlocked(tokens)) >= 0)
        {
            ref var row = ref tokens[token];
            var blocker = FindBlocker(session, memory, row.Facts, row.Key);
            if (blocker is not null)
            {
                StateOf(session, memory, blocker).AddBlocked(tokens, token);
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

    private RightEntry? FindBlocker(RuleSession session, BetaMemory memory, object?[] facts, object key)
    {
        var bucket = memory.Right.Get(key);
        if (bucket.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < bucket.Count; i++)
        {
            var entry = bucket[i];
            if (Joins(session, facts, entry))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Passes a token on: the terminal takes it as the match, another node gets a child of it.</summary>
    private void Pass(RuleSession session, int token)
    {
        if (Child is TerminalNode terminal)
        {
            terminal.LeftActivate(session, token);
        }
        else
        {
            Emit(session, token, session.Arena.Tokens[token].Facts, null);
        }
    }

    /// <summary>Takes back what passing <paramref name="token"/> caused (nothing, if it had not passed).</summary>
    private void Withdraw(RuleSession session, int token)
    {
        if (Child is TerminalNode terminal)
        {
            terminal.LeftRetract(session, token);
        }
        else
        {
            RetractChildren(session, token);
        }
    }
}
