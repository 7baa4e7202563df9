using PolicyRules.Checking;
using PolicyRules.Checking.Report;
using PolicyRules.Checking.Rounds;
using PolicyRules.Domain.Drafts;
using PolicyRules.Reporting;
using PolicyRules.Tests.Language;

namespace PolicyRules.Tests.Checking.Rounds;

public class RoundComparerTests
{
    private static readonly PolicyChecker Checker = new();
    private static readonly string Drafts = Path.Combine(RepositoryFiles.Root, "src", "PolicyRules.Samples", "drafts");

    private static DocumentReport Check(string json, string path = "round.json") =>
        Checker.Check(new DraftReader().Read(json, path));

    private static string Draft(params string[] clauses) =>
        $$"""{ "agreement": { "id": "a", "name": "A", "parties": [ { "code": "CAN", "status": "developed" }, { "code": "PER", "status": "developing" } ] }, "clauses": [ {{string.Join(",", clauses)}} ] }""";

    private const string MarketAccess = """{ "id": "9.4", "kind": "market-access", "strength": "binding", "obligations": ["market-access"], "sectors": ["av-radio-tv"], "modes": [1], "text": "Neither Party shall adopt limitations on the number of broadcasting service suppliers." }""";
    private const string Exemption = """{ "id": "22.6", "title": "Cultural Industries", "text": "Nothing in this Agreement shall be construed to apply to measures adopted or maintained by either Party with respect to cultural industries." }""";
    private const string Definitions = """{ "id": "1.1", "text": "For the purposes of this Agreement, days means calendar days." }""";

