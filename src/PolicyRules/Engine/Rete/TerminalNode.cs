using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// The end of a beta chain: each token that arrives is a match of every rule whose left-hand side
/// the chain computes (usually one), and each of those rules gets an activation, a row on the
/// agenda pointing at the token.
/// </summary>
internal sealed class TerminalNode : BetaNode
{
    private readonly List<CompiledRule> _rules = [];

    /// <summary>The rules the chain ends; an activation names one by its index here.</summary>
    public List<CompiledRule> Rules => _rules;

    /// <summary>The beta nodes of the chain, this one last, so rules that share it can be named on its nodes.</summary>
    public IReadOnlyList<BetaNode> Chain { get; set; } = [];

    public void Add(CompiledRule rule) => _rules.Add(rule);

    public override Token CreateToken(RuleSession session, object?[] facts, ParentToken? parent, RightState? right) =>
        session.Arena.NewMatchToken(this, facts, parent, right);

    public override void LeftActivate(RuleSession session, Token token)
    {
        var match = (MatchToken)token;
        var agenda = session.Agenda;
        for (var i = 0; i < _rules.Count; i++)
        {
            agenda.Add(match, i, _rules[i].Definition.Priority);
        }

        session.Counters.ActivationsCreated += _rules.Count;
    }

    public override void LeftRetract(RuleSession session, Token token)
    {
        var match = (MatchToken)token;
        session.Agenda.Withdraw(match);
        session.RetractLinkedFacts(match);
    }
}
