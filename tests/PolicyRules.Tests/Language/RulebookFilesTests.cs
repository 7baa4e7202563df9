using NJsonSchema;
using PolicyRules.Checking;
using PolicyRules.Domain;
using PolicyRules.Language;

namespace PolicyRules.Tests.Language;

/// <summary>The rule files that ship: valid against their schema, loaded by the library at run time, and doing what they say.</summary>
public class RulebookFilesTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(EmbeddedRulebook.RulebookSchema()).GetAwaiter().GetResult());

    public static TheoryData<string> RuleFiles() =>
        [.. RulebookSource.FromPath(RepositoryFiles.Rules).Select(s => Path.GetRelativePath(RepositoryFiles.Root, s.Path!))];

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Every_rule_file_validates_against_the_schema_and_references_it(string file)
    {
        var json = File.ReadAllText(Path.Combine(RepositoryFiles.Root, file));

        Schema.Value.Validate(json).Select(e => e.ToString()).Should().BeEmpty();
        Newtonsoft.Json.Linq.JObject.Parse(json)["$schema"]!.ToString().Should().Be("./schema/rulebook.schema.json");
    }

    [Theory]
    [InlineData(""" "severity": "severe" """, """ { "kind": "mfn" } """, """ { "conflict": { "on": "$c", "message": "m" } } """)]
    [InlineData(""" "severity": "high" """, """ { "kind": { "equals": "mfn" } } """, """ { "conflict": { "on": "$c", "message": "m" } } """)]
    [InlineData(""" "severity": "high" """, """ { "kind": "mfn" } """, """ { "conflcit": { "on": "$c" } } """)]
    [InlineData(""" "severity": "high" """, """ { "kind": "mfn" } """, """ { "conflict": { "on": "c", "message": "m" } } """)]
    public void The_schema_rejects_what_the_loader_rejects(string severity, string where, string action)
    {
        string Rulebook(string s, string w, string a) =>
            $$"""{ "rulebook": "x", "version": "1", "rules": [ { "id": "R", {{s}}, "when": [ { "match": "Clause", "as": "c", "where": {{w}} } ], "then": [ {{a}} ] } ] }""";
        const string good = """ { "conflict": { "on": "$c", "message": "m" } } """;

        Schema.Value.Validate(Rulebook(""" "severity": "high" """, """ { "kind": "mfn" } """, good)).Should().BeEmpty();
        Schema.Value.Validate(Rulebook(severity, where, action)).Should().NotBeEmpty();
    }

    [Fact]
    public void The_embedded_rulebook_is_the_rules_folder_and_loads_without_diagnostics()
    {
        var embedded = new RulebookLoader(ConventionCatalog.Create()).Load(EmbeddedRulebook.Sources());
        var folder = new RulebookLoader(ConventionCatalog.Create()).Load(RulebookSource.FromPath(RepositoryFiles.Rules));

        embedded.Diagnostics.Should().BeEmpty();
        embedded.Rules.Should().NotBeEmpty();
        embedded.Rulebooks.Select(b => b.Sha256).Should().Equal(folder.Rulebooks.Select(b => b.Sha256));
        embedded.Rulebooks.Select(b => b.Path).Should().OnlyContain(p => p!.StartsWith("rules/"));
    }

    [Fact]
    public void Liberalising_a_cultural_sector_conflicts_and_an_exemption_in_the_agreement_answers_it()
    {
        var network = new RulebookLoader(ConventionCatalog.Create()).Load(EmbeddedRulebook.Sources()).Compile();
        Clause MarketAccess(string agreement) => new() { Id = "8.4", AgreementId = agreement, Kind = "market-access", Sectors = ["av-radio-tv", "telecom"], Text = "…" };

        var open = network.CreateSession();
        open.InsertAll([MarketAccess("a")]);
        open.Fire();

        var exempt = network.CreateSession();
        exempt.InsertAll([MarketAccess("b"), new Clause { Id = "22.6", AgreementId = "b", Kind = "cultural-exemption", Strength = "binding", Text = "…" }]);
        exempt.Fire();

        var conflict = open.Query<Conflict>().Should().ContainSingle().Subject;
        conflict.Principle.Should().Be("no-culture-liberalisation");
        conflict.Message.Should().Contain("8.4").And.Contain("av-radio-tv, telecom");
        open.Query<Mitigation>().Should().BeEmpty();
        var answered = exempt.Query<Mitigation>().Should().ContainSingle().Subject;
        answered.Conflict.Principle.Should().Be("no-culture-liberalisation");
        answered.By.Should().BeOfType<Clause>().Which.Id.Should().Be("22.6");
        answered.Extent.Should().Be("full");
        exempt.Query<Support>().Select(s => s.Principle).Should().BeEquivalentTo("cultural-exemption-present", "policy-space-sovereignty");
    }
}
