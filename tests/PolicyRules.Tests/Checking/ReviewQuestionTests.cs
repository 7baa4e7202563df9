using PolicyRules.Checking;
using PolicyRules.Domain.Drafts;
using PolicyRules.Reporting;

namespace PolicyRules.Tests.Checking;

/// <summary>
/// A needs-review names its question: the rule that asks, the principle in question, what the answer
/// turns on, and the annexes or schedules the clause cites that the draft does not hold.
/// </summary>
public class ReviewQuestionTests
{
    private static readonly PolicyChecker Checker = new();

    private const string Draft = """
        { "agreement": { "id": "x", "parties": [ { "code": "JPN", "status": "developed" }, { "code": "MYS", "status": "developing" } ] },
          "clauses": [
            { "id": "62", "chapter": "Trade In Services", "title": "Schedule Of Specific Commitments",
              "text": "1. With respect to sectors or sub-sectors where specific commitments are undertaken by each Party, its Schedule of Specific Commitments in Annex 6 shall specify: (a) terms, limitations and conditions on market access; (b) conditions and qualifications on national treatment; (c) undertakings relating to additional commitments; and (d) where appropriate, the time-frame for implementation of such commitments." },
            { "id": "63", "chapter": "Trade In Services", "title": "Joint Committee",
              "text": "The Joint Committee shall meet once a year to review the implementation of this Chapter." } ] }
        """;

    [Fact]
    public void A_needs_review_names_the_rule_its_question_and_the_schedule_the_answer_lies_in()
    {
        var report = Checker.Check(new DraftReader().Read(Draft, "x.json"));

        var clause = report.Clauses.Single(c => c.Id == "62");
        clause.Verdict.Should().Be("needs-review");
        var review = clause.Reviews.Should().ContainSingle().Subject;
        review.Rule.Should().Be("LIB-REVS");
        review.Principles.Should().Equal("no-culture-liberalisation");
        review.Question.Should().StartWith("A schedule of specific commitments").And.EndWith(".").And.NotContain("Text-only");
        review.DependsOn.Should().Equal("Annex 6");
        clause.Candidates.Should().Equal(review.Principles);
    }

    [Fact]
    public void A_conflict_whose_answer_sits_in_lists_the_draft_lacks_asks_the_mitigating_rule_s_question()
    {
        const string procurement = """
            { "agreement": { "id": "x", "parties": [ { "code": "USA", "status": "developed" }, { "code": "OMN", "status": "developing" } ] },
              "clauses": [ { "id": "9.2", "chapter": "Government Procurement", "title": "National Treatment and Non-Discrimination",
                "text": "1. With respect to any measure regarding covered procurement, each Party shall accord to the goods and services of the other Party and to the suppliers of the other Party of such goods and services, treatment no less favorable than the most favorable treatment the Party accords to its own goods, services, and suppliers." } ] }
            """;

        var clause = Checker.Check(new DraftReader().Read(procurement, "x.json")).Clauses.Single();

        clause.Verdict.Should().Be("needs-review");
        var review = clause.Reviews.Should().ContainSingle().Subject;
        review.Rule.Should().Be("MIT-PROC-LISTS");
        review.Principles.Should().Equal("public-service-media-and-institutions");
        review.Question.Should().StartWith("Procurement coverage set in lists of covered entities");
    }

    [Fact]
    public void A_clause_with_nothing_to_review_has_no_reviews()
    {
        var report = Checker.Check(new DraftReader().Read(Draft, "x.json"));

        report.Clauses.Single(c => c.Id == "63").Reviews.Should().BeNull();
    }

    [Fact]
    public void Every_report_format_carries_the_question()
    {
        var report = Checker.CheckAll([new DraftReader().Read(Draft, "x.json")]);

        var json = Newtonsoft.Json.Linq.JObject.Parse(JsonReportWriter.ToJson(report));
        var review = json["documents"]![0]!["clauses"]![0]!["reviews"]![0]!;
        ((string)review["rule"]!).Should().Be("LIB-REVS");
        review["dependsOn"]!.Select(v => (string)v!).Should().Equal("Annex 6");
        json["documents"]![0]!["clauses"]![1]!["reviews"].Should().BeNull("a clause with nothing to review writes no member");

        var text = new StringWriter();
        TextReportWriter.Write(report, text, new ReportOptions());
        text.ToString().Should().Contain("? no-culture-liberalisation (LIB-REVS): A schedule of specific commitments").And.Contain("The clause cites Annex 6, which the draft does not hold.");

        var markdown = new StringWriter();
        MarkdownReportWriter.Write(report, markdown, new ReportOptions());
        markdown.ToString().Should().Contain("  - no-culture-liberalisation (LIB-REVS): A schedule of specific commitments");

        var html = new StringWriter();
        HtmlReportWriter.Write(report, html, new ReportOptions());
        html.ToString().Should().Contain("no-culture-liberalisation (LIB-REVS): A schedule of specific commitments").And.Contain("The clause cites Annex 6");

        var sarif = SarifReportWriter.ToSarif(report)["runs"]![0]!["results"]!.Single(r => (string)r["ruleId"]! == "LIB-REVS");
        ((string)sarif["kind"]!, (string)sarif["level"]!).Should().Be(("review", "none"), "a question is not a failure");
        ((string)sarif["message"]!["text"]!).Should().Contain("The clause cites Annex 6");
        sarif["locations"]![0]!["logicalLocations"]!.ToString().Should().Contain("62");

        var junit = JUnitReportWriter.ToXml(report).Root!;
        var skipped = junit.Descendants("testcase").Single(c => (string)c.Attribute("name")! == "62").Element("skipped");
        skipped.Should().NotBeNull("a clause that needs review neither passes nor fails");
        ((string)skipped!.Attribute("message")!).Should().StartWith("needs review: no-culture-liberalisation (LIB-REVS)");
        ((string)junit.Attribute("skipped")!).Should().Be("1");
        junit.Descendants("testcase").Single(c => (string)c.Attribute("name")! == "63").Element("skipped").Should().BeNull();
    }

    [Theory]
    [InlineData("Text-only: a ban on offsets whose reach sits in coverage lists", "A ban on offsets whose reach sits in coverage lists.")]
    [InlineData("Structured: standstill machinery", "Standstill machinery.")]
    [InlineData("Is the annex in force?", "Is the annex in force?")]
    public void A_rule_title_becomes_a_sentence(string title, string question) =>
        ReviewQuestions.Sentence(title).Should().Be(question);
}
