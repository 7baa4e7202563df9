using System.Globalization;
using PolicyRules.Checking.Report;

namespace PolicyRules.Reporting;

/// <summary>
/// The human report of <c>policy-check check</c>: grouped by document and clause, each conflict with
/// its severity, rule, principle, status, message, quoted evidence, basis and remedy; a summary at the end.
/// Colours (ANSI) only when <see cref="ReportOptions.Color"/> is set.
/// </summary>
public static class TextReportWriter
{
    /// <summary>Writes the report as text.</summary>
    public static void Write(CheckReport report, TextWriter writer, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= new ReportOptions();
        var paint = new Painter(options.Color);

        foreach (var document in report.Documents)
        {
            WriteDocument(document, writer, options, paint);
            writer.WriteLine();
        }

        WriteSummary(report, writer, options, paint);
    }

    /// <summary>The report as text.</summary>
    public static string ToText(CheckReport report, ReportOptions? options = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(report, writer, options);
        return writer.ToString();
    }

    private static void WriteDocument(DocumentReport document, TextWriter w, ReportOptions options, Painter paint)
    {
        w.WriteLine(paint.Bold(document.Path));
        var agreement = document.Agreement is { } a ? (a.Name is null ? a.Id : $"{a.Name} ({a.Id})") : "(unreadable)";
        w.WriteLine($"  {agreement} · {(document.Perspective is { } p ? $"perspective {p}" : "all parties")} · verdict {paint.Verdict(document.Verdict)}");
        foreach (var d in document.Diagnostics)
        {
            w.WriteLine($"  {paint.Severity(d.Severity == "error" ? "high" : "medium", d.Severity)} {d.Code} at {d.Line}:{d.Column}: {d.Message}");
        }

        var findings = ReportConflict.Of(document).Where(c => c.Clause is null).ToArray();
        if (findings.Length > 0)
        {
            w.WriteLine($"  {paint.Bold(FindingReport.AgreementLevel)}  {paint.Verdict(findings.Select(f => Verdict.OfStatus(f.Status)).Aggregate(Verdict.Supports, Verdict.Worst))}");
            foreach (var finding in findings)
            {
                WriteConflict(finding, w, options, paint);
            }
        }

        foreach (var support in document.Findings.Where(f => f.Kind == "support"))
        {
            w.WriteLine($"  (agreement)  supports {support.Principle} ({support.Rule}): {support.Message}");
        }

        var (hidden, hiddenSupports) = (0, 0);
        foreach (var clause in document.Clauses)
        {
            if (options.Quiet && clause.Conflicts.Count == 0 && clause.Diagnostics.Count == 0 && clause.Verdict is Verdict.Compliant or Verdict.Supports)
            {
                if (clause.Verdict == Verdict.Supports)
                {
                    hiddenSupports++;
                }
                else
                {
                    hidden++;
                }

                continue;
            }

            w.WriteLine($"  {paint.Bold(clause.Id)}  {paint.Verdict(clause.Verdict)}"
                + (clause.PartyVerdicts is { } byParty ? $" ({string.Join("; ", byParty.Select(p => $"{p.Key} {p.Value}"))})" : "")
                + (clause.Candidates.Count > 0 ? $" (principles in question: {string.Join(", ", clause.Candidates)})" : ""));
            foreach (var d in clause.Diagnostics)
            {
                w.WriteLine($"      {d.Severity} {d.Code} at {d.Line}:{d.Column}: {d.Message}");
            }

            foreach (var review in clause.Reviews ?? [])
            {
                w.WriteLine($"      ? {review.Describe()}");
            }

            foreach (var conflict in ReportConflict.Of(document).Where(c => ReferenceEquals(c.Clause, clause)))
            {
                WriteConflict(conflict, w, options, paint);
            }

            foreach (var support in clause.Supports)
            {
                w.WriteLine($"      supports {support.Principle} ({support.Rule}): {support.Message}");
            }
        }

        if (hidden + hiddenSupports > 0)
        {
            // Supports are named apart: "compliant" would hide that a clause advances the Convention.
            var kinds = new[] { (hidden, "compliant"), (hiddenSupports, "supporting") }.Where(k => k.Item1 > 0).Select(k => $"{k.Item1} {k.Item2}");
            w.WriteLine($"  … {string.Join(" and ", kinds)} clause{(hidden + hiddenSupports == 1 ? "" : "s")} not shown");
        }
    }

    private static void WriteConflict(ReportConflict c, TextWriter w, ReportOptions options, Painter paint)
    {
        var parties = c.Parties.Count > 0 ? $"  ({string.Join(", ", c.Parties)})" : "";
        w.WriteLine($"      {paint.Severity(c.Severity, c.Severity.ToUpperInvariant())}  {c.Rule}  {c.Principle}  [{c.StatusByParty}]{parties}");
        w.WriteLine($"        {c.Message}");
        if (c.Evidence.Count > 0)
        {
            w.WriteLine($"        evidence: {string.Join("; ", c.Evidence.Select(Evidence))}");
        }

        foreach (var m in c.Mitigations)
        {
            w.WriteLine($"        mitigation ({ReportConflict.Reach(m)}) by {m.By}, {m.Rule}: {m.Message}");
        }

        if (c.Waived is { } waived)
        {
            w.WriteLine($"        {waived}");
        }

        if (c.Basis.Count > 0)
        {
            w.WriteLine($"        basis: {string.Join("; ", c.Basis)}");
        }

        if (c.Remedy is { Length: > 0 } remedy)
        {
            w.WriteLine($"        remedy: {remedy}");
        }
    }

