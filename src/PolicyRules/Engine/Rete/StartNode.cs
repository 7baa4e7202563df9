using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// Starts a rule whose left-hand side opens with a negation, an existential or an aggregate (or is
/// empty): one empty token, present from the session's start.
/// </summary>
internal sealed class StartNode(int slotCount) : ReteNode
{
    public BetaNode Child { get; set; } = null!;

    public void Start(RuleSession session)
    {
        session.Counters.TokensCreated++;
        var facts = new object?[slotCount];
        Child.LeftActivate(session, session.Arena.Tokens.New(facts, -1, null, Child.LeftKeyOf(session, facts)));
    }
}
