namespace PolicyRules.Engine.Runtime;

/// <summary>A rule is about to fire, or has fired, for a match.</summary>
public sealed class MatchEventArgs(IMatch match) : EventArgs
{
    /// <summary>The match.</summary>
    public IMatch Match { get; } = match;
}
