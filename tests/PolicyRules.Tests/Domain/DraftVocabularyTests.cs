using Newtonsoft.Json.Linq;
using NJsonSchema;
using PolicyRules.Checking;
using PolicyRules.Diagnostics;
using PolicyRules.Domain.Drafts;
using PolicyRules.Tests.Language;

namespace PolicyRules.Tests.Domain;

/// <summary>The vocabulary is a contract: values outside it are flagged where they stand, aliases are read as the taxonomy spells them.</summary>
public class DraftVocabularyTests
{
    private const string Typos = """
        {
          "agreement": { "id": "t", "parties": [ { "code": "CAN", "status": "developed" } ] },
          "clauses": [ {
            "id": "1", "text": "Each Party shall accord national treatment.",
            "sector": ["av-radio-tv"],
            "kind": "national treatment",
            "strength": "mandatory",
            "sectors": ["audiovisual", "av-radio"],
            "obligations": ["natonal-treatment"],
            "exceptions": [ { "type": "cultural-exemption", "obligations_covered": ["*"] } ]
          } ]
        }
        """;

    [Fact]
    public void Every_typo_gets_a_located_warning_naming_the_value_and_a_suggestion()
    {
        var clause = new DraftReader().Read(Typos, "typos.json").Clauses.Single();

        clause.Fact.Should().NotBeNull("warnings leave the clause checkable");
        var warnings = clause.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToArray();
        Describe(warnings).Should().BeEquivalentTo(
            "PR2009 (5,5) unknown field 'sector' of a clause (kept as the attribute 'sector'). Did you mean 'sectors'?",
            "PR2008 (8,32) unknown sector 'av-radio'. Did you mean 'av-radio-tv'?",
            "PR2008 (9,21) unknown obligation 'natonal-treatment'. Did you mean 'national-treatment'?",
            "PR2009 (10,53) unknown field 'obligations_covered' of an exception (ignored). Did you mean 'obligationsCovered'?");
    }

