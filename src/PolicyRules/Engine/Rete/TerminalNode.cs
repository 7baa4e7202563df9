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

    /// <summary>The rules the chain ends.</summary>
    public List<CompiledRule> Rules => _rules;

    /// <summary>The beta nodes of the chain, this one last, so rules that share it can be named on its nodes.</summary>
    public IReadOnlyList<BetaNode> Chain { get; set; } = [];

    public void Add(CompiledRule rule) => _rules.Add(rule);

    public override void LeftActivate(RuleSession session, int token)
    {
        var agenda = session.Agenda;
        ref var match = ref session.Arena.Tokens[token];
        for (var i = 0; i < _rules.Count; i++)
        {
            var rule = _rules[i];
            agenda.Add(token, ref match, rule, rule.Definition.Priority);
        }

        session.Counters.ActivationsCreated += _rules.Count;
    }

    public override void LeftRetract(RuleSession session, int token)
    {
        ref var match = ref session.Arena.Tokens[token];
        session.Agenda.Withdraw(ref match);
        session.RetractLinkedFacts(ref match);
    }
}
