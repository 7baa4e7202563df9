namespace PolicyRules.Diagnostics;

/// <summary>How bad a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The input cannot be used as it is.</summary>
    Error,

    /// <summary>The input works but is probably not what was meant.</summary>
    Warning,

    /// <summary>For information.</summary>
    Info,
}
