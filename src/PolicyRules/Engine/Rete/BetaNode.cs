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

    /// <summary>Makes the token this node will consume (a root when there is no <paramref name="parent"/>): a <see cref="ParentToken"/>, or, for a terminal, the match itself.</summary>
    public virtual Token CreateToken(RuleSession session, object?[] facts, ParentToken? parent, RightState? right) => session.Arena.NewParentToken(facts, parent, right);

    public abstract void LeftRetract(RuleSession session, Token token);

    /// <summary>Creates a token under <paramref name="parent"/> and passes it on.</summary>
    protected void Emit(RuleSession session, ParentToken parent, object?[] facts, RightState? right)
    {
        var child = Child!.CreateToken(session, facts, parent, right);
        parent.AddChild(child);
        right?.AddChild(child);
        session.Counters.TokensCreated++;
        Child!.LeftActivate(session, child);
    }

    /// <summary>Withdraws every token produced under <paramref name="parent"/>.</summary>
    protected void RetractChildren(RuleSession session, ParentToken parent)
    {
        var child = parent.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            ref var links = ref child.Links;
            links.Right?.RemoveChild(child);
            links.PrevSibling = child.NextSibling = null;
            Child!.LeftRetract(session, child);
            session.Arena.Discard(child);
            child = next;
        }

        parent.FirstChild = null;
    }
}
