using Newtonsoft.Json.Linq;
using PolicyRules.Cli;

namespace PolicyRules.Cli.Tests;

/// <summary><c>policy-check.json</c>: what a repository always passes to check, found from the working folder up.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("policy-check-config-");

    private const string Draft = """
        { "agreement": { "id": "demo", "parties": [ { "code": "AUS", "status": "developed" } ] },
          "clauses": [ { "id": "10.2", "text": "Each Party shall accord national treatment.", "kind": "national-treatment", "strength": "binding", "sectors": ["av-radio-tv"] } ] }
        """;

    public ConfigurationTests()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "briefs"));
        Directory.CreateDirectory(Path.Combine(_root.FullName, "tools", "sub"));
        File.WriteAllText(Path.Combine(_root.FullName, "briefs", "demo.json"), Draft);
        File.WriteAllText(Path.Combine(_root.FullName, "briefs", "waivers.json"), """{ "waivers": [ { "rule": "LIB-001", "document": "demo", "reason": "Annex II reservation", "by": "a.analyst", "expires": "2099-12-31" } ] }""");
    }

    public void Dispose() => _root.Delete(recursive: true);

    private CliResult Run(string folder, params string[] args) =>
        CliRunner.Run(new CliEnvironment { WorkingDirectory = Path.Combine(_root.FullName, folder), Today = new DateOnly(2025, 6, 1) }, args);

    private void Configure(string json) => File.WriteAllText(Path.Combine(_root.FullName, CheckConfiguration.FileName), json);

    [Fact]
    public void The_nearest_configuration_gives_the_drafts_waivers_and_threshold_with_paths_from_its_folder()
    {
        Configure("""{ "include": ["briefs"], "waivers": "briefs/waivers.json", "failOn": "low" }""");

        var result = Run("tools/sub", "check", "--format", "json");

        result.ExitCode.Should().Be(ExitCodes.Failed, "CONV-001 (low) stays open at failOn low; " + result.Error);
        var report = JObject.Parse(result.Output);
        report["documents"]!.Select(d => (string)d["path"]!).Should().Equal("../../briefs/demo.json");
        report["documents"]![0]!["clauses"]![0]!["conflicts"]![0]!["status"]!.Value<string>().Should().Be("waived");
    }

    [Fact]
    public void The_configuration_disables_rules_and_changes_severities_and_the_report_says_so()
    {
        Configure("""{ "include": ["briefs"], "disable": ["CONV-001"], "severities": { "LIB-001": "critical" } }""");

        var result = Run("", "check", "--format", "json");

        var report = JObject.Parse(result.Output);
        var conflicts = report["documents"]![0]!["clauses"]![0]!["conflicts"]!;
        conflicts.Single(c => (string)c["rule"]! == "LIB-001")["severity"]!.Value<string>().Should().Be("critical");
        report["documents"]![0]!["findings"]!.Should().NotContain(f => (string)f["rule"]! == "CONV-001");
        var rulebook = report["rulebooks"]![0]!;
        rulebook["disabled"]!.Values<string>().Should().Equal("CONV-001");
        rulebook["severityOverrides"]!["LIB-001"]!.Value<string>().Should().Be("critical");
    }

    [Fact]
    public void A_rule_the_configuration_names_that_no_rulebook_defines_stops_the_run_with_a_suggestion()
    {
        Configure("""{ "include": ["briefs"], "disable": ["CONV-01"] }""");

        var result = Run("", "check");

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("'CONV-01'").And.Contain("Did you mean 'CONV-001'?");
    }

    [Fact]
    public void The_command_line_wins_over_the_configuration()
    {
        Configure("""{ "include": ["briefs"], "waivers": "briefs/waivers.json", "failOn": "low" }""");

        Run("", "check", "--fail-on", "none").ExitCode.Should().Be(ExitCodes.Success);
    }

    [Fact]
    public void A_misspelt_field_or_a_bad_value_is_an_error_where_it_stands()
    {
        Configure("""
            {
              "includes": ["briefs"],
              "failOn": "severe"
            }
            """);

        var result = Run("", "check");

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("policy-check.json(2,3): error PR6002: Unknown field 'includes'. Did you mean 'include'?");
        result.Error.Should().Contain("policy-check.json(3,13): error PR6003: 'failOn' is critical, high, medium, low, info, none");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n")]
    public void An_empty_configuration_says_so_at_its_first_line(string json)
    {
        Configure(json);

        var result = Run("", "check");

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("policy-check.json(1,1): error PR6001: Malformed JSON: The file is empty.");
    }

    [Fact]
    public void With_no_paths_and_no_configuration_check_says_what_it_needs()
    {
        var result = Run("", "check");

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("no drafts to check").And.Contain("policy-check.json");
    }
}
