using PolicyRules.Checking.Report;

namespace PolicyRules.Checking.Baselines;

/// <summary>
/// Compares a report with a baseline: each counting conflict is <c>new</c> or <c>existing</c>
/// (<see cref="ConflictReport.Baseline"/>); the baseline's conflicts no longer found in the documents
/// checked are resolved, those of documents this run did not check are counted apart.
/// Only new conflicts fail a run.
/// </summary>
public static class BaselineApplier
{
    /// <summary>Marks the conflicts of <paramref name="report"/> (in place) and returns the report with its <see cref="CheckReport.Baseline"/> section.</summary>
    /// <param name="report">The report, after waivers.</param>
    /// <param name="baseline">The previous run's conflicts.</param>
    /// <param name="source">The baseline file, as the report names it.</param>
    public static CheckReport Apply(CheckReport report, Baseline baseline, string source)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(baseline);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int added = 0, kept = 0;
        foreach (var document in report.Documents)
        {
            foreach (var finding in document.Findings.Where(f => f.Kind == "conflict" && ConflictStatus.Counts(f.Status)))
            {
                finding.Baseline = Mark(ConflictFingerprint.Of(document, null, finding.Rule, finding.Principle));
            }

            foreach (var clause in document.Clauses)
            {
                foreach (var conflict in clause.Conflicts.Where(c => ConflictStatus.Counts(c.Status)))
                {
                    conflict.Baseline = Mark(ConflictFingerprint.Of(document, clause.Id, conflict.Rule, conflict.Principle));
                }
            }
        }

        // Only what this run checked can be resolved: a document left out of it (a pull request that
        // checks one brief against the whole folder's report) resolves nothing.
        var checkedDocuments = report.Documents.Select(d => d.Identity).ToHashSet(StringComparer.Ordinal);
        var gone = baseline.Entries.Where(e => !seen.Contains(e.Key)).Select(e => e.Value).ToArray();
        var resolved = gone.Where(e => checkedDocuments.Contains(e.Agreement ?? e.Document)).ToArray();
        return report with { Baseline = new BaselineReport(source, added, kept, resolved) { NotChecked = gone.Length - resolved.Length } };

        string Mark(string fingerprint)
        {
            seen.Add(fingerprint);
            if (baseline.Entries.ContainsKey(fingerprint))
            {
                kept++;
                return BaselineReport.ExistingConflict;
            }

            added++;
            return BaselineReport.NewConflict;
        }
    }
}
