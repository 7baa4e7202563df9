using System.Text.RegularExpressions;
using PolicyRules.Checking;
using PolicyRules.Domain.Drafts;
using PolicyRules.Reporting;

namespace PolicyRules.Tests.Reporting;

public class HtmlReportWriterTests
{
    private static readonly PolicyChecker Checker = new();

    private const string Draft = """
        { "agreement": { "id": "x", "name": "X <Agreement> & Co", "parties": [ { "code": "CAN", "status": "developed" }, { "code": "PER", "status": "developing" } ] },
          "clauses": [
            { "id": "9.4", "text": "Neither Party shall adopt limitations on the number of <b>broadcasting</b> service suppliers in audiovisual services.", "kind": "market-access", "strength": "binding", "obligations": ["market-access"], "sectors": ["av-radio-tv"], "modes": [1] },
            { "id": "1.1", "text": "Days means calendar days." } ] }
        """;

    private static (string Html, PolicyRules.Checking.Report.CheckReport Report) Write()
    {
        var draft = new DraftReader().Read(Draft, "x.json");
        var report = Checker.CheckAll([draft]);
        return (HtmlReportWriter.ToHtml(report, new ReportOptions { Drafts = new Dictionary<string, Draft> { ["x.json"] = draft } }), report);
    }

    [Fact]
    public void Text_from_drafts_is_escaped_and_the_page_loads_nothing_from_elsewhere()
    {
        var (html, _) = Write();

        html.Should().Contain("X &lt;Agreement&gt; &amp; Co").And.Contain("&lt;b&gt;broadcasting&lt;/b&gt;").And.NotContain("<b>broadcasting");
        Regex.Matches(html, @"(?:src|href)=""(?!#)[^""]*""").Should().BeEmpty("styles and script are inline; every link is an anchor in the page");
        html.Should().Contain("<style>").And.Contain("<script>");
    }

    [Fact]
    public void The_heat_map_has_a_cell_per_principle_and_clause_with_a_finding_linked_to_the_clause()
    {
        var (html, report) = Write();
        var clause = report.Documents[0].Clauses.Single(c => c.Id == "9.4");

        var cells = Regex.Matches(html, @"<td class=""s-([a-z-]+)"" data-principle=""([a-z-]+)""[^>]*><a href=""#([^""]+)""");
        var pairs = cells.Select(m => (m.Groups[2].Value, m.Groups[3].Value)).ToArray();
        foreach (var conflict in clause.Conflicts)
        {
            pairs.Should().Contain((conflict.Principle, "d1-c1"), "clause 9.4 is the first clause, anchored d1-c1");
        }

        clause.Conflicts.Should().NotBeEmpty();
        html.Should().Contain("<article class=\"clause\" id=\"d1-c1\" data-clause=\"9.4\"");
        pairs.Should().NotContain(p => p.Item2 == "d1-c2", "the compliant clause 1.1 has nothing to map");
    }

    [Fact]
    public void The_same_report_gives_the_same_page()
    {
        var (first, _) = Write();
        var (second, _) = Write();

        first.Should().Be(second);
    }
}
