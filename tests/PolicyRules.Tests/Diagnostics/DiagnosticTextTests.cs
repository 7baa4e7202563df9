using PolicyRules.Checking.Report;
using PolicyRules.Diagnostics;

namespace PolicyRules.Tests.Diagnostics;

/// <summary>The one line editors and CI annotate, the same for a diagnostic and for a report's.</summary>
public class DiagnosticTextTests
{
    [Fact]
    public void A_diagnostic_reads_path_line_column_severity_code_and_message()
    {
        new Diagnostic("PR2003", DiagnosticSeverity.Error, "'sectors' must be a list of strings.", "d.json", 4, 47).ToString()
            .Should().Be("d.json(4,47): error PR2003: 'sectors' must be a list of strings.");
        new Diagnostic("PR2001", DiagnosticSeverity.Warning, "x", null, 1, 2).ToString().Should().Be("<input>(1,2): warning PR2001: x");
    }

    [Fact]
    public void A_reports_diagnostic_reads_the_same_for_its_document()
    {
        new DiagnosticReport("PR2008", "warning", "unknown sector 'av-radio'.", 8, 32).Describe("drafts/d.json")
            .Should().Be(new Diagnostic("PR2008", DiagnosticSeverity.Warning, "unknown sector 'av-radio'.", "drafts/d.json", 8, 32).ToString())
            .And.Be("drafts/d.json(8,32): warning PR2008: unknown sector 'av-radio'.");
    }
}