    [Fact]
    public void A_typo_far_from_every_value_but_near_an_alias_is_pointed_to_the_alias()
    {
        var clause = new DraftReader().Read(
            """{ "agreement": { "id": "t", "parties": [ { "code": "CAN" } ] }, "clauses": [ { "id": "1", "text": "t", "kind": "subsidy", "sectors": ["audiovisal"] } ] }""",
            "typo.json").Clauses.Single();

        clause.Fact!.Kind.Should().Be("subsidies", "the singular is read as the taxonomy's value");
        Describe(clause.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning)).Should().Equal(
            "PR2008 (1,135) unknown sector 'audiovisal'. Did you mean 'audiovisual'?");
    }

    [Fact]
    public void Aliases_are_read_as_the_taxonomy_spells_them_with_a_note()
    {
        var clause = new DraftReader().Read(Typos, "typos.json").Clauses.Single();
        var fact = clause.Fact!;

        fact.Kind.Should().Be("national-treatment");
        fact.Strength.Should().Be("binding");
        fact.Sectors.Should().Equal("av-film-production-distribution", "av-film-projection", "av-radio-tv", "av-transmission", "av-sound-recording", "av-other", "av-radio");
        fact.Exceptions.Single().Type.Should().Be("general-cultural-exemption");
        clause.Diagnostics.Where(d => d.Code == DraftDiagnosticCodes.AliasValue).Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Info)
            .And.Contain(d => d.Message.Contains("strength 'mandatory' read as 'binding'", StringComparison.Ordinal));
    }

    [Fact]
    public void Strict_reading_makes_them_errors_and_the_clause_unreadable()
    {
        var clause = new DraftReader { Strict = true }.Read(Typos, "typos.json").Clauses.Single();

        clause.Fact.Should().BeNull();
        clause.Diagnostics.Where(d => d.Code is DraftDiagnosticCodes.UnknownValue or DraftDiagnosticCodes.UnknownField)
            .Should().HaveCount(4).And.OnlyContain(d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Extra_fields_unlike_any_of_the_format_stay_attributes_without_a_word()
    {
        var draft = new DraftReader().Read("""{ "agreement": { "id": "a", "parties": [ { "code": "X" } ], "negotiationRound": "3" }, "clauses": [ { "id": "1", "text": "t", "reviewer": "ana" } ] }""");

        draft.Diagnostics.Concat(draft.Clauses.SelectMany(c => c.Diagnostics)).Should().BeEmpty();
        draft.Clauses.Single().Fact!.Attributes["reviewer"].Should().Be("ana");
    }

    [Fact]
    public void The_draft_schema_enums_are_the_vocabulary()
    {
        var schema = JObject.Parse(EmbeddedRulebook.Schema("draft"));
        var d = schema["definitions"]!;
        JToken Enum(JToken property) => property["enum"] ?? property["items"]!["enum"] ?? property["items"]!["anyOf"]![1]!["enum"]!;
        var listed = new Dictionary<string, JToken>
        {
            ["agreement.type"] = d["agreement"]!["properties"]!["type"]!,
            ["parties.status"] = d["agreement"]!["properties"]!["parties"]!["items"]!["properties"]!["status"]!,
            ["kind"] = d["clause"]!["properties"]!["kind"]!,
            ["strength"] = d["clause"]!["properties"]!["strength"]!,
            ["obligations"] = d["clause"]!["properties"]!["obligations"]!,
            ["sectors"] = d["clause"]!["properties"]!["sectors"]!,
            ["modes"] = d["clause"]!["properties"]!["modes"]!,
            ["measureTypes"] = d["clause"]!["properties"]!["measureTypes"]!,
            ["commitmentLevel"] = d["clause"]!["properties"]!["commitmentLevel"]!,
            ["conventionReference"] = d["clause"]!["properties"]!["conventionReference"]!,
            ["exceptions.type"] = d["exception"]!["properties"]!["type"]!,
            ["exceptions.sectors"] = d["exception"]!["properties"]!["sectors"]!,
            ["exceptions.obligationsCovered"] = d["exception"]!["properties"]!["obligationsCovered"]!,
        };

        listed.Keys.Should().BeEquivalentTo(DraftVocabulary.Default.Fields.Select(f => f.Name));
        foreach (var field in DraftVocabulary.Default.Fields)
        {
            Enum(listed[field.Name]).Select(v => (string)v!).Should().Equal(field.Values, field.Name);
        }
    }

    [Fact]
    public void The_rulebook_reads_only_sectors_and_kinds_the_vocabulary_knows()
    {
        var rulebook = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Rules, "unesco-2005.json")));
        var sets = (JObject)rulebook["sets"]!;
        var sectors = DraftVocabulary.Default.Field("sectors")!.Values;
        var kinds = DraftVocabulary.Default.Field("kind")!.Values;

        foreach (var set in sets.Properties().Where(p => p.Name.EndsWith("-sectors", StringComparison.Ordinal)))
        {
            set.Value.Select(v => (string)v!).Should().BeSubsetOf(sectors, set.Name);
        }

        foreach (var set in sets.Properties().Where(p => p.Name.EndsWith("-kinds", StringComparison.Ordinal)))
        {
            set.Value.Select(v => (string)v!).Should().BeSubsetOf(kinds, set.Name);
        }
    }

    public static TheoryData<string> TestFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Rules, "tests"), "*.json").Order(StringComparer.Ordinal).Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(TestFiles))]
    public async Task Rule_test_files_validate_against_the_tests_schema_and_their_drafts_speak_the_vocabulary(string file)
    {
        var path = Path.Combine(RepositoryFiles.Rules, "tests", file);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryFiles.Rules, "schema", "tests.schema.json"));
        var json = await File.ReadAllTextAsync(path);

        schema.Validate(json).Select(e => e.ToString()).Should().BeEmpty();
        var (cases, diagnostics) = PolicyRules.Checking.Verification.RuleTestRunner.Parse(json, path);
        diagnostics.Should().BeEmpty();
        cases.SelectMany(c => c.Draft.Clauses.SelectMany(k => k.Diagnostics).Concat(c.Draft.Diagnostics))
            .Where(d => d.Code is DraftDiagnosticCodes.UnknownValue or DraftDiagnosticCodes.UnknownField)
            .Select(d => d.ToString()).Should().BeEmpty();
    }

    private static IEnumerable<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Code} ({d.Line},{d.Column}) {d.Message.Split(" `policy-check", 2)[0]}");
}
