using Newtonsoft.Json.Linq;
using PolicyRules.Cli;

namespace PolicyRules.Cli.Tests;

/// <summary><c>check --baseline</c>: a pull-request gate fails only on new conflicts and says what was resolved.</summary>
public sealed class BaselineTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("policy-check-baseline-");

    private const string Round1 = """
        { "agreement": { "id": "demo", "parties": [ { "code": "AUS", "status": "developed" }, { "code": "USA", "status": "developed" } ] },
          "clauses": [
            { "id": "10.2", "text": "Each Party shall accord national treatment.", "kind": "national-treatment", "strength": "binding", "obligations": ["national-treatment"], "sectors": ["av-radio-tv"] },
            { "id": "10.4", "text": "Neither Party may limit the number of suppliers.", "kind": "market-access", "strength": "binding", "obligations": ["market-access"], "sectors": ["av-radio-tv"] } ] }
        """;

    // Round 2: 10.4 is gone, 11.2 commits publishing.
    private const string Round2 = """
        { "agreement": { "id": "demo", "parties": [ { "code": "AUS", "status": "developed" }, { "code": "USA", "status": "developed" } ] },
          "clauses": [
            { "id": "10.2", "text": "Each Party shall accord national treatment.", "kind": "national-treatment", "strength": "binding", "obligations": ["national-treatment"], "sectors": ["av-radio-tv"] },
            { "id": "11.2", "text": "Neither Party may limit the number of suppliers.", "kind": "market-access", "strength": "binding", "obligations": ["market-access"], "sectors": ["publishing-printing"] } ] }
        """;

    public void Dispose() => _folder.Delete(recursive: true);

    private CliResult Run(params string[] args) =>
        CliRunner.Run(new CliEnvironment { WorkingDirectory = _folder.FullName, Today = new DateOnly(2025, 6, 1) }, args);

    [Fact]
    public void Only_new_conflicts_fail_and_the_resolved_ones_are_named()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "draft.json"), Round1);
        Run("check", "draft.json", "--format", "json", "--output", "previous.json").ExitCode.Should().Be(ExitCodes.Failed);
        var before = JObject.Parse(Run("check", "draft.json", "--format", "sarif").Output)["runs"]![0]!["results"]!;
        File.WriteAllText(Path.Combine(_folder.FullName, "draft.json"), Round2);

        var json = Run("check", "draft.json", "--baseline", "previous.json", "--format", "json");
        var text = Run("check", "draft.json", "--baseline", "previous.json");

        json.ExitCode.Should().Be(ExitCodes.Failed, "11.2 is new");
        var report = JObject.Parse(json.Output);
        report["baseline"]!["new"]!.Value<int>().Should().Be(1);
        report["baseline"]!["resolved"]!.Select(r => $"{r["clause"]} {r["rule"]}").Should().Equal("10.4 LIB-001");
        var clauses = report["documents"]![0]!["clauses"]!;
        clauses.Single(c => (string)c["id"]! == "10.2")!["conflicts"]![0]!["baseline"]!.Value<string>().Should().Be("existing");
        clauses.Single(c => (string)c["id"]! == "11.2")!["conflicts"]![0]!["baseline"]!.Value<string>().Should().Be("new");
        var sarif = JObject.Parse(Run("check", "draft.json", "--baseline", "previous.json", "--format", "sarif").Output);
        sarif["runs"]![0]!["results"]!.Select(r => (string)r["baselineState"]!).Should().Contain(["new", "unchanged", "absent"]);
        static string Print(JToken r) => r["partialFingerprints"]!.First!.First!.ToString();
        var absent = sarif["runs"]![0]!["results"]!.Single(r => (string?)r["baselineState"] == "absent");
        ((string)absent["ruleId"]!, (string)absent["properties"]!["clause"]!).Should().Be(("LIB-001", "10.4"));
        Print(absent).Should().Be(Print(before.Single(r => (string)r["ruleId"]! == "LIB-001" && (string)r["properties"]!["clause"]! == "10.4")), "code scanning closes the result it opened");
        text.Output.Should().Contain("1 new").And.Contain("resolved: LIB-001 no-culture-liberalisation on demo 10.4").And.Contain("FAIL: 1 new open conflict at or above high.");
    }

    [Fact]
    public void A_run_that_checks_one_draft_of_the_baseline_resolves_nothing_of_the_others()
    {
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "briefs"));
        File.WriteAllText(Path.Combine(_folder.FullName, "briefs", "a.json"), Round1);
        File.WriteAllText(Path.Combine(_folder.FullName, "briefs", "b.json"), Round1.Replace("\"demo\"", "\"other\"", StringComparison.Ordinal));
        Run("check", "briefs", "--format", "json", "--output", "main.json");

        var json = JObject.Parse(Run("check", "briefs/a.json", "--baseline", "main.json", "--format", "json").Output);
        var text = Run("check", "briefs/a.json", "--baseline", "main.json");

        json["baseline"]!["resolved"]!.Should().BeEmpty("b.json was not checked, so none of its conflicts is resolved");
        var other = JObject.Parse(File.ReadAllText(Path.Combine(_folder.FullName, "main.json")))["documents"]!.Single(d => (string)d["path"]! == "briefs/b.json");
        var itsConflicts = other["clauses"]!.Sum(c => c["conflicts"]!.Count()) + other["findings"]!.Count(f => (string)f["kind"]! == "conflict");
        json["baseline"]!["notChecked"]!.Value<int>().Should().Be(itsConflicts).And.BeGreaterThan(0);
        text.Output.Should().Contain($"0 resolved; {itsConflicts} conflicts of documents this run did not check left aside.");
    }

    [Fact]
    public void A_baseline_made_with_other_rules_is_used_with_a_warning()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "draft.json"), Round1);
        Run("check", "draft.json", "--format", "json", "--output", "previous.json");
        var previous = JObject.Parse(File.ReadAllText(Path.Combine(_folder.FullName, "previous.json")));
        previous["rulebooks"]![0]!["version"] = "0.1.0";
        previous["rulebooks"]![0]!["sha256"] = new string('0', 64);
        File.WriteAllText(Path.Combine(_folder.FullName, "previous.json"), previous.ToString());

        var result = Run("check", "draft.json", "--baseline", "previous.json");

        result.ExitCode.Should().Be(ExitCodes.Success, "its conflicts are still matched");
        result.Error.Should().MatchRegex(@"warning: --baseline previous\.json was made with other rules \(unesco-2005 0\.1\.0 \(000000000000\) then, unesco-2005 \S+ \([0-9a-f]{12}\) now\)");
    }

    [Fact]
    public void A_run_with_nothing_new_passes()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "draft.json"), Round1);
        Run("check", "draft.json", "--format", "json", "--output", "previous.json");

        var result = Run("check", "draft.json", "--baseline", "previous.json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Output + result.Error);
        result.Error.Should().NotContain("other rules", "the baseline was made with these rules");
        result.Output.Should().Contain("PASS: no new open conflict at or above high.");
        Run("check", "draft.json", "--baseline", "previous.json", "--format", "markdown").Output.Should().Contain("**Pass**: no new open conflict at or above `high`.");
        Run("check", "draft.json", "--baseline", "previous.json", "--format", "html").Output.Should().Contain("Pass: no new open conflict at or above high.");
        Run("check", "draft.json", "--baseline", "previous.json", "--format", "github").Output.Should().Contain("0 new open conflicts at or above high.");
    }

    [Fact]
    public void A_baseline_that_is_not_a_report_is_a_usage_error()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "draft.json"), Round1);
        File.WriteAllText(Path.Combine(_folder.FullName, "waivers.json"), "{ \"waivers\": [] }");

        Run("check", "draft.json", "--baseline", "waivers.json").Error.Should().Contain("--baseline waivers.json: not a policy-check JSON report");
        Run("check", "draft.json", "--baseline", "missing.json").ExitCode.Should().Be(ExitCodes.Error);
    }
}
