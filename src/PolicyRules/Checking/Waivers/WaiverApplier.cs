using System.Globalization;
using PolicyRules.Checking.Report;
using PolicyRules.Diagnostics;

namespace PolicyRules.Checking.Waivers;

/// <summary>A waiver that matched: which conflict it accepted, in which document and clause.</summary>
/// <param name="Waiver">The waiver.</param>
/// <param name="Document">The document's path.</param>
/// <param name="Clause">The clause id, or null for an agreement-level finding.</param>
/// <param name="Rule">The rule of the conflict.</param>
/// <param name="Conflict">The <see cref="ConflictReport"/> or <see cref="FindingReport"/> waived.</param>
public sealed record AppliedWaiver(Waiver Waiver, string Document, string? Clause, string Rule, object Conflict);

/// <summary>What applying waivers did: the report with waived statuses and fresh totals, and the waivers that did not apply.</summary>
public sealed class WaiverOutcome
{
    private readonly Dictionary<object, AppliedWaiver> _byConflict;

    internal WaiverOutcome(CheckReport report, IReadOnlyList<AppliedWaiver> applied, IReadOnlyList<Waiver> expired, IReadOnlyList<Waiver> stale, IReadOnlyList<Diagnostic> warnings)
    {
        Report = report;
        Applied = applied;
        Expired = expired;
        Stale = stale;
        Warnings = warnings;
        _byConflict = new Dictionary<object, AppliedWaiver>(ReferenceEqualityComparer.Instance);
        foreach (var a in applied)
        {
            _byConflict.TryAdd(a.Conflict, a);
        }
    }

    /// <summary>The report: matched conflicts have the status <c>waived</c>, and the summary is recounted.</summary>
    public CheckReport Report { get; }

    /// <summary>Every match of a waiver and a conflict.</summary>
    public IReadOnlyList<AppliedWaiver> Applied { get; }

    /// <summary>Waivers past their expiry: they no longer apply.</summary>
    public IReadOnlyList<Waiver> Expired { get; }

    /// <summary>Waivers in force that matched no conflict.</summary>
    public IReadOnlyList<Waiver> Stale { get; }

    /// <summary>Warnings for the expired and stale waivers (PR4004, PR4005), in waiver order.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>The waiver that accepted a conflict (a <see cref="ConflictReport"/> or <see cref="FindingReport"/>), if any.</summary>
    public AppliedWaiver? For(object conflict) => _byConflict.GetValueOrDefault(conflict);

    /// <summary>An outcome with no waivers.</summary>
    public static WaiverOutcome None(CheckReport report) => new(report, [], [], [], []);
}

