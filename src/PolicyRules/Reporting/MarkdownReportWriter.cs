using System.Globalization;
using PolicyRules.Checking.Report;

namespace PolicyRules.Reporting;

/// <summary>
/// A Markdown report for a pull-request comment, a job summary or a brief: the outcome, totals by
/// verdict, then per document a table of conflicts and the details (evidence, basis, remedy).
/// </summary>
public static class MarkdownReportWriter
{
    /// <summary>Writes the report as Markdown.</summary>
    public static void Write(CheckReport report, TextWriter writer, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToMarkdown(report, options));
    }

    /// <summary>The report as Markdown.</summary>
    public static string ToMarkdown(CheckReport report, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= new ReportOptions();
        var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var all = ReportConflict.All(report).ToArray();
        var failing = all.Count(c => FailThreshold.Fails(c, options.FailOn));
        var errors = TextReportWriter.Unchecked(report);

        w.WriteLine("## policy-check report");
        w.WriteLine();
        var failingConflict = TextReportWriter.OpenConflict(report);
        var outcome = errors > 0 ? $"**Error**: {TextReportWriter.Plural(errors, "input")} could not be checked."
            : report.Documents.Count == 0 ? $"**Error**: {TextReportWriter.NothingChecked}."
            : options.FailOn == FailThreshold.None ? "**Pass** (conflicts do not fail the run: `--fail-on none`)."
            : failing > 0 ? $"**Fail**: {TextReportWriter.Plural(failing, failingConflict)} at or above `{options.FailOn}`."
            : $"**Pass**: no {failingConflict} at or above `{options.FailOn}`.";
        w.WriteLine(outcome);
        w.WriteLine();
        var rulebooks = string.Join(", ", report.Rulebooks.Select(b => $"{b.Name} {b.Version} ({b.Rules} rules)"));
        w.WriteLine($"{report.Tool.Name} {report.Tool.Version} · rulebooks: {(rulebooks.Length == 0 ? "none" : rulebooks)}");
        w.WriteLine();

        w.WriteLine("| Document | Agreement | Verdict | Clauses | Open conflicts |");
        w.WriteLine("|---|---|---|---:|---:|");
        foreach (var d in report.Documents)
        {
            var open = ReportConflict.Of(d).Count(c => ConflictStatus.Counts(c.Status));
            w.WriteLine($"| `{Cell(d.Path)}` | {Cell(d.Agreement?.Name ?? d.Agreement?.Id ?? "(unreadable)")} | {Cell(d.Verdict)} | {d.Clauses.Count} | {open} |");
        }

        w.WriteLine();
        var verdicts = Verdict.WorstFirst.Where(v => report.Summary.Verdicts.GetValueOrDefault(v) > 0).Select(v => $"{v} {report.Summary.Verdicts[v]}");
        var severities = Severity.WorstFirst.Where(s => report.Summary.Conflicts.GetValueOrDefault(s) > 0).Select(s => $"{s} {report.Summary.Conflicts[s]}");
        w.WriteLine($"**{TextReportWriter.Plural(report.Summary.Clauses, "clause")}**: {Or(string.Join(", ", verdicts), "none")}. **Open conflicts**: {Or(string.Join(", ", severities), "none")}.");

        foreach (var document in report.Documents)
        {
            var conflicts = ReportConflict.Of(document).ToArray();
            var problems = document.Diagnostics.Select(d => (Where: "(document)", D: d))
                .Concat(document.Clauses.SelectMany(c => c.Diagnostics.Select(d => (Where: c.Id, D: d))))
                .ToArray();
            var review = document.Clauses.Where(c => c.Verdict == Verdict.NeedsReview).ToArray();
            if (conflicts.Length == 0 && problems.Length == 0 && review.Length == 0)
            {
                continue;
            }

            w.WriteLine();
            w.WriteLine($"### `{Cell(document.Path)}`" + (document.Agreement is { } a ? $": {a.Name ?? a.Id}" : ""));
            w.WriteLine();
            if (conflicts.Length > 0)
            {
                w.WriteLine("| Clause | Severity | Rule | Principle | Status | Finding |");
                w.WriteLine("|---|---|---|---|---|---|");
                foreach (var c in conflicts)
                {
                    w.WriteLine($"| {Cell(c.Where)} | {Cell(c.Severity)} | {Cell(c.Rule)} | {Cell(c.Principle)} | {Cell(c.StatusByParty)} | {Cell(c.Message)} |");
                }

                w.WriteLine();
                // Mitigated conflicts keep their details: what answers them, and why, is the analyst's reading.
                foreach (var c in conflicts)
                {
                    w.WriteLine($"<details><summary>{Html(c.Where)} · {Html(c.Rule)} · {Html(c.Principle)}</summary>");
                    w.WriteLine();
                    if (c.Evidence.Count > 0)
                    {
                        w.WriteLine($"- **Evidence**: {string.Join("; ", c.Evidence.Select(e => $"`{e.Field}`: “{Inline(e.Value)}”"))}");
                    }

                    if (c.Basis.Count > 0)
                    {
                        w.WriteLine($"- **Basis**: {Inline(string.Join("; ", c.Basis))}");
                    }

                    foreach (var m in c.Mitigations)
                    {
                        w.WriteLine($"- **Mitigation** ({Inline(ReportConflict.Reach(m))}, by {Inline(m.By)}, {Inline(m.Rule)}): {Inline(m.Message)}");
                    }

                    if (c.Waiver is { } waiver)
                    {
                        w.WriteLine($"- **Waived** by {Inline(waiver.By)}: {Inline(waiver.Reason ?? "")}");
                    }

                    if (c.Remedy is { Length: > 0 } remedy)
                    {
                        w.WriteLine($"- **Remedy**: {Inline(remedy)}");
                    }

                    w.WriteLine();
                    w.WriteLine("</details>");
                    w.WriteLine();
                }
            }

            foreach (var clause in review)
            {
                w.WriteLine($"- Clause {Inline(clause.Id)} needs review: {Inline(string.Join(", ", clause.Candidates))}");
                foreach (var question in clause.Reviews ?? [])
                {
                    w.WriteLine($"  - {Inline(question.Describe())}");
                }
            }

            foreach (var (where, d) in problems)
            {
                w.WriteLine($"- {Inline(where)}: {d.Severity} {d.Code} (line {d.Line}): {Inline(d.Message)}");
            }
        }

        if (report.Waivers is { } waivers && (waivers.Expired.Count > 0 || waivers.Stale.Count > 0))
        {
            w.WriteLine();
            w.WriteLine("### Waivers");
            w.WriteLine();
            foreach (var e in waivers.Expired)
            {
                w.WriteLine($"- Expired ({e.Expires}): {Inline(Describe(e))}, by {Inline(e.By)}");
            }

            foreach (var s in waivers.Stale)
            {
                w.WriteLine($"- Stale (matches nothing): {Inline(Describe(s))}, by {Inline(s.By)}");
            }
        }

        return w.ToString();
    }

    // As the waivers file states it: rule, document and clause.
    private static string Describe(WaiverReport waiver) =>
        waiver.Rule + (waiver.Document is null ? "" : $" in {waiver.Document}") + (waiver.Clause is null or "*" ? "" : $" on clause {waiver.Clause}");

    private static string Or(string text, string empty) => text.Length == 0 ? empty : text;

    private static string Inline(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    internal static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