    [Fact]
    public void An_exemption_added_in_the_next_round_shows_as_the_conflict_it_mitigates_and_the_clause_it_adds()
    {
        var diff = RoundComparer.Compare("r1", [Check(Draft(MarketAccess, Definitions))], "r2", [Check(Draft(MarketAccess, Definitions, Exemption))]);

        var document = diff.Documents.Should().ContainSingle().Subject;
        document.Clauses.Select(c => (c.Id, c.Change)).Should().Contain([("9.4", ClauseChange.Changed), ("22.6", ClauseChange.Added)])
            .And.NotContain(c => c.Id == "1.1", "an unchanged clause is left out");
        var changed = document.Clauses.Single(c => c.Id == "9.4");
        changed.VerdictBefore.Should().Be(Verdict.Conflict);
        changed.VerdictAfter.Should().Be(Verdict.Mitigated);
        changed.Conflicts.Should().ContainSingle(c => c.Rule.StartsWith("LIB-001", StringComparison.Ordinal)).Which.Should().BeEquivalentTo(new
        {
            Change = ConflictChange.Changed,
            Before = new { Status = ConflictStatus.Open, MitigatedBy = Array.Empty<string>() },
            After = new { Status = ConflictStatus.Mitigated, MitigatedBy = new[] { "22.6" } },
        });
        diff.Changed.Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void The_same_round_twice_has_no_change_and_the_reverse_diff_mirrors_the_forward_one()
    {
        var r1 = Check(Draft(MarketAccess, Definitions));
        var r2 = Check(Draft(Exemption, Definitions));

        RoundComparer.Compare("x", [r1], "x", [r1]).Documents.Single().Clauses.Should().BeEmpty();
        var forward = RoundComparer.Compare("r1", [r1], "r2", [r2]);
        var backward = RoundComparer.Compare("r2", [r2], "r1", [r1]);
        forward.Added.Should().Be(backward.Resolved);
        forward.Resolved.Should().Be(backward.Added);
        forward.Documents.Single().Clauses.Single(c => c.Id == "9.4").Change.Should().Be(ClauseChange.Removed);
        backward.Documents.Single().Clauses.Single(c => c.Id == "9.4").Change.Should().Be(ClauseChange.Added);
        forward.Resolved.Should().BeGreaterThan(0, "the market-access conflict is gone with its clause");
    }

    [Fact]
    public void Reports_of_many_documents_pair_them_by_agreement_and_name_the_ones_only_in_one_round()
    {
        var documents = Directory.GetFiles(Drafts, "*.json").Order(StringComparer.Ordinal).Select(f => Checker.Check(new DraftReader().ReadFile(f))).ToArray();

        var diff = RoundComparer.Compare("before", documents[..3], "after", documents[1..]);

        diff.Documents.Select(d => (d.Agreement, d.VerdictBefore is null, d.VerdictAfter is null)).Should().Equal(
            (documents[1].Agreement!.Id, false, false),
            (documents[2].Agreement!.Id, false, false),
            (documents[3].Agreement!.Id, true, false),
            (documents[4].Agreement!.Id, true, false),
            (documents[0].Agreement!.Id, false, true));
        diff.Documents[0].Clauses.Should().BeEmpty();
        diff.Documents[4].Clauses.Should().OnlyContain(c => c.Change == ClauseChange.Removed);
    }

    [Fact]
    public void The_conflicts_of_a_document_the_later_round_lacks_are_not_compared_rather_than_resolved()
    {
        var documents = Directory.GetFiles(Drafts, "*.json").Order(StringComparer.Ordinal).Select(f => Checker.Check(new DraftReader().ReadFile(f))).ToArray();
        var conflictsOfFirst = documents[0].Findings.Count(f => f.Kind == "conflict") + documents[0].Clauses.Sum(c => c.Conflicts.Count);

        var diff = RoundComparer.Compare("before", documents, "after", documents[1..]);

        conflictsOfFirst.Should().BeGreaterThan(0);
        diff.Resolved.Should().Be(0, "nothing says the dropped document's conflicts were resolved");
        diff.NotCompared.Should().Be(conflictsOfFirst);
        diff.Documents.Single(d => d.VerdictAfter is null).Clauses.SelectMany(c => c.Conflicts).Should().OnlyContain(k => k.Change == ConflictChange.NotCompared);
        RoundDiffWriter.ToText(diff).Should().EndWith($"0 conflicts added, 0 resolved, 0 changed; {conflictsOfFirst} not compared, in documents only in the earlier round.\n");
    }

    [Fact]
    public void Documents_of_one_round_that_share_an_agreement_are_paired_by_path_and_none_is_dropped()
    {
        var a = Check(Draft(MarketAccess, Definitions), "briefs/a.json");
        var b = Check(Draft(Exemption, Definitions), "briefs/b.json");

        var same = RoundComparer.Compare("x", [a, b], "x", [a, b]);
        var swapped = RoundComparer.Compare("r1", [a, b], "r2", [a, Check(Draft(MarketAccess, Definitions), "briefs/b.json")]);

        same.Documents.Select(d => d.Agreement).Should().Equal("a (briefs/a.json)", "a (briefs/b.json)");
        same.Documents.Should().OnlyContain(d => d.Clauses.Count == 0, "a report compared with itself has no change");
        swapped.Documents.Single(d => d.Agreement == "a (briefs/b.json)").Clauses.Should().Contain(c => c.Id == "9.4" && c.Change == ClauseChange.Added);
        swapped.Documents.Single(d => d.Agreement == "a (briefs/a.json)").Clauses.Should().BeEmpty();
    }

    [Fact]
    public void Two_drafts_of_different_agreements_are_compared_as_rounds_of_one_with_a_note()
    {
        var other = Checker.Check(new DraftReader().Read(Draft(MarketAccess).Replace("\"id\": \"a\", \"name\": \"A\"", "\"id\": \"b\", \"name\": \"B\"", StringComparison.Ordinal), "b.json"));
        var renamed = Checker.Check(new DraftReader().Read(Draft(MarketAccess).Replace("\"id\": \"a\"", "\"id\": \"a2\"", StringComparison.Ordinal), "a2.json"));

        var diff = RoundComparer.Compare("a.json", [Check(Draft(MarketAccess))], "b.json", [other]);

        diff.Documents.Should().ContainSingle();
        diff.Notes.Should().Equal("a.json and b.json name different agreements (a, b); they are compared as two rounds of one draft.");
        RoundComparer.Compare("r1", [Check(Draft(MarketAccess))], "r2", [renamed]).Notes.Should().BeEmpty("a round may take a new id, as a text takes its file's name; the agreement's name is the same");
    }

    [Fact]
    public void A_json_report_reads_back_to_the_same_report()
    {
        var report = Checker.CheckAll(Directory.GetFiles(Drafts, "*.json").Order(StringComparer.Ordinal).Select(f => new DraftReader().ReadFile(f)));
        var json = JsonReportWriter.ToJson(report);

        JsonReportWriter.ToJson(JsonReportReader.Read(json)).Should().Be(json);
        JsonReportReader.IsReport(File.ReadAllText(Path.Combine(Drafts, "cpfta-ecommerce.json"))).Should().BeFalse("a draft is not a report");
        FluentActions.Invoking(() => JsonReportReader.Read("{}")).Should().Throw<FormatException>().WithMessage("*--format json*");
    }

    [Fact]
    public void A_report_that_cannot_be_read_says_why_in_one_sentence()
    {
        const string damaged = "{\"tool\": {\"name\": \"policy-check\"}, \"documents\": [{\"clauses\": \"none\"}]}";

        var thrown = FluentActions.Invoking(() => JsonReportReader.Read(damaged)).Should().Throw<FormatException>().Which;

        thrown.Message.Should().StartWith("the report cannot be read: ").And.NotContain("Path '", "the JSON path is Newtonsoft's, not the reader's");
    }
}
