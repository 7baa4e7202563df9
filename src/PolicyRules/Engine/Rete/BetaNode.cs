using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// A node of a rule's beta chain: takes tokens (partial matches, rows of the session's
/// <see cref="TokenTable"/>) on its left input and passes extended tokens to <see cref="Child"/>,
/// the next node of the same rule.
/// </summary>
internal abstract class BetaNode : ReteNode
{
    /// <summary>The next node of the chain; null only for a terminal node.</summary>
    public BetaNode? Child { get; set; }

    public abstract void LeftActivate(RuleSession session, int token);

    public abstract void LeftRetract(RuleSession session, int token);

    /// <summary>
    /// The index key a token binding <paramref name="facts"/> carries into this node (see
    /// <see cref="Token.Key"/>), computed by whatever makes the token: none, unless the node
    /// indexes its left input.
    /// </summary>
    public virtual object LeftKeyOf(RuleSession session, object?[] facts) => JoinKey.None;

    /// <summary>Creates a token under <paramref name="parent"/> and passes it on.</summary>
    protected void Emit(RuleSession session, int parent, object?[] facts, RightState? right)
    {
        var key = Child!.LeftKeyOf(session, facts);
        var tokens = session.Arena.Tokens;
        var child = tokens.New(facts, parent, right, key);
        tokens.AddChild(child);
        right?.AddChild(tokens, child);
        session.Counters.TokensCreated++;
        Child.LeftActivate(session, child);
    }

    /// <summary>Withdraws every token produced under <paramref name="parent"/>.</summary>
    protected void RetractChildren(RuleSession session, int parent)
    {
        var tokens = session.Arena.Tokens;
        ref var row = ref tokens[parent];
        var child = row.FirstChild;
        while (child >= 0)
        {
            ref var token = ref tokens[child];
            ref var links = ref tokens.LinksOf(child);
            var next = token.NextSibling;
            links.Right?.RemoveChild(tokens, child);
            links.PrevSibling = token.NextSibling = -1;
            Child!.LeftRetract(session, child);
            tokens.Discard(child);
            child = next;
        }

        row.FirstChild = -1;
    }
}
