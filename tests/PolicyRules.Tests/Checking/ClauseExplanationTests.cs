using PolicyRules.Checking;
using PolicyRules.Domain.Drafts;

namespace PolicyRules.Tests.Checking;

/// <summary>Why a clause got its verdict: what was read, what was concluded, and what stopped the other rules.</summary>
public class ClauseExplanationTests
{
    private static readonly Lazy<PolicyChecker> Checker = new(() => new PolicyChecker());

    private const string DutyBan = """
        {
          "agreement": { "id": "x", "parties": [ { "code": "AUS", "status": "developed" }, { "code": "SGP", "status": "developed" } ] },
          "clauses": [
            { "id": "14.3", "text": "No Party shall impose customs duties on electronic transmissions.", "kind": "customs-duties-electronic",
              "strength": "binding", "obligations": ["customs-duty-prohibition"], "temporal": { "expiry": "2026-03-31" } },
            { "id": "9.2", "text": "Each Party shall accord national treatment.", "kind": "national-treatment", "strength": "binding",
              "obligations": ["national-treatment"], "sectors": ["av-radio-tv"] },
            { "id": "22.6", "text": "This Agreement does not apply to measures with respect to cultural industries.", "kind": "cultural-exemption", "strength": "binding" }
          ]
        }
        """;

    private const string ResearchMining = """
        { "agreement": { "id": "eu", "parties": [ { "code": "EU", "status": "developed" } ] },
          "clauses": [ { "id": "3", "text": "Member States shall provide for an exception for reproductions and extractions made by research organisations in order to carry out, for the purposes of scientific research, text and data mining of works to which they have lawful access.",
                         "kind": "ip-exception", "strength": "binding", "obligations": ["ip-limitation"], "measureTypes": ["copyright-exception", "ai-training-rule"] } ] }
        """;

    [Fact]
    public void A_rule_stopped_by_what_the_draft_holds_is_named_with_what_stopped_it()
    {
        var why = Checker.Value.Explain(new DraftReader().Read(ResearchMining, "dsm.json"), "3");

        why.Clause.Verdict.Should().Be("compliant");
        why.Readings.Should().Contain(r => r.Text == "kind = ip-exception on clause 3");
        var blocked = why.Blocked.Should().Contain(b => b.Rule == "AI-001").Subject;
        blocked.Principle.Should().Be("creators-rights-ai");
        blocked.Condition.Should().Contain("no Tag").And.Contain("research-only");
        blocked.By.Should().ContainSingle().Which.Should().Be(new PolicyRules.Checking.Explaining.ExplainedFact("CLS-X07", "limit = research-only on clause 3"));
    }

    [Fact]
    public void Every_answer_to_a_conflict_is_shown_the_time_limit_in_part_and_the_exemption_in_full()
    {
        var why = Checker.Value.Explain(new DraftReader().Read(DutyBan, "x.json"), "14.3");

        var conflict = why.Clause.Conflicts.Should().ContainSingle(c => c.Rule == "DUTY-001").Subject;
        conflict.Status.Should().Be("mitigated");
        conflict.Mitigations.Select(m => (m.Rule, m.By, m.Extent)).Should().BeEquivalentTo([("MIT-EXEMPT", "22.6", "full"), ("MIT-TIME", "14.3", "partial")]);
    }

    [Fact]
    public void A_mitigated_conflict_is_shown_with_what_answers_it()
    {
        var why = Checker.Value.Explain(new DraftReader().Read(DutyBan, "x.json"), "9.2");

        why.Clause.Verdict.Should().Be("mitigated");
        var conflict = why.Clause.Conflicts.Should().ContainSingle().Subject;
        conflict.Rule.Should().Be("LIB-001");
        conflict.Mitigations.Should().ContainSingle(m => m.By == "22.6" && m.Rule == "MIT-EXEMPT");
        why.Readings.Should().Contain(r => r.Rule == "CLS-C01" && r.Text == "exempted-by = 22.6 on clause 9.2");
    }

    [Fact]
    public void An_unknown_clause_is_an_error_naming_the_clauses()
    {
        var explain = () => Checker.Value.Explain(new DraftReader().Read(DutyBan, "x.json"), "99");

        explain.Should().Throw<ArgumentException>().WithMessage("*no readable clause '99'*14.3, 9.2, 22.6*");
    }
}
