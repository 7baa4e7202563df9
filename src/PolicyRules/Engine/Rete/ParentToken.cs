namespace PolicyRules.Engine.Rete;

/// <summary>
/// A token consumed by a node that passes new tokens on (a join, an aggregate, a not or exists
/// that does not end its chain): it keeps the children it caused, for their withdrawal.
/// </summary>
internal abstract class ParentToken(object?[] facts) : MemoryToken(facts)
{
    public Token? FirstChild;

    protected new void Reuse(object?[] facts)
    {
        base.Reuse(facts);
        FirstChild = null;
    }

    public void AddChild(Token child)
    {
        child.NextSibling = FirstChild;
        if (FirstChild is not null)
        {
            FirstChild.Links.PrevSibling = child;
        }

        FirstChild = child;
    }

    public void RemoveChild(Token child)
    {
        ref var links = ref child.Links;
        if (links.PrevSibling is not null)
        {
            links.PrevSibling.NextSibling = child.NextSibling;
        }
        else
        {
            FirstChild = child.NextSibling;
        }

        if (child.NextSibling is not null)
        {
            child.NextSibling.Links.PrevSibling = links.PrevSibling;
        }

        links.PrevSibling = child.NextSibling = null;
    }
}

/// <summary>A <see cref="ParentToken"/> made from one fact at the start of a chain.</summary>
internal sealed class RootParentToken(object?[] facts) : ParentToken(facts)
{
    public override ref ChildLinks Links => ref NoLinks();

    public new void Reuse(object?[] facts) => base.Reuse(facts);
}

/// <summary>A <see cref="ParentToken"/> made by a beta node.</summary>
internal sealed class ChildParentToken(object?[] facts, ParentToken parent, RightState? right) : ParentToken(facts)
{
    private ChildLinks _links = new(parent, right);

    public override ref ChildLinks Links => ref _links;

    public void Reuse(object?[] facts, ParentToken parent, RightState? right)
    {
        base.Reuse(facts);
        _links = new(parent, right);
    }
}
