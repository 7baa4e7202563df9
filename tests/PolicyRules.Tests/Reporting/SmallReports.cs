using PolicyRules.Checking;
using PolicyRules.Checking.Report;

namespace PolicyRules.Tests.Reporting;

/// <summary>Reports of one document built by hand, for the report writers' tests.</summary>
internal static class SmallReports
{
    public static CheckReport Of(string verdict, IReadOnlyList<ClauseReport> clauses, IReadOnlyList<DiagnosticReport> diagnostics)
    {
        var document = new DocumentReport
        {
            Path = "drafts/a.json",
            Agreement = new AgreementReport("a", null),
            Perspective = null,
            Verdict = verdict,
            Findings = [],
            Clauses = clauses,
            Diagnostics = diagnostics,
        };
        return new CheckReport
        {
            Tool = new ToolInfo("policy-check", "1.0.0"),
            Rulebooks = [],
            Run = new RunInfo(DateTimeOffset.UnixEpoch, 0),
            Documents = [document],
            Summary = PolicyChecker.Summarize([document]),
        };
    }
}
