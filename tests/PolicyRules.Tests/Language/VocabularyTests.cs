using PolicyRules.Diagnostics;
using PolicyRules.Language;
using PolicyRules.Language.Catalog;
using static PolicyRules.Tests.Language.LanguageFixture;

namespace PolicyRules.Tests.Language;

/// <summary>
/// A member with a vocabulary: a rule that compares it with a value the facts never hold (an alias
/// their reader rewrites, another spelling) is refused, and one outside the vocabulary is warned of.
/// </summary>
public class VocabularyTests
{
    private static RulebookSet Load(string where, string sets = """{ "warm": ["red", "orange"] }""")
    {
        var catalog = Catalog().Vocabulary<Item>("colour", ["red", "orange", "blue"], new Dictionary<string, IReadOnlyList<string>> { ["crimson"] = ["red"], ["warm"] = ["red", "orange"] });
        var json = $$"""
            {
              "rulebook": "test", "version": "1.0.0", "sets": {{sets}},
              "rules": [ { "id": "R1", "when": [ { "match": "Item", "as": "x", "where": {{where}} } ], "then": [ { "tag": { "on": "$x", "name": "hit" } } ] } ]
            }
            """;
        return new RulebookLoader(catalog).Load(json, "test.json");
    }

    [Theory]
    [InlineData("""{ "colour": "crimson" }""", "The facts never hold 'crimson': their reader turns it into 'red', so compare 'colour' with that value.")]
    [InlineData("""{ "colour": "Red" }""", "The facts never hold 'Red': their reader turns it into 'red'")]
    [InlineData("""{ "colour": { "in": ["blue", "warm"] } }""", "their reader turns it into 'red', 'orange', so compare 'colour' with those values")]
    [InlineData("""{ "colour": { "ne": "crimson" } }""", "The facts never hold 'crimson'")]
    public void A_value_the_reader_rewrites_is_an_error(string where, string expected)
    {
        var set = Load(where);

        set.HasErrors.Should().BeTrue();
        set.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == RuleDiagnosticCodes.InvalidValue && d.Message.Contains(expected));
    }

    [Fact]
    public void A_value_outside_the_vocabulary_is_a_warning_with_the_closest_value()
    {
        var set = Load("""{ "colour": "bleu" }""");

        set.HasErrors.Should().BeFalse("a draft may hold a value of its own, as written");
        set.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == DiagnosticSeverity.Warning && d.Message.StartsWith("'bleu' is not a value of 'colour'", StringComparison.Ordinal) && d.Message.Contains("Did you mean 'blue'?"));
    }

    [Fact]
    public void A_set_is_curated_so_only_a_rewritten_value_in_it_is_reported()
    {
        Load("""{ "colour": "@own" }""", """{ "own": ["red", "teal"] }""").Diagnostics.Should().BeEmpty();
        Load("""{ "colour": "@own" }""", """{ "own": ["red", "crimson"] }""").HasErrors.Should().BeTrue();
    }

    [Theory]
    [InlineData("""{ "colour": { "startsWith": "re" } }""")]
    [InlineData("""{ "colour": { "endsWith": "ue" } }""")]
    [InlineData("""{ "colour": { "matches": "^(re|bl)" } }""")]
    [InlineData("""{ "colour": { "contains": "lu" } }""")]
    public void Parts_of_values_are_not_values(string where)
    {
        Load(where).Diagnostics.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{ "sectors": { "contains": "audiovisual" } }""", "'av-film-production-distribution'")]
    [InlineData("""{ "exceptions": { "some": { "type": "cultural-exemption" } } }""", "'general-cultural-exemption'")]
    [InlineData("""{ "strength": "Binding" }""", "'binding'")]
    public void The_convention_catalog_knows_the_draft_vocabulary(string where, string meant)
    {
        var json = $$"""
            { "rulebook": "mine", "version": "1", "rules": [ { "id": "M1", "principle": "public-funding",
              "when": [ { "match": "Clause", "as": "c", "where": {{where}} } ], "then": [ { "tag": { "on": "$c", "name": "hit" } } ] } ] }
            """;

        var set = new RulebookLoader(PolicyRules.Checking.ConventionCatalog.Create()).Load(json, "mine.json");

        set.Diagnostics.Should().ContainSingle(d => d.IsError).Which.Message.Should().Contain(meant);
    }

    [Fact]
    public void Members_without_a_vocabulary_take_any_value()
    {
        Load("""{ "name": "anything at all" }""").Diagnostics.Should().BeEmpty();
    }
}
