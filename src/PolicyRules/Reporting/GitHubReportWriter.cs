using PolicyRules.Checking.Report;

namespace PolicyRules.Reporting;

/// <summary>
/// GitHub Actions output: one workflow command per problem (<c>::error file=…,line=…,col=…,title=…::message</c>)
/// so it annotates the draft in the pull request. Conflicts that fail the run are errors, other open ones
/// warnings, waived ones notices; draft diagnostics are errors, warnings or notices, as their severity. The job summary is the Markdown report
/// (<see cref="MarkdownReportWriter"/>), appended to <c>$GITHUB_STEP_SUMMARY</c> by the caller.
/// </summary>
public static class GitHubReportWriter
{
    /// <summary>Writes the workflow commands and a closing summary line.</summary>
    public static void Write(CheckReport report, TextWriter writer, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= new ReportOptions();
        foreach (var document in report.Documents)
        {
            foreach (var d in document.Diagnostics)
            {
                writer.WriteLine(Command(Level(d), document.Path, d.Line, d.Column, $"{d.Code}", d.Message));
            }

            foreach (var clause in document.Clauses)
            {
                foreach (var d in clause.Diagnostics)
                {
                    writer.WriteLine(Command(Level(d), document.Path, d.Line, d.Column, $"{d.Code} (clause {clause.Id})", d.Message));
                }
            }

            foreach (var c in ReportConflict.Of(document))
            {
                var level = FailThreshold.Fails(c, options.FailOn) ? "error"
                    : ConflictStatus.Counts(c.Status) ? "warning"
                    : c.Status == ConflictStatus.Waived ? "notice"
                    : null;
                if (level is null)
                {
                    continue;
                }

                var location = c.Clause?.Location ?? c.Document.Agreement?.Location;
                var message = $"{c.Message}" + (c.Remedy is { Length: > 0 } r ? $"\nRemedy: {r}" : "") + (c.Waiver is { } w ? $"\nWaived by {w.By}: {w.Reason}" : "");
                writer.WriteLine(Command(level, document.Path, location?.Line ?? 1, location?.Column ?? 1, $"{c.Rule} {c.Principle} ({c.Severity}, {c.Status}) clause {c.Where}", message));
            }
        }

        var failing = FailThreshold.Failing(report, options.FailOn).Count;
        writer.WriteLine($"policy-check: {TextReportWriter.Plural(report.Summary.Documents, "document")}, {TextReportWriter.Plural(report.Summary.Clauses, "clause")}, {TextReportWriter.Plural(failing, TextReportWriter.OpenConflict(report))} at or above {options.FailOn}.");
    }

    // A diagnostic's workflow command: an info (an alias read as the taxonomy spells it) is a notice, not a warning.
    private static string Level(DiagnosticReport diagnostic) => diagnostic.Severity switch
    {
        "error" => "error",
        "warning" => "warning",
        _ => "notice",
    };

    /// <summary>One workflow command, with its data and properties escaped as the runner expects.</summary>
    public static string Command(string level, string file, int line, int column, string title, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var position = line > 0 ? $",line={line}" + (column > 0 ? $",col={column}" : "") : "";
        return $"::{level} file={Property(file)}{position},title={Property(title)}::{Data(message)}";
    }

    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
