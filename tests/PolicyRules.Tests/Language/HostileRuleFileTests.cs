using PolicyRules.Language;
using PolicyRules.Diagnostics;
using static PolicyRules.Tests.Language.LanguageFixture;

namespace PolicyRules.Tests.Language;

/// <summary>Rule files are data from users: hostile ones are refused with a diagnostic, and nothing of theirs runs.</summary>
public class HostileRuleFileTests
{
    [Theory]
    [InlineData("""{ "getType.assembly.location": "x" }""")]
    [InlineData("""{ "colour.length": 3 }""")]
    [InlineData("""{ "labels.syncRoot": "x" }""")]
    public void Member_paths_reach_only_registered_properties(string where)
    {
        var set = Load(Book($$"""[ { "match": "Item", "as": "x", "where": {{where}} } ]"""));

        set.Codes().Should().Contain(RuleDiagnosticCodes.UnknownMember);
        set.Rules.Should().BeEmpty();
    }

    [Theory]
    [InlineData("System.IO.File")]
    [InlineData("System.Diagnostics.Process, System")]
    [InlineData("PolicyRules.Tests.Language.Item")]
    public void Type_names_are_not_fact_types(string type)
    {
        Load(Book($$"""[ { "match": "{{type}}", "as": "x" } ]""")).Codes().Should().Equal(RuleDiagnosticCodes.UnknownFactType);
    }

    [Fact]
    public void An_enormous_regex_is_refused_before_it_is_compiled()
    {
        var pattern = string.Concat(Enumerable.Repeat("(a|b)", 50_000));

        Load(Book($$"""[ { "match": "Item", "as": "x", "where": { "name": { "matches": "{{pattern}}" } } } ]""")).Codes()
            .Should().Equal(RuleDiagnosticCodes.RegexTooLong);
    }

    [Fact]
    public void A_catastrophic_backtracking_pattern_runs_in_linear_time_on_the_non_backtracking_engine()
    {
        // With backtracking, (a+)+$ on "aaaa…!" takes exponential time and the one-second bound throws.
        var json = Book("""[ { "match": "Item", "as": "x", "where": { "name": { "matches": "^(a+)+$" } } } ]""");

        var tagged = Tagged(json, new Item { Id = 1, Name = new string('a', 5_000) + "!" }, new Item { Id = 2, Name = "aaaa" });

        tagged.Should().Equal(2);
    }

    [Fact]
    public void Deeply_nested_conditions_are_refused()
    {
        var nested = string.Concat(Enumerable.Repeat("""{ "not": """, 40)) + """{ "colour": "red" }""" + new string('}', 40);

        Load(Book($$"""[ { "match": "Item", "as": "x", "where": {{nested}} } ]""")).Codes().Should().Contain(RuleDiagnosticCodes.NestingTooDeep);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_by_the_reader()
    {
        var nested = new string('[', 500) + new string(']', 500);

        Load(nested).Codes().Should().Equal(RuleDiagnosticCodes.NestingTooDeep);
    }

    [Fact]
    public void A_50_MB_file_is_refused_without_being_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"policyrules-huge-{Guid.NewGuid():N}.json");
        try
        {
            using (var stream = File.Create(path))
            {
                stream.SetLength(50L * 1024 * 1024);
            }

            var set = new RulebookLoader(Catalog()).Load(RulebookSource.FromPath(path));

            set.Codes().Should().Equal(RuleDiagnosticCodes.FileTooLarge);
            set.Diagnostics[0].File.Should().Be(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Text_over_the_size_limit_is_refused()
    {
        var limits = new RulebookLimits { MaxFileBytes = 100 };

        Load(Book("""[ { "match": "Item", "as": "x" } ]"""), limits).Codes().Should().Equal(RuleDiagnosticCodes.FileTooLarge);
    }
}
