using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// What a token made by a beta node (a child) knows of its producer, as a row of its own in the
/// <see cref="TokenTable"/>: its parent, its previous sibling (the next is on
/// <see cref="Token.NextSibling"/>) and, if a join made it, what the right fact it was joined with
/// caused in that join, with its place there (see <see cref="RightState.AddChild"/>).
/// </summary>
internal struct TokenLinks : IPooledRow
{
    /// <summary>If a join produced the token, what the right fact it was joined with caused in that join.</summary>
    public RightState? Right;

    public int Parent;

    /// <summary>The previous token under the same parent, or -1.</summary>
    public int PrevSibling;

    /// <summary>The token's place among <see cref="Right"/>'s children, or -1.</summary>
    public int RightIndex;

    public void Reuse(int parent, RightState? right)
    {
        Right = right;
        Parent = parent;
        PrevSibling = -1;
        RightIndex = -1;
    }

    /// <summary>Nothing here holds a user's object; the state is pooled, and dropped so a cleared row points at nothing.</summary>
    public void Clear() => Right = null;
}
