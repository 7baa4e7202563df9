using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// The end of a beta chain: each token that arrives is a match of every rule whose left-hand side
/// the chain computes (usually one). The token is made as the first rule's activation; other rules
/// sharing the chain get activations of their own, kept on the token.
/// </summary>
internal sealed class TerminalNode : BetaNode
{
    private readonly List<CompiledRule> _rules = [];

    public IReadOnlyList<CompiledRule> Rules => _rules;

    /// <summary>The beta nodes of the chain, this one last, so rules that share it can be named on its nodes.</summary>
    public IReadOnlyList<BetaNode> Chain { get; set; } = [];

    public void Add(CompiledRule rule) => _rules.Add(rule);

    public override Token CreateToken(RuleSession session, object?[] facts, MemoryToken? parent, RightState? right) =>
        session.Arena.NewActivation(_rules[0], facts, parent, right);

    public override void LeftActivate(RuleSession session, Token token)
    {
        var activation = (Activation)token;
        session.Counters.ActivationsCreated++;
        session.Agenda.Add(activation);

        // Other rules' activations hang off the first in a chain: no array per match.
        for (var i = 1; i < _rules.Count; i++)
        {
            var other = session.Arena.NewActivation(_rules[i], token.Facts, null, null);
            session.Counters.ActivationsCreated++;
            session.Agenda.Add(other);
            activation.NextOfSameMatch = other;
            activation = other;
        }
    }

    public override void LeftRetract(RuleSession session, Token token)
    {
        var activation = (Activation?)token;
        while (activation is not null)
        {
            var next = activation.NextOfSameMatch;
            activation.NextOfSameMatch = null;
            Withdraw(session, activation);
            activation = next;
        }
    }

    private static void Withdraw(RuleSession session, Activation activation)
    {
        session.Agenda.Remove(activation);
        session.RetractLinkedFacts(activation);
        session.Arena.Discard(activation);
    }
}
