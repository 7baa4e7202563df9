using PolicyRules.Checking;
using PolicyRules.Checking.Report;
using PolicyRules.Domain.Drafts;
using PolicyRules.Engine;
using PolicyRules.Engine.Builder;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Tests.Checking;

/// <summary>A draft the engine fails on is reported as an error naming the rule and the clause; nothing of it is lost.</summary>
public class EngineFaultTests
{
    private const string Json = """
        {
          "agreement": { "id": "a", "parties": [ { "code": "CAN" } ] },
          "clauses": [
            { "id": "1", "text": "first" },
            { "id": "2", "text": "second" }
          ]
        }
        """;

    [Fact]
    public void A_failing_action_gives_the_document_and_its_clauses_the_error_verdict_with_a_located_diagnostic()
    {
        var draft = new DraftReader().Read(Json, "a.json");
        var network = RuleNetwork.Compile([new RuleBuilder("BAD").Match<PolicyRules.Domain.Clause>("c", c => c.Id == "2").Do((_, _) => throw new FormatException("bad template")).Build()]);
        using var session = network.CreateSession();
        session.InsertAll(draft.Facts());
        var fault = session.Invoking(s => s.Fire()).Should().Throw<RuleActionException>().Which;

        var report = DocumentReportBuilder.Faulted(draft, "a.json", fault);

        report.Verdict.Should().Be(Verdict.Error);
        report.Clauses.Select(c => (c.Id, c.Verdict)).Should().Equal(("1", Verdict.Error), ("2", Verdict.Error));
        var diagnostic = report.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(CheckDiagnosticCodes.EngineFault);
        diagnostic.Message.Should().Contain("in rule BAD on clause 2: bad template");
        diagnostic.Line.Should().Be(5);
        report.Clauses.Single(c => c.Id == "2").Diagnostics.Should().ContainSingle(d => d.Code == CheckDiagnosticCodes.EngineFault);
    }
}
