using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// A token that reached a terminal node: a match of every rule whose left-hand side the terminal
/// ends. The agenda holds an <see cref="Activation"/> row per rule that points here, so a match
/// costs one object however many rules share the chain. A not or exists node just before the
/// terminal keeps these in its left memory and passes them on as they are, so there a match costs
/// no object of its own (see <see cref="BlockingNode"/>); a match never has children.
/// </summary>
internal abstract class MatchToken(TerminalNode terminal, object?[] facts) : MemoryToken(facts)
{
    /// <summary>The terminal the token reached: its rules are the match's.</summary>
    public TerminalNode Terminal = terminal;

    /// <summary>
    /// Counts the match's withdrawals, and is never reset, not even when the pooled object is
    /// reused: a row on the agenda made before the last withdrawal has an older stamp, so the
    /// agenda drops it when it comes up instead of looking for it when the match goes.
    /// </summary>
    public int Stamp;

    /// <summary>The rows of the current stamp still waiting on the agenda.</summary>
    public int Pending;

    /// <summary>The row of the first fact the match's actions inserted as linked (retracted when the match goes), or -1; the rest follow through <see cref="FactHandle.NextLinked"/>.</summary>
    public int FirstLinked = -1;

    /// <summary>Makes a recycled token new again (see <see cref="SessionArena"/>); its stamp stays.</summary>
    protected void Reuse(TerminalNode terminal, object?[] facts)
    {
        base.Reuse(facts);
        Terminal = terminal;
        Pending = 0;
        FirstLinked = -1;
    }

    /// <summary>Drops what could keep a user's objects alive, so a pooled token holds on to nothing of its session.</summary>
    public override void Clear()
    {
        base.Clear();
        FirstLinked = -1;
    }
}

/// <summary>A <see cref="MatchToken"/> made from one fact at the start of a chain (its not or exists, or its terminal, is the chain's first node).</summary>
internal sealed class RootMatchToken(TerminalNode terminal, object?[] facts) : MatchToken(terminal, facts)
{
    public override ref ChildLinks Links => ref NoLinks();

    public new void Reuse(TerminalNode terminal, object?[] facts) => base.Reuse(terminal, facts);
}

/// <summary>A <see cref="MatchToken"/> made by a beta node.</summary>
internal sealed class ChildMatchToken(TerminalNode terminal, object?[] facts, ParentToken parent, RightState? right) : MatchToken(terminal, facts)
{
    private ChildLinks _links = new(parent, right);

    public override ref ChildLinks Links => ref _links;

    public void Reuse(TerminalNode terminal, object?[] facts, ParentToken parent, RightState? right)
    {
        base.Reuse(terminal, facts);
        _links = new(parent, right);
    }
}
