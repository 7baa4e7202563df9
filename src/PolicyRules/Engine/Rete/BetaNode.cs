using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// A node of a rule's beta chain: takes tokens (partial matches) on its left input and passes
/// extended tokens to <see cref="Child"/>, the next node of the same rule.
/// </summary>
internal abstract class BetaNode : ReteNode
{
    /// <summary>The next node of the chain; null only for a terminal node.</summary>
    public BetaNode? Child { get; set; }

    public abstract void LeftActivate(RuleSession session, Token token);

    /// <summary>Makes the token this node will consume: a <see cref="MemoryToken"/>, or, for a terminal, the activation itself.</summary>
    public virtual Token CreateToken(RuleSession session, object?[] facts, MemoryToken? parent, RightState? right) => session.Arena.NewToken(facts, parent, right);

    public abstract void LeftRetract(RuleSession session, Token token);

    /// <summary>Creates a token under <paramref name="parent"/> and passes it on.</summary>
    protected void Emit(RuleSession session, MemoryToken parent, object?[] facts, RightState? right)
    {
        var child = Child!.CreateToken(session, facts, parent, right);
        parent.AddChild(child);
        right?.AddChild(child);
        session.Counters.TokensCreated++;
        Child!.LeftActivate(session, child);
    }

    /// <summary>Withdraws every token produced under <paramref name="parent"/>.</summary>
    protected void RetractChildren(RuleSession session, MemoryToken parent)
    {
        var child = parent.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Right?.RemoveChild(child);
            child.PrevSibling = child.NextSibling = null;
            Child!.LeftRetract(session, child);
            session.Arena.Discard(child);
            child = next;
        }

        parent.FirstChild = null;
    }
}
