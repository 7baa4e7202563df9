namespace PolicyRules.Engine.Runtime;

/// <summary>A fact entered, changed in, or left working memory.</summary>
public sealed class FactEventArgs(object fact) : EventArgs
{
    /// <summary>The fact.</summary>
    public object Fact { get; } = fact;
}