    /// <summary>One piece of evidence, quoted: <c>kind "market-access"</c> or <c>text[10..26] "digital products"</c>.</summary>
    internal static string Evidence(EvidenceReport e) =>
        (e.Span is [var start, var end] ? $"{e.Field}[{start}..{end}]" : e.Field) + " \"" + e.Value + "\"";

    private static void WriteSummary(CheckReport report, TextWriter w, ReportOptions options, Painter paint)
    {
        var s = report.Summary;
        var verdicts = Verdict.WorstFirst.Where(v => s.Verdicts.GetValueOrDefault(v) > 0).Select(v => $"{s.Verdicts[v]} {v}");
        w.WriteLine($"{Plural(s.Documents, "document")}, {Plural(s.Clauses, "clause")}: {Joined(verdicts, "nothing to check")}.");

        var all = ReportConflict.All(report).ToArray();
        var open = Severity.WorstFirst.Where(sev => s.Conflicts.GetValueOrDefault(sev) > 0).Select(sev => $"{s.Conflicts[sev]} {sev}");
        var mitigated = all.Count(c => c.Status == ConflictStatus.Mitigated);
        var waived = all.Count(c => c.Status == ConflictStatus.Waived);
        var review = all.Count(c => c.Status == ConflictStatus.NeedsReview);
        w.WriteLine($"Conflicts: {Joined(open, "none open")}" + (mitigated > 0 ? $"; {mitigated} mitigated" : "") + (review > 0 ? $"; {review} pending review of lists the draft does not hold" : "") + (waived > 0 ? $"; {waived} waived" : "") + ".");

        if (report.Baseline is { } baseline)
        {
            w.WriteLine($"Baseline {baseline.Source}: {baseline.New} new, {baseline.Existing} already in it (they do not fail the run), {baseline.Resolved.Count} resolved"
                + (baseline.NotChecked > 0 ? $"; {Plural(baseline.NotChecked, "conflict")} of documents this run did not check left aside." : "."));
            foreach (var gone in baseline.Resolved)
            {
                w.WriteLine($"  resolved: {gone.Rule} {gone.Principle} on {gone.Agreement ?? gone.Document} {gone.Clause ?? FindingReport.AgreementLevel}");
            }
        }

        var failing = all.Count(c => FailThreshold.Fails(c, options.FailOn));
        var errors = Unchecked(report);
        if (errors > 0)
        {
            w.WriteLine(paint.Red($"ERROR: {Plural(errors, "input")} could not be checked (see the diagnostics)."));
        }

        // An input that could not be checked, or none at all, fails the run (exit 2) whatever the conflicts say.
        if (options.FailOn != FailThreshold.None && failing > 0)
        {
            w.WriteLine(paint.Red($"FAIL: {Plural(failing, OpenConflict(report))} at or above {options.FailOn}."));
        }
        else if (errors > 0)
        {
            var conflicts = options.FailOn == FailThreshold.None ? "conflicts do not fail the run (--fail-on none)" : $"no {OpenConflict(report)} at or above {options.FailOn}";
            w.WriteLine(paint.Red($"FAIL: {Plural(errors, "input")} could not be checked; {conflicts}."));
        }
        else if (report.Documents.Count == 0)
        {
            w.WriteLine(paint.Red($"FAIL: {NothingChecked}."));
        }
        else if (options.FailOn == FailThreshold.None)
        {
            w.WriteLine("PASS: --fail-on none, conflicts do not fail the run.");
        }
        else
        {
            w.WriteLine(paint.Green($"PASS: no {OpenConflict(report)} at or above {options.FailOn}."));
        }
    }

    /// <summary>What a run that found no draft comes to: not a pass (the checker exits 2).</summary>
    internal const string NothingChecked = "no draft was checked";

    /// <summary>Inputs that could not be checked: unreadable documents, and error clauses of readable ones.</summary>
    internal static int Unchecked(CheckReport report) =>
        report.Documents.Count(d => d.Verdict == Verdict.Error) + report.Documents.Sum(d => d.Clauses.Count(c => c.Verdict == Verdict.Error && d.Verdict != Verdict.Error));

    /// <summary>What fails a run: an open conflict, or against a baseline a new one (those already in it do not).</summary>
    internal static string OpenConflict(CheckReport report) => report.Baseline is null ? "open conflict" : "new open conflict";

    private static string Joined(IEnumerable<string> parts, string empty)
    {
        var text = string.Join(", ", parts);
        return text.Length == 0 ? empty : text;
    }

    internal static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private sealed class Painter(bool enabled)
    {
        public string Bold(string text) => Wrap("1", text);

        public string Red(string text) => Wrap("31", text);

        public string Green(string text) => Wrap("32", text);

        public string Severity(string severity, string text) => severity switch
        {
            "critical" => Wrap("1;35", text),
            "high" => Wrap("31", text),
            "medium" => Wrap("33", text),
            "low" => Wrap("36", text),
            _ => Wrap("90", text),
        };

        public string Verdict(string verdict) => verdict switch
        {
            Checking.Report.Verdict.Error or Checking.Report.Verdict.Conflict => Wrap("31", verdict),
            Checking.Report.Verdict.PartiallyMitigated or Checking.Report.Verdict.NeedsReview => Wrap("33", verdict),
            _ => Wrap("32", verdict),
        };

        private string Wrap(string code, string text) => enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
    }
}