/// <summary>
/// Applies waivers to a report: each open or partially-mitigated conflict a waiver in force matches
/// takes the status <c>waived</c> (reported, not counted). Expired waivers do not apply; waivers that
/// match nothing are stale. Both come back as warnings.
/// </summary>
public static class WaiverApplier
{
    /// <summary>Applies the waivers on the given day.</summary>
    /// <param name="report">The report; its conflicts' statuses are changed in place, and the outcome's report carries the verdicts they give.</param>
    /// <param name="waivers">The waivers.</param>
    /// <param name="today">The day expiries are compared with.</param>
    /// <param name="source">The waiver file, named in warnings.</param>
    /// <param name="ruleIds">The ids of the rules in force; a waiver that names none of them is reported (PR4006). Null skips the check.</param>
    public static WaiverOutcome Apply(CheckReport report, IReadOnlyList<Waiver> waivers, DateOnly today, string? source = null, IReadOnlyCollection<string>? ruleIds = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(waivers);
        var applied = new List<AppliedWaiver>();
        var expired = new List<Waiver>();
        var stale = new List<Waiver>();
        var unknown = new List<Waiver>();
        var warnings = new List<Diagnostic>();
        var taken = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var candidates = Candidates(report).ToArray();

        foreach (var waiver in waivers)
        {
            var matches = candidates.Where(c => Matches(waiver, c)).ToArray();
            if (waiver.IsExpired(today))
            {
                expired.Add(waiver);
                var expiry = waiver.Expires!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                warnings.Add(new Diagnostic(
                    WaiverDiagnosticCodes.Expired,
                    DiagnosticSeverity.Warning,
                    $"The waiver of {waiver.Describe()} (by {waiver.By}) expired on {expiry} and no longer applies" +
                    (matches.Length == 0 ? "." : $": {matches.Length} conflict{(matches.Length == 1 ? "" : "s")} it matched count{(matches.Length == 1 ? "s" : "")} again."),
                    source,
                    waiver.Line,
                    waiver.Column));
                continue;
            }

            if (ruleIds is not null && !ruleIds.Any(waiver.MatchesRule))
            {
                unknown.Add(waiver);
                warnings.Add(new Diagnostic(
                    WaiverDiagnosticCodes.UnknownRule,
                    DiagnosticSeverity.Warning,
                    $"The waiver of {waiver.Describe()} (by {waiver.By}) names no rule of the rulebooks in force: check the rule id (policy-check rules lists them).",
                    source,
                    waiver.Line,
                    waiver.Column));
                continue;
            }

            if (matches.Length == 0)
            {
                stale.Add(waiver);
                warnings.Add(new Diagnostic(
                    WaiverDiagnosticCodes.Stale,
                    DiagnosticSeverity.Warning,
                    $"The waiver of {waiver.Describe()} (by {waiver.By}) matches no open conflict: it is stale and can be removed.",
                    source,
                    waiver.Line,
                    waiver.Column));
                continue;
            }

            foreach (var match in matches)
            {
                applied.Add(new AppliedWaiver(waiver, match.Document.Path, match.Clause, match.Rule, match.Conflict));
                if (taken.Add(match.Conflict))
                {
                    match.Waive(Describe(waiver));
                }
            }
        }

        var documents = report.Documents.Select(Rejudged).ToArray();
        var recounted = report with
        {
            Documents = documents,
            Summary = PolicyChecker.Summarize(documents),
            Waivers = new WaiversReport(
                applied.Select(a => a.Conflict).Distinct(ReferenceEqualityComparer.Instance).Count(),
                expired.Select(Describe).ToArray(),
                stale.Select(Describe).ToArray(),
                unknown.Select(Describe).ToArray()),
        };
        return new WaiverOutcome(recounted, applied, expired, stale, warnings);
    }

    private static WaiverReport Describe(Waiver w) =>
        new(w.Rule, w.Document, w.Clause, w.By, w.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), w.Line) { Reason = w.Reason };

    // Verdicts follow the statuses: a clause whose only conflict is waived is no longer a conflict.
    private static DocumentReport Rejudged(DocumentReport document)
    {
        var clauses = document.Clauses
            .Select(c => c.Verdict == Verdict.Error ? c : Rejudged(c))
            .ToArray();
        var verdict = document.Verdict == Verdict.Error ? Verdict.Error : DocumentReportBuilder.DocumentVerdict(clauses, document.Findings);
        return document with { Clauses = clauses, Verdict = verdict };
    }

    private static ClauseReport Rejudged(ClauseReport clause)
    {
        var (verdict, byParty) = DocumentReportBuilder.ClauseVerdicts(clause.Conflicts, clause.Candidates.Count > 0, clause.Supports.Count > 0);
        return clause with { Verdict = verdict, PartyVerdicts = byParty };
    }

    private static bool Matches(Waiver waiver, Candidate c) =>
        ConflictStatus.Counts(c.Status) &&
        waiver.MatchesRule(c.Rule) &&
        waiver.MatchesClause(c.Clause) &&
        waiver.MatchesDocument(c.Document.Path, c.Document.Agreement?.Id);

    private static IEnumerable<Candidate> Candidates(CheckReport report)
    {
        foreach (var document in report.Documents)
        {
            foreach (var finding in document.Findings.Where(f => f.Kind == "conflict"))
            {
                yield return new Candidate(document, null, finding.Rule, finding.Status, finding, waiver => (finding.Status, finding.Waiver) = (ConflictStatus.Waived, waiver));
            }

            foreach (var clause in document.Clauses)
            {
                foreach (var conflict in clause.Conflicts)
                {
                    yield return new Candidate(document, clause.Id, conflict.Rule, conflict.Status, conflict, waiver => (conflict.Status, conflict.PartyStatus, conflict.Waiver) = (ConflictStatus.Waived, null, waiver));
                }
            }
        }
    }

    private sealed record Candidate(DocumentReport Document, string? Clause, string Rule, string Status, object Conflict, Action<WaiverReport> Waive);
}
