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
        Child.LeftActivate(session, session.Arena.Tokens.New(new object?[slotCount], -1, null));
    }
}
