using PolicyRules.Checking;
using PolicyRules.Checking.Report;
using PolicyRules.Reporting;

namespace PolicyRules.Tests.Reporting;

public class GitHubReportWriterTests
{
    [Fact]
    public void A_diagnostics_severity_chooses_its_workflow_command()
    {
        var document = new DocumentReport
        {
            Path = "drafts/a.json",
            Agreement = new AgreementReport("a", null),
            Perspective = null,
            Verdict = Verdict.Compliant,
            Findings = [],
            Clauses = [],
            Diagnostics =
            [
                new DiagnosticReport("PR2003", "error", "Expected a string.", 3, 7),
                new DiagnosticReport("PR2008", "warning", "unknown sector 'x'.", 4, 9),
                new DiagnosticReport("PR2010", "info", "'audiovisual' read as 'av-radio-tv'.", 5, 11),
            ],
        };
        var report = new CheckReport
        {
            Tool = new ToolInfo("policy-check", "1.0.0"),
            Rulebooks = [],
            Run = new RunInfo(DateTimeOffset.UnixEpoch, 0),
            Documents = [document],
            Summary = PolicyChecker.Summarize([document]),
        };
        var output = new StringWriter();

        GitHubReportWriter.Write(report, output);

        output.ToString().Split('\n').Select(line => line.Split(' ')[0]).Where(c => c.StartsWith("::", StringComparison.Ordinal))
            .Should().Equal("::error", "::warning", "::notice");
    }
}
