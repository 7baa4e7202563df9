using PolicyRules.Engine.Rete;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// A rule waiting on the agenda to fire for a match: a row of 16 bytes, not an object. It names
/// its rule by its place among the rules of the match's terminal, and holds while its match has
/// not been withdrawn since it was made (the stamps agree).
/// </summary>
internal readonly record struct Activation(MatchToken Token, int Stamp, int RuleIndex)
{
    /// <summary>False once the match has been withdrawn: the row is dropped, never fired.</summary>
    public bool Holds => Token.Stamp == Stamp;

    public CompiledRule Rule => Token.Terminal.Rules[RuleIndex];
}
