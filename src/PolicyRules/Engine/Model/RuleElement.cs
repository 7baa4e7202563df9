namespace PolicyRules.Engine.Model;

/// <summary>One element of a rule's left-hand side.</summary>
/// <remarks>
/// The closed set of elements is <see cref="PatternElement"/>, <see cref="NotElement"/>,
/// <see cref="ExistsElement"/> and <see cref="AggregateElement"/>.
/// </remarks>
public abstract class RuleElement
{
    private protected RuleElement()
    {
    }
}
