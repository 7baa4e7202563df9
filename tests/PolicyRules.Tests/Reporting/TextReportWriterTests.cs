using PolicyRules.Checking.Report;
using PolicyRules.Reporting;

namespace PolicyRules.Tests.Reporting;

public class TextReportWriterTests
{
    [Fact]
    public void Quiet_names_the_supporting_clauses_it_leaves_out_apart_from_the_compliant_ones()
    {
        var report = SmallReports.Of(Verdict.Supports, [Clause("1.1", Verdict.Compliant), Clause("1.2", Verdict.Compliant), Clause("22.6", Verdict.Supports)], []);

        var text = TextReportWriter.ToText(report, new ReportOptions { Quiet = true });

        text.Should().Contain("  … 2 compliant and 1 supporting clauses not shown").And.NotContain("22.6");
    }

    private static ClauseReport Clause(string id, string verdict) => new()
    {
        Id = id,
        Verdict = verdict,
        Conflicts = [],
        Supports = verdict == Verdict.Supports ? [new SupportReport("SUP-001", "convention-reference", "Recalls the Convention.")] : [],
        Candidates = [],
        Diagnostics = [],
    };
}
