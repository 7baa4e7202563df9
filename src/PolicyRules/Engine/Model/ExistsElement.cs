namespace PolicyRules.Engine.Model;

/// <summary>Holds when at least one fact matches <see cref="Pattern"/>; the rule matches once, however many do.</summary>
/// <remarks>The pattern's conditions may refer to aliases bound earlier; its own alias is not visible after it.</remarks>
public sealed class ExistsElement : RuleElement
{
    /// <summary>Creates an existential.</summary>
    public ExistsElement(PatternElement pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
    }

    /// <summary>The pattern that must have at least one match.</summary>
    public PatternElement Pattern { get; }
}
