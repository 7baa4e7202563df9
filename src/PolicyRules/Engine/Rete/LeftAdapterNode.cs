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
        (handle.RootTokens ??= new(2)).Add((this, token));
        Child.LeftActivate(session, token);
    }

    public void Retract(RuleSession session, FactHandle handle)
    {
        var roots = handle.RootTokens;
        if (roots is null)
        {
            return;
        }

        for (var i = 0; i < roots.Count; i++)
        {
            if (roots[i].Adapter == this)
            {
                var token = roots[i].Token;
                roots.RemoveAt(i);
                Child.LeftRetract(session, token);
                return;
            }
        }
    }
}
