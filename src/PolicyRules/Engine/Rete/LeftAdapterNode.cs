using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>Starts a rule's beta chain from the facts of its first pattern: one token per fact.</summary>
internal sealed class LeftAdapterNode(int slotCount) : ReteNode
{
    public BetaNode Child { get; set; } = null!;

    public void Activate(RuleSession session, FactHandle handle)
    {
        var facts = new object?[slotCount];
        facts[0] = handle.Fact;
        var token = new Token(facts, null, null);
        session.Metrics.TokensCreated++;
        session.MemoryOf<Dictionary<FactHandle, Token>>(this).Add(handle, token);
        Child.LeftActivate(session, token);
    }

    public void Retract(RuleSession session, FactHandle handle)
    {
        if (session.MemoryOf<Dictionary<FactHandle, Token>>(this).Remove(handle, out var token))
        {
            Child.LeftRetract(session, token);
        }
    }
}
