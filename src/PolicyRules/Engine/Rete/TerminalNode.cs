using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// The end of a beta chain: each token that arrives is a match of every rule whose left-hand side
/// the chain computes (usually one), put on the agenda as an activation per rule.
/// </summary>
internal sealed class TerminalNode : BetaNode
{
    private readonly List<CompiledRule> _rules = [];

    public IReadOnlyList<CompiledRule> Rules => _rules;

    /// <summary>The beta nodes of the chain, this one last, so rules that share it can be named on its nodes.</summary>
    public IReadOnlyList<BetaNode> Chain { get; set; } = [];

    public void Add(CompiledRule rule) => _rules.Add(rule);

    public override void LeftActivate(RuleSession session, Token token)
    {
        if (_rules.Count == 1)
        {
            token.State = Activate(session, token, _rules[0]);
            return;
        }

        var activations = new Activation[_rules.Count];
        for (var i = 0; i < activations.Length; i++)
        {
            activations[i] = Activate(session, token, _rules[i]);
        }

        token.State = activations;
    }

    public override void LeftRetract(RuleSession session, Token token)
    {
        switch (token.State)
        {
            case Activation activation:
                Withdraw(session, activation);
                break;
            case Activation[] activations:
                foreach (var activation in activations)
                {
                    Withdraw(session, activation);
                }

                break;
        }

        token.State = null;
    }

    private static Activation Activate(RuleSession session, Token token, CompiledRule rule)
    {
        var activation = new Activation(rule, token, session.NextActivationSequence());
        session.Metrics.ActivationsCreated++;
        session.Agenda.Add(activation);
        return activation;
    }

    private static void Withdraw(RuleSession session, Activation activation)
    {
        session.Agenda.Remove(activation);
        session.RetractLinkedFacts(activation);
    }
}
