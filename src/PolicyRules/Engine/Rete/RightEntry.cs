using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>A fact on the right input of one beta node, with its key and what it caused there.</summary>
internal sealed class RightEntry(FactHandle handle, object key) : BucketItem
{
    public FactHandle Handle = handle;

    /// <summary>The key computed when the fact arrived: removal uses it even if the fact has changed since.</summary>
    public object Key = key;

    /// <summary>Tokens a join produced with this fact.</summary>
    public Token? FirstChild;

    /// <summary>Left tokens this fact blocks (not) or satisfies (exists).</summary>
    public MemoryToken? FirstBlocked;

    public object Fact => Handle.Fact;

    public void Reuse(FactHandle handle, object key)
    {
        Handle = handle;
        Key = key;
        FirstChild = FirstBlocked = null;
        BucketIndex = -1;
    }

    public void Clear()
    {
        Handle = null!;
        Key = JoinKey.None;
        FirstChild = FirstBlocked = null;
    }

    public void AddChild(Token child)
    {
        child.NextByRight = FirstChild;
        if (FirstChild is not null)
        {
            FirstChild.PrevByRight = child;
        }

        FirstChild = child;
    }

    public void RemoveChild(Token child)
    {
        if (child.PrevByRight is not null)
        {
            child.PrevByRight.NextByRight = child.NextByRight;
        }
        else
        {
            FirstChild = child.NextByRight;
        }

        if (child.NextByRight is not null)
        {
            child.NextByRight.PrevByRight = child.PrevByRight;
        }

        child.PrevByRight = child.NextByRight = null;
    }

    public void AddBlocked(MemoryToken token)
    {
        token.Blocker = this;
        token.PrevBlocked = null;
        token.NextBlocked = FirstBlocked;
        if (FirstBlocked is not null)
        {
            FirstBlocked.PrevBlocked = token;
        }

        FirstBlocked = token;
    }

    public void RemoveBlocked(MemoryToken token)
    {
        if (token.PrevBlocked is not null)
        {
            token.PrevBlocked.NextBlocked = token.NextBlocked;
        }
        else
        {
            FirstBlocked = token.NextBlocked;
        }

        if (token.NextBlocked is not null)
        {
            token.NextBlocked.PrevBlocked = token.PrevBlocked;
        }

        token.Blocker = null;
        token.PrevBlocked = token.NextBlocked = null;
    }
}
