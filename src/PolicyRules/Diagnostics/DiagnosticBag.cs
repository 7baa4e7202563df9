namespace PolicyRules.Diagnostics;

/// <summary>Collects the diagnostics of a load, so every problem of a file is reported at once.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public int ErrorCount { get; private set; }

    public void Error(string code, SourceSpan at, string message) => Add(code, DiagnosticSeverity.Error, at, message);

    public void Warning(string code, SourceSpan at, string message) => Add(code, DiagnosticSeverity.Warning, at, message);

    public void Add(string code, DiagnosticSeverity severity, SourceSpan at, string message) =>
        Add(new Diagnostic(code, severity, message, at.File, at.Line, at.Column));

    /// <summary>Appends what another bag collected, in its order.</summary>
    public void AddRange(DiagnosticBag other)
    {
        foreach (var diagnostic in other._items)
        {
            Add(diagnostic);
        }
    }

    private void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        if (diagnostic.IsError)
        {
            ErrorCount++;
        }
    }
}
