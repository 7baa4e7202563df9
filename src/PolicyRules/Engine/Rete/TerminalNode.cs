using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// The end of a beta chain: each token that arrives is a match of every rule whose left-hand side
/// the chain computes (usually one), and each of those rules gets an activation, a row on the
/// agenda pointing at the token.
/// </summary>
internal sealed class TerminalNode : BetaNode
{
    // Read for every match: an array, with each rule's priority beside it rather than in its definition.
    private Ending[] _endings = [];

    /// <summary>The beta nodes of the chain, this one last, so rules that share it can be named on its nodes.</summary>
    public IReadOnlyList<BetaNode> Chain { get; set; } = [];

    /// <summary>Adds a rule that ends with this chain, while the network is built.</summary>
    public void Add(CompiledRule rule) => _endings = [.. _endings, new Ending(rule, rule.Definition.Priority)];

    public override void LeftActivate(RuleSession session, int token)
    {
        var agenda = session.Agenda;
        ref var match = ref session.Arena.Tokens[token];
        var endings = _endings;
        for (var i = 0; i < endings.Length; i++)
        {
            agenda.Add(token, ref match, endings[i].Rule, endings[i].Priority);
        }

        session.Counters.ActivationsCreated += endings.Length;
    }

    public override void LeftRetract(RuleSession session, int token)
    {
        ref var match = ref session.Arena.Tokens[token];
        session.Agenda.Withdraw(ref match);
        session.RetractLinkedFacts(ref match);
    }

    private readonly record struct Ending(CompiledRule Rule, int Priority);
}
