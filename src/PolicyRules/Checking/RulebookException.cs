using PolicyRules.Diagnostics;

namespace PolicyRules.Checking;

/// <summary>The rule files have errors, so no checker can be built from them.</summary>
public sealed class RulebookException : Exception
{
    /// <summary>Creates the exception from the diagnostics of the load.</summary>
    public RulebookException(IReadOnlyList<Diagnostic> diagnostics)
        : base("The rule files have errors:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics.Where(d => d.IsError)))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every diagnostic of the load, errors and warnings.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
