using System.Diagnostics;
using PolicyRules.Checking;
using PolicyRules.Checking.Report;
using PolicyRules.Domain.Drafts;

namespace PolicyRules.Benchmarks.LargeDraft;

/// <summary>
/// Checks one large draft with the Convention rulebook, or with an empty rulebook: the baseline of
/// the same run (reading, clause analysis and reporting, no rules), as docs/PERFORMANCE.md reports the corpus.
/// </summary>
public sealed class LargeDraftCheck : IDisposable
{
    private readonly string _emptyRulebook = Path.Combine(Path.GetTempPath(), $"policyrules-empty-{Guid.NewGuid():N}.json");

    public LargeDraftCheck(bool withRules)
    {
        var options = new PolicyCheckerOptions();
        if (!withRules)
        {
            File.WriteAllText(_emptyRulebook, """{ "rulebook": "empty", "version": "0", "rules": [] }""");
            options.UseDefaultRules = false;
            options.RulePaths.Add(_emptyRulebook);
        }

        Checker = new PolicyChecker(options);
    }

    public PolicyChecker Checker { get; }

    /// <summary>Reads and checks the draft; throws unless every clause is in the report.</summary>
    public (DocumentReport Report, TimeSpan Elapsed) Run(string json, int clauses)
    {
        var watch = Stopwatch.StartNew();
        // Above the reader's default 16 MiB guard: 20,000 clauses with their texts are about 25 MB.
        var report = Checker.Check(new DraftReader { MaxFileBytes = 1L << 30 }.Read(json, $"large-{clauses}.json"));
        var elapsed = watch.Elapsed;
        if (report.Clauses.Count != clauses)
        {
            throw new InvalidOperationException($"The report of a {clauses}-clause draft holds {report.Clauses.Count} clauses: {string.Join("; ", report.Diagnostics.Take(3))}");
        }

        return (report, elapsed);
    }

    public void Dispose() => File.Delete(_emptyRulebook);
}
