namespace PolicyRules.Engine.Model;

/// <summary>Holds when no fact matches <see cref="Pattern"/> (negation as failure).</summary>
/// <remarks>The pattern's conditions may refer to aliases bound earlier; its own alias is not visible after it.</remarks>
public sealed class NotElement : RuleElement
{
    /// <summary>Creates a negation.</summary>
    public NotElement(PatternElement pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
    }

    /// <summary>The pattern that must have no match.</summary>
    public PatternElement Pattern { get; }
}
