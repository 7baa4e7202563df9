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

    public override Token CreateToken(RuleSession session, object?[] facts, Token? parent, RightEntry? right) =>
        session.Arena.NewActivation(_rules[0], facts, parent, right, session.NextActivationSequence());

    public override void LeftActivate(RuleSession session, Token token)
    {
        var activation = (Activation)token;
        session.Counters.ActivationsCreated++;
        session.Agenda.Add(activation);
        if (_rules.Count == 1)
        {
            return;
        }

        var others = new Activation[_rules.Count - 1];
        for (var i = 0; i < others.Length; i++)
        {
            others[i] = session.Arena.NewActivation(_rules[i + 1], token.Facts, token, null, session.NextActivationSequence());
            session.Counters.ActivationsCreated++;
            session.Agenda.Add(others[i]);
        }

        token.State = others;
    }

    public override void LeftRetract(RuleSession session, Token token)
    {
        Withdraw(session, (Activation)token);
        if (token.State is Activation[] others)
        {
            foreach (var other in others)
            {
                Withdraw(session, other);
            }

            token.State = null;
        }
    }

    private static void Withdraw(RuleSession session, Activation activation)
    {
        session.Agenda.Remove(activation);
        session.RetractLinkedFacts(activation);
        session.Arena.Discard(activation);
    }
}
