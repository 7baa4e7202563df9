namespace PolicyRules.Engine.Rete;

/// <summary>
/// What a token made by a beta node (a child) knows of its producer: its parent, its previous
/// sibling (the next is on <see cref="Token.NextSibling"/>) and, if a join made it, what the right
/// fact it was joined with caused in that join, with its place there (see <see cref="RightState.AddChild"/>).
/// </summary>
internal struct ChildLinks
{
    public ParentToken Parent;

    /// <summary>If a join produced the token, what the right fact it was joined with caused in that join.</summary>
    public RightState? Right;

    public Token? PrevSibling;

    /// <summary>The token's place among <see cref="Right"/>'s children.</summary>
    public int RightIndex;

    public ChildLinks(ParentToken parent, RightState? right)
    {
        Parent = parent;
        Right = right;
        RightIndex = -1;
    }
}
