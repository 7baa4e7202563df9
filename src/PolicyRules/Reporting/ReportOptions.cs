using PolicyRules.Checking.Report;
using PolicyRules.Domain.Drafts;
using PolicyRules.Language;

namespace PolicyRules.Reporting;

/// <summary>What the report writers need beyond the report: the rules in force, the fail threshold, the waivers applied.</summary>
public sealed class ReportOptions
{
    /// <summary>The rules in force (SARIF lists them; text and Markdown name them). Empty: only the rules that found something are described.</summary>
    public IReadOnlyList<RulebookRule> Rules { get; init; } = [];

    /// <summary>The lowest severity that fails a run (<c>critical</c> … <c>info</c>), or <c>none</c>. Default <c>high</c>.</summary>
    public string FailOn { get; init; } = FailThreshold.Default;

    /// <summary>
    /// The folder absolute input paths are made relative to in SARIF (the repository root or the
    /// working directory), so code scanning can match them to files; null leaves paths as given.
    /// </summary>
    public string? BasePath { get; init; }

    /// <summary>
    /// The drafts the report was made from, by the path the report gives them: the HTML report shows
    /// their clause texts with the evidence highlighted. Without them it shows the findings only.
    /// </summary>
    public IReadOnlyDictionary<string, Draft>? Drafts { get; init; }

    /// <summary>Whether the text report uses ANSI colours.</summary>
    public bool Color { get; init; }

    /// <summary>Whether the text report leaves out clauses with nothing to say (compliant, and supports without conflicts).</summary>
    public bool Quiet { get; init; }
}

/// <summary>When a run fails: open conflicts at or above a severity.</summary>
public static class FailThreshold
{
    /// <summary>The default threshold.</summary>
    public const string Default = "high";

    /// <summary>The threshold that never fails on conflicts.</summary>
    public const string None = "none";

    /// <summary>The accepted thresholds: the severities, worst first, and <c>none</c>.</summary>
    public static IReadOnlyList<string> Values { get; } = [.. Severity.WorstFirst, None];

    /// <summary>Whether a conflict of this severity and status fails a run at this threshold.</summary>
    public static bool Fails(string severity, string status, string failOn) =>
        failOn != None && ConflictStatus.Counts(status) && Severity.Rank(severity) <= Severity.Rank(failOn);

    /// <summary>Whether a conflict fails a run at this threshold: by severity and status, and not already in the baseline.</summary>
    public static bool Fails(ReportConflict conflict, string failOn)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return Fails(conflict.Severity, conflict.Status, failOn) && conflict.Baseline != BaselineReport.ExistingConflict;
    }

    /// <summary>The conflicts of the report that fail it at this threshold (with a baseline, only new ones).</summary>
    public static IReadOnlyList<ReportConflict> Failing(CheckReport report, string failOn) =>
        ReportConflict.All(report).Where(c => Fails(c, failOn)).ToArray();
}

/// <summary>A conflict of a report, on a clause or on the agreement, with where it is: the writers' common view.</summary>
/// <param name="Document">The document.</param>
/// <param name="Clause">The clause, or null for an agreement-level finding.</param>
/// <param name="Rule">The rule id.</param>
/// <param name="Principle">The principle id.</param>
/// <param name="Severity">The severity.</param>
/// <param name="Status">open, partially-mitigated, mitigated or waived.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Remedy">What to do about it.</param>
/// <param name="Basis">Articles and declarations.</param>
/// <param name="Parties">Whose policy space it touches.</param>
/// <param name="Evidence">What matched.</param>
/// <param name="Mitigations">What answers it.</param>
/// <param name="Source">The <see cref="ConflictReport"/> or <see cref="FindingReport"/>.</param>
public sealed record ReportConflict(
    DocumentReport Document,
    ClauseReport? Clause,
    string Rule,
    string Principle,
    string Severity,
    string Status,
    string Message,
    string? Remedy,
    IReadOnlyList<string> Basis,
    IReadOnlyList<string> Parties,
    IReadOnlyList<EvidenceReport> Evidence,
    IReadOnlyList<MitigationReport> Mitigations,
    object Source)
{
    /// <summary>Every conflict of a report in report order: per document, agreement findings first, then clauses.</summary>
    public static IEnumerable<ReportConflict> All(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Documents.SelectMany(Of);
    }

    /// <summary>Every conflict of a document: agreement findings first, then clauses in draft order.</summary>
    public static IEnumerable<ReportConflict> Of(DocumentReport document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var f in document.Findings.Where(f => f.Kind == "conflict"))
        {
            yield return new ReportConflict(document, null, f.Rule, f.Principle, f.Severity, f.Status, f.Message, f.Remedy, f.Basis, f.Parties, f.Evidence, f.Mitigations, f);
        }

        foreach (var clause in document.Clauses)
        {
            foreach (var c in clause.Conflicts)
            {
                yield return new ReportConflict(document, clause, c.Rule, c.Principle, c.Severity, c.Status, c.Message, c.Remedy, c.Basis, c.Parties, c.Evidence, c.Mitigations, c);
            }
        }
    }

    /// <summary>The clause id, or <c>(agreement)</c>.</summary>
    public string Where => Clause?.Id ?? FindingReport.AgreementLevel;

    /// <summary>With a baseline: <c>new</c> or <c>existing</c>; else null.</summary>
    public string? Baseline => Source switch
    {
        ConflictReport conflict => conflict.Baseline,
        FindingReport finding => finding.Baseline,
        _ => null,
    };

    /// <summary>The waiver that accepts it, when its status is <c>waived</c>; else null.</summary>
    public WaiverReport? Waiver => Source switch
    {
        ConflictReport conflict => conflict.Waiver,
        FindingReport finding => finding.Waiver,
        _ => null,
    };

    /// <summary>How a waived conflict was accepted, in words: "waived by ana until 2026-01-31: reason".</summary>
    public string? Waived => Waiver is { } w ? $"waived by {w.By}" + (w.Expires is { } e ? $" until {e}" : "") + (w.Reason is { Length: > 0 } r ? $": {r}" : "") : null;

    /// <summary>The status for each party when they differ, else null.</summary>
    public IReadOnlyDictionary<string, string>? PartyStatus => (Source as ConflictReport)?.PartyStatus;

    /// <summary>The status in words: <c>open</c>, or <c>open: CAN mitigated, MEX open</c> when parties differ.</summary>
    public string StatusByParty => PartyStatus is { } byParty ? $"{Status}: {string.Join(", ", byParty.Select(p => $"{p.Key} {p.Value}"))}" : Status;

    /// <summary>How a mitigation is introduced: its extent, and the parties it answers for when not all.</summary>
    public static string Reach(MitigationReport mitigation)
    {
        ArgumentNullException.ThrowIfNull(mitigation);
        return mitigation.Parties is { } parties ? $"{mitigation.Extent}, for {string.Join(", ", parties)}" : mitigation.Extent;
    }
}
