using System.Globalization;

namespace PolicyRules.Diagnostics;

/// <summary>A problem found in an input file, with a stable code and where it is.</summary>
/// <param name="Code">A stable code: PR1xxx for rule files, PR2xxx for drafts.</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Message">What was found and what was expected.</param>
/// <param name="File">The file, or null for input that did not come from a file.</param>
/// <param name="Line">The 1-based line, or 0 when unknown.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, string? File, int Line, int Column)
{
    /// <summary>True for errors.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The MSBuild form editors and CI annotate: <c>path(line,col): error PR1004: message</c>.</summary>
    public override string ToString() => Format(File, Line, Column, Severity.ToString().ToLowerInvariant(), Code, Message);

    /// <summary>The form of <see cref="ToString"/> for a diagnostic given by its parts (a report's, say).</summary>
    internal static string Format(string? file, int line, int column, string severity, string code, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"{file ?? "<input>"}({line},{column}): {severity} {code}: {message}");
}
