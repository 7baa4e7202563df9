using Newtonsoft.Json.Linq;
using PolicyRules.Cli;

namespace PolicyRules.Cli.Tests;

/// <summary>The vocabulary as a user meets it: listed by a command, enforced by check, strict on demand.</summary>
public class VocabularyTests
{
    [Fact]
    public void Vocabulary_lists_a_fields_values_and_aliases()
    {
        var result = CliRunner.Run("vocabulary", "sector");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Output.Should().StartWith("sectors: ").And.Contain("av-radio-tv").And.Contain("audiovisual →");
        result.Output.Should().NotContain("strength:");
    }

    [Fact]
    public void Vocabulary_names_the_fields_when_asked_for_one_it_does_not_have()
    {
        var result = CliRunner.Run("vocabulary", "colour");

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("no field 'colour'").And.Contain("exceptions.type");
    }

    [Fact]
    public void Check_warns_of_typos_where_they_stand_and_still_checks_the_clause()
    {
        var result = CliRunner.Run("check", "vocabulary/typos.json", "--format", "json", "--fail-on", "none");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Error.Should().Contain("vocabulary/typos.json(8,32): warning PR2008: unknown sector 'av-radio'. Did you mean 'av-radio-tv'?");
        result.Error.Should().Contain("vocabulary/typos.json(5,5): warning PR2009: unknown field 'sector' of a clause");
        result.Error.Should().Contain("info PR2010: strength 'mandatory' read as 'binding'.");
        JObject.Parse(result.Output)["documents"]![0]!["clauses"]![0]!["verdict"]!.ToString().Should().NotBe("error");
    }

    [Fact]
    public void Strict_check_makes_typos_errors_and_exits_2()
    {
        var result = CliRunner.Run("check", "vocabulary/typos.json", "--strict", "--format", "json", "--quiet");

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("error PR2008: unknown sector 'av-radio'").And.NotContain("info PR2010");
        var clause = JObject.Parse(result.Output)["documents"]![0]!["clauses"]![0]!;
        clause["verdict"]!.ToString().Should().Be("error");
        clause["diagnostics"]!.Select(d => d["code"]!.ToString()).Should().Contain(["PR2008", "PR2009"]);
    }

    [Fact]
    public void Schema_tests_prints_the_rule_test_format()
    {
        var result = CliRunner.Run("schema", "tests");

        result.ExitCode.Should().Be(ExitCodes.Success);
        var schema = JObject.Parse(result.Output);
        schema["title"]!.ToString().Should().Be("PolicyRules rule tests");
        schema["definitions"]!["clause"]!["properties"]!.Children<JProperty>().Select(p => p.Name)
            .Should().Contain(["rules", "statuses", "parties"]);
    }
}
