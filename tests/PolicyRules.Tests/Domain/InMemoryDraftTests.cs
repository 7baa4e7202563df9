using Newtonsoft.Json;
using PolicyRules.Checking;
using PolicyRules.Diagnostics;
using PolicyRules.Domain;
using PolicyRules.Domain.Drafts;
using PolicyRules.Tests.Language;

namespace PolicyRules.Tests.Domain;

/// <summary>A draft a tool builds from objects is read, checked and judged as the same draft written as a file.</summary>
public class InMemoryDraftTests
{
    private static readonly Lazy<PolicyChecker> Checker = new(() => new PolicyChecker());

    public static TheoryData<string> SampleDrafts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "src", "PolicyRules.Samples", "drafts"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleDrafts))]
    public void A_sample_draft_rebuilt_from_its_objects_gives_the_same_facts_and_verdicts(string name)
    {
        var file = new DraftReader().ReadFile(Path.Combine(RepositoryFiles.Root, "src", "PolicyRules.Samples", "drafts", name));
        file.Clauses.Should().NotContain(c => c.IsBroken, "the sample drafts are well formed");

        var rebuilt = new DraftReader().Read(file.Agreement!, file.Clauses.Select(c => c.Fact!), name);

        rebuilt.Diagnostics.Should().BeEmpty();
        rebuilt.Perspective.Should().Be(file.Perspective);
        Json(rebuilt.Facts()).Should().Be(Json(file.Facts()));
        Verdicts(Checker.Value.Check(rebuilt)).Should().Equal(Verdicts(Checker.Value.Check(file)));
    }

    [Fact]
    public void A_clause_given_only_its_text_is_read_from_its_text()
    {
        var draft = new DraftReader().Read(Agreement(), [new Clause { Id = "14.3", Text = "No Party shall impose customs duties on electronic transmissions, including content transmitted electronically." }]);

        var clause = Checker.Value.Check(draft).Clauses.Single();
        clause.Verdict.Should().Be("conflict");
        clause.Conflicts.Should().ContainSingle().Which.Principle.Should().Be("no-permanent-etransmission-duty-ban");
    }

    [Fact]
    public void Vocabulary_aliases_are_read_as_in_a_file_and_an_unknown_value_is_named()
    {
        var draft = new DraftReader().Read(Agreement(), [new Clause { Id = "8.4", Text = "Each Party shall accord …", Kind = "national treatment", Sectors = ["audiovisual", "musc"] }]);

        var clause = draft.Clauses.Should().ContainSingle().Subject;
        clause.Fact!.Kind.Should().Be("national-treatment");
        clause.Diagnostics.Should().ContainSingle(d => d.Code == DraftDiagnosticCodes.UnknownValue)
            .Which.Message.Should().Contain("'musc'");
    }

    [Fact]
    public void A_repeated_clause_id_makes_the_second_clause_unreadable()
    {
        var draft = new DraftReader().Read(Agreement(), [new Clause { Id = "1.1", Text = "First." }, new Clause { Id = "1.1", Text = "Second." }]);

        draft.Clauses.Select(c => c.IsBroken).Should().Equal(false, true);
        draft.Clauses[1].Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DraftDiagnosticCodes.DuplicateClauseId);
    }

    [Fact]
    public void A_clause_without_text_or_a_null_clause_is_an_error_and_the_others_are_kept()
    {
        var draft = new DraftReader().Read(Agreement(), [new Clause { Id = "1.1", Text = null! }, null!, new Clause { Id = "1.3", Text = "Third." }]);

        draft.Clauses.Select(c => c.Id).Should().Equal("1.1", "#2", "1.3");
        draft.Clauses.Select(c => c.IsBroken).Should().Equal(true, true, false);
        draft.Clauses[0].Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == DraftDiagnosticCodes.MissingField && d.Message.Contains("'text'"));
    }

    [Fact]
    public void The_perspective_must_be_a_party()
    {
        var draft = new DraftReader().Read(new Agreement { Id = "demo", Parties = [new Party { Code = "CAN" }], Perspective = "KOR" }, [new Clause { Id = "1", Text = "…" }]);

        draft.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DraftDiagnosticCodes.UnknownPerspective);
    }

    [Fact]
    public void Clauses_belong_to_the_agreement_they_are_read_with()
    {
        var draft = new DraftReader().Read(Agreement(), [new Clause { Id = "22.6", AgreementId = "elsewhere", Text = "…", Exceptions = [new ExceptionScope { Type = "general-cultural-exemption" }] }]);

        var clause = draft.Clauses.Single().Fact!;
        clause.AgreementId.Should().Be("demo");
        clause.Exceptions.Single().Should().Match<ExceptionScope>(e => e.AgreementId == "demo" && e.ClauseId == "22.6" && e.Ref == "22.6");
    }

    private static Agreement Agreement() => new() { Id = "demo", Parties = [new Party { Code = "CAN", Status = "developed" }, new Party { Code = "KOR", Status = "developed" }] };

    private static string Json(IEnumerable<object> facts) => JsonConvert.SerializeObject(facts.ToArray(), Formatting.Indented);

    private static IEnumerable<string> Verdicts(PolicyRules.Checking.Report.DocumentReport report) =>
        report.Clauses.Select(c => $"{c.Id}: {c.Verdict} [{string.Join(", ", c.Conflicts.Select(k => $"{k.Rule}/{k.Principle}/{k.Status}: {k.Message}"))}] [{string.Join(", ", c.Supports.Select(s => s.Principle))}]")
            .Prepend($"agreement: {report.Verdict} [{string.Join(", ", report.Findings.Select(f => $"{f.Rule}/{f.Principle}"))}]");
}
