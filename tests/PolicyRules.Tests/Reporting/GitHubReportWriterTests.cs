using PolicyRules.Checking.Report;
using PolicyRules.Reporting;

namespace PolicyRules.Tests.Reporting;

public class GitHubReportWriterTests
{
    [Fact]
    public void A_diagnostics_severity_chooses_its_workflow_command()
    {
        var report = SmallReports.Of(Verdict.Compliant, [],
        [
            new DiagnosticReport("PR2003", "error", "Expected a string.", 3, 7),
            new DiagnosticReport("PR2008", "warning", "unknown sector 'x'.", 4, 9),
            new DiagnosticReport("PR2010", "info", "'audiovisual' read as 'av-radio-tv'.", 5, 11),
        ]);
        var output = new StringWriter();

        GitHubReportWriter.Write(report, output);

        output.ToString().Split('\n').Select(line => line.Split(' ')[0]).Where(c => c.StartsWith("::", StringComparison.Ordinal))
            .Should().Equal("::error", "::warning", "::notice");
    }
}
