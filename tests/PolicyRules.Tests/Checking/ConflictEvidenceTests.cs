using PolicyRules.Checking;
using PolicyRules.Domain.Drafts;

namespace PolicyRules.Tests.Checking;

/// <summary>A conflict shows what raised it: in a text-only clause, the words; never a field the draft left empty.</summary>
public class ConflictEvidenceTests
{
    private static readonly PolicyChecker Checker = new();

    private const string Draft = """
        { "agreement": { "id": "x", "parties": [ { "code": "CAN", "status": "developed" }, { "code": "PER", "status": "developing" } ] },
          "clauses": [
            { "id": "15.3", "title": "Customs Duties", "text": "Neither Party may apply customs duties, fees, or charges on or in connection with the importation or exportation of digital products by electronic means." },
            { "id": "10.4", "kind": "market-access", "strength": "binding", "obligations": ["market-access"], "sectors": ["av-radio-tv"], "modes": [1], "text": "Neither Party shall adopt limitations on the number of service suppliers." } ] }
        """;

    [Fact]
    public void A_conflict_in_a_text_only_clause_points_to_the_words_that_raised_it()
    {
        var report = Checker.Check(new DraftReader().Read(Draft, "x.json"));
        var text = new DraftReader().Read(Draft).Clauses[0].Fact!.Text;

        var conflict = report.Clauses.Single(c => c.Id == "15.3").Conflicts.Should().ContainSingle(c => c.Rule == "DUTY-001").Subject;

        conflict.Evidence.Should().NotBeEmpty().And.OnlyContain(e => e.Value.Length > 0, "a field the draft leaves empty is no evidence");
        var span = conflict.Evidence.Should().Contain(e => e.Field == "text" && e.Span != null).Subject;
        text[span.Span![0]..span.Span[1]].Should().Be(span.Value);
        conflict.Evidence.Should().NotContain(e => e.Field == "text" && e.Span == null, "the words that raised it say more than the whole text quoted");
    }

    [Fact]
    public void Evidence_leaves_out_what_another_item_shows_and_keeps_the_order()
    {
        PolicyRules.Domain.Evidence Span(int start, int end) => new("text", new string('x', end - start), start, end);
        var whole = new PolicyRules.Domain.Evidence("text", "the whole article");
        var kind = new PolicyRules.Domain.Evidence("kind", "market-access");

        var essential = PolicyRules.Domain.EvidenceList.Essential([kind, whole, Span(10, 40), Span(20, 30), Span(35, 50), Span(10, 40)]);

        essential.Should().Equal(kind, Span(10, 40), Span(35, 50));
        PolicyRules.Domain.EvidenceList.Essential([kind, whole]).Should().Equal(kind, whole);
    }

    [Fact]
    public void A_structured_clause_keeps_the_fields_its_rule_names()
    {
        var report = Checker.Check(new DraftReader().Read(Draft, "x.json"));

        var conflict = report.Clauses.Single(c => c.Id == "10.4").Conflicts.Should().ContainSingle(c => c.Rule == "LIB-001").Subject;

        conflict.Evidence.Select(e => (e.Field, e.Value)).Should().StartWith([("kind", "market-access"), ("sectors", "av-radio-tv")]);
        conflict.Evidence.Select(e => $"{e.Field}|{e.Value}|{e.Span?.FirstOrDefault()}").Should().OnlyHaveUniqueItems();
    }
}
