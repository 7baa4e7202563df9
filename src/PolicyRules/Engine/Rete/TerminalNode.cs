using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>The end of a rule's chain: each token that arrives is a match, put on the agenda as an activation.</summary>
internal sealed class TerminalNode(CompiledRule rule) : BetaNode
{
    public CompiledRule Rule { get; } = rule;

    public override void LeftActivate(RuleSession session, Token token)
    {
        var activation = new Activation(Rule, token, session.NextActivationSequence());
        token.State = activation;
        session.Metrics.ActivationsCreated++;
        session.Agenda.Add(activation);
    }

    public override void LeftRetract(RuleSession session, Token token)
    {
        var activation = (Activation)token.State!;
        token.State = null;
        session.Agenda.Remove(activation);
        session.RetractLinkedFacts(activation);
    }
}
