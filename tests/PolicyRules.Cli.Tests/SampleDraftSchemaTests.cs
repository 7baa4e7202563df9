using NJsonSchema;
using PolicyRules.Checking;

namespace PolicyRules.Cli.Tests;

/// <summary>The sample drafts validate against the draft schema, and the schema rejects what the reader rejects.</summary>
public class SampleDraftSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(EmbeddedRulebook.Schema("draft")).GetAwaiter().GetResult());

    private static string Drafts => Path.Combine(CliRunner.RepositoryRoot, "src", "PolicyRules.Samples", "drafts");

    public static TheoryData<string> SampleDrafts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Drafts, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleDrafts))]
    public void Sample_drafts_validate_against_the_draft_schema(string file)
    {
        Schema.Value.Validate(File.ReadAllText(Path.Combine(Drafts, file))).Select(e => e.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void The_test_drafts_validate_and_the_broken_clause_does_not()
    {
        Schema.Value.Validate(File.ReadAllText(Path.Combine(CliRunner.TestData, "drafts", "liberalising.json"))).Should().BeEmpty();
        Schema.Value.Validate(File.ReadAllText(Path.Combine(CliRunner.TestData, "broken", "one-broken-clause.json"))).Should().NotBeEmpty();
        EmbeddedRulebook.SchemaNames().Should().Contain("draft");
    }
}
