using Newtonsoft.Json.Linq;
using PolicyRules.Checking.Waivers;
using PolicyRules.Cli;

namespace PolicyRules.Cli.Tests;

public class WaiverTests
{
    private static string[] Check(params string[] args) => ["check", "drafts", .. args, .. CliRunner.TestRules];

    [Fact]
    public void A_valid_waiver_waives_the_conflict_and_the_run_passes()
    {
        var result = CliRunner.Run(Check("--waivers", "waivers/valid.json", "--format", "json"));

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Error.Should().BeEmpty();
        var report = JObject.Parse(result.Output);
        var conflict = report["documents"]![1]!["clauses"]![0]!["conflicts"]![0]!;
        conflict["status"]!.Value<string>().Should().Be("waived");
        conflict["waiver"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be(
            """{"rule":"T-LIB-001","document":"lib","clause":"8.2","by":"a.analyst","expires":"2099-12-31","line":3,"reason":"Annex II reservation for broadcasting negotiated separately."}""",
            "the JSON report says who accepted the conflict, why and until when");
        report["documents"]![1]!["clauses"]![0]!["verdict"]!.Value<string>().Should().Be("compliant", "its only conflict is waived");
        report["summary"]!["conflicts"]!["high"]!.Value<int>().Should().Be(0, "waived conflicts are not counted");
    }

    [Fact]
    public void A_waived_conflict_is_a_suppressed_sarif_result_and_is_cited_in_text()
    {
        var sarif = JObject.Parse(CliRunner.Run(Check("--waivers", "waivers/valid.json", "--format", "sarif")).Output);
        var waived = sarif["runs"]![0]!["results"]!.Single(r => (string)r["ruleId"]! == "T-LIB-001");
        waived["suppressions"]![0]!["status"]!.Value<string>().Should().Be("accepted");
        waived["suppressions"]![0]!["justification"]!.Value<string>().Should().Contain("Annex II reservation").And.Contain("a.analyst");

        var text = CliRunner.Run(Check("--waivers", "waivers/valid.json")).Output;
        text.Should().Contain("[waived]").And.Contain("waived by a.analyst until 2099-12-31: Annex II reservation");
        CliRunner.Run(Check("--waivers", "waivers/valid.json", "--format", "html")).Output.Should().Contain("<dt>waiver</dt><dd>waived by a.analyst until 2099-12-31: Annex II reservation");
        CliRunner.Run(Check("--waivers", "waivers/valid.json", "--format", "junit")).Output.Should().Contain("waived by a.analyst until 2099-12-31: Annex II reservation");
    }

    [Fact]
    public void A_waivers_file_inside_the_folder_checked_is_not_read_as_a_draft_and_exclude_leaves_files_out()
    {
        var briefs = Path.Combine(Path.GetTempPath(), $"policy-check-briefs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(briefs, "old"));
        try
        {
            File.Copy(Path.Combine(CliRunner.TestData, "drafts", "liberalising.json"), Path.Combine(briefs, "liberalising.json"));
            File.Copy(Path.Combine(CliRunner.TestData, "drafts", "exempted.json"), Path.Combine(briefs, "old", "exempted.json"));
            File.Copy(Path.Combine(CliRunner.TestData, "waivers", "valid.json"), Path.Combine(briefs, "waivers.json"));

            var result = CliRunner.Run(["check", briefs, "--waivers", Path.Combine(briefs, "waivers.json"), "--exclude", "**/old/**", "--format", "json", .. CliRunner.TestRules]);

            result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
            result.Error.Should().NotContain("PR2002");
            var paths = JObject.Parse(result.Output)["documents"]!.Select(d => (string)d["path"]!).ToArray();
            paths.Should().ContainSingle().Which.Should().EndWith("/liberalising.json");
        }
        finally
        {
            Directory.Delete(briefs, recursive: true);
        }
    }

    [Fact]
    public void The_json_report_says_what_the_waivers_did_and_a_waiver_for_no_rule_is_named()
    {
        var file = Path.Combine(Path.GetTempPath(), $"policy-check-waivers-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, """
                { "waivers": [
                  { "rule": "T-LIB-001", "document": "drafts/liberalising.json", "clause": "8.2", "reason": "Annex II reservation", "by": "a.analyst" },
                  { "rule": "T-LIB-0001", "clause": "8.2", "reason": "typo in the rule id", "by": "b.analyst" } ] }
                """);

            var result = CliRunner.Run(Check("--waivers", file, "--format", "json"));

            result.Error.Should().Contain("warning PR4006:").And.Contain("T-LIB-0001").And.Contain("names no rule");
            var waivers = JObject.Parse(result.Output)["waivers"]!;
            waivers["applied"]!.Value<int>().Should().Be(1);
            waivers["unknownRules"]!.Single()["rule"]!.Value<string>().Should().Be("T-LIB-0001");
            waivers["stale"]!.Should().BeEmpty();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void An_expired_waiver_no_longer_applies_and_says_so()
    {
        var result = CliRunner.Run(Check("--waivers", "waivers/expired.json", "--format", "json"));

        result.ExitCode.Should().Be(ExitCodes.Failed);
        result.Error.Should().Contain("waivers/expired.json(3,5): warning PR4004:").And.Contain("expired on 2020-12-31");
        JObject.Parse(result.Output)["documents"]![1]!["clauses"]![0]!["conflicts"]![0]!["status"]!.Value<string>().Should().Be("open");
    }

    [Fact]
    public void A_waiver_that_matches_nothing_is_reported_as_stale()
    {
        var result = CliRunner.Run(Check("--waivers", "waivers/stale.json"));

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Error.Should().Contain("warning PR4005:").And.Contain("T-LIB-001 on clause 99.9").And.Contain("stale");
        result.Error.Should().NotContain("clause 8.2 (by a.analyst) matches no");
    }

    [Fact]
    public void An_invalid_waiver_file_exits_2()
    {
        var result = CliRunner.Run(Check("--waivers", "waivers/invalid.json"));

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("error PR4002: Missing required field 'reason'").And.Contain("'expires' must be a date");
        result.Output.Should().BeEmpty();
    }

    [Fact]
    public void A_missing_waiver_file_exits_2()
    {
        CliRunner.Run(Check("--waivers", "waivers/none.json")).ExitCode.Should().Be(ExitCodes.Error);
    }

    [Theory]
    [InlineData("LIB-001", "LIB-001", true)]
    [InlineData("LIB-*", "LIB-002", true)]
    [InlineData("*", "DIG-001", true)]
    [InlineData("LIB-001", "LIB-002", false)]
    public void Rule_selectors(string selector, string rule, bool matches)
    {
        new Waiver(selector, null, null, "r", "b", null).MatchesRule(rule).Should().Be(matches);
    }

    [Theory]
    [InlineData("drafts/*.json", "drafts/a.json", true)]
    [InlineData("a.json", "src/drafts/a.json", true)]
    [InlineData("ckfta", "drafts/x.json", true)]
    [InlineData("drafts/**/b.json", "drafts/x/y/b.json", true)]
    [InlineData("other.json", "drafts/a.json", false)]
    public void Document_selectors_match_path_globs_or_the_agreement_id(string selector, string path, bool matches)
    {
        new Waiver("R", selector, null, "r", "b", null).MatchesDocument(path, "ckfta").Should().Be(matches);
    }

    [Theory]
    [InlineData("agreement", null, true)]
    [InlineData("(agreement)", null, true)]
    [InlineData("(agreement)", "9.2", false)]
    [InlineData("9.2", null, false)]
    [InlineData("9.2", "9.2", true)]
    [InlineData("*", null, true)]
    public void Clause_selectors_take_the_agreement_as_reports_label_it(string selector, string? clause, bool matches)
    {
        new Waiver("R", null, selector, "r", "b", null).MatchesClause(clause).Should().Be(matches);
    }

    [Fact]
    public void A_waiver_applies_through_its_expiry_day()
    {
        var waiver = new Waiver("R", null, null, "r", "b", new DateOnly(2025, 6, 1));
        waiver.IsExpired(new DateOnly(2025, 6, 1)).Should().BeFalse();
        waiver.IsExpired(new DateOnly(2025, 6, 2)).Should().BeTrue();
    }
}
