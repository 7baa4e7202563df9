using Newtonsoft.Json.Linq;
using PolicyRules.Cli;

namespace PolicyRules.Cli.Tests;

public class CheckCommandTests
{
    private static string[] Check(params string[] args) => ["check", .. args, .. CliRunner.TestRules];

    [Fact]
    public void The_quick_start_checks_the_sample_drafts_and_finds_conflicts()
    {
        var result = CliRunner.Run(new CliEnvironment { WorkingDirectory = CliRunner.RepositoryRoot }, "check", "src/PolicyRules.Samples/drafts");

        result.ExitCode.Should().Be(ExitCodes.Failed, result.Error);
        result.Output.Should().Contain("src/PolicyRules.Samples/drafts/ausfta-no-exemption.json").And.Contain("LIB-001");
        result.Output.TrimEnd().Split('\n')[^1].Should().StartWith("FAIL:");
        result.Error.Should().BeEmpty();
    }

    [Fact]
    public void Every_sample_draft_reads_without_diagnostics()
    {
        var result = CliRunner.Run(new CliEnvironment { WorkingDirectory = CliRunner.RepositoryRoot }, "check", "src/PolicyRules.Samples/drafts", "--format", "json");
        var report = JObject.Parse(result.Output);

        report["documents"]!.Should().HaveCountGreaterThanOrEqualTo(4);
        report["documents"]!.SelectMany(d => d["clauses"]!).Select(c => (string)c["verdict"]!).Should().NotContain("error");
        report["documents"]!.SelectMany(d => d["diagnostics"]!).Should().BeEmpty();
    }

    [Fact]
    public void A_compliant_draft_exits_0()
    {
        var result = CliRunner.Run(Check("drafts/exempted.json"));

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Output.Should().Contain("PASS: no open conflict at or above high.");
    }

    [Theory]
    [InlineData("high", ExitCodes.Failed)]
    [InlineData("critical", ExitCodes.Success)]
    [InlineData("medium", ExitCodes.Failed)]
    [InlineData("none", ExitCodes.Success)]
    public void Fail_on_sets_the_threshold(string failOn, int expected)
    {
        CliRunner.Run(Check("drafts/liberalising.json", "--fail-on", failOn)).ExitCode.Should().Be(expected);
    }

    [Fact]
    public void Json_follows_the_report_contract()
    {
        var result = CliRunner.Run(Check("drafts", "--format", "json"));
        result.ExitCode.Should().Be(ExitCodes.Failed);
        var report = JObject.Parse(result.Output);

        report["tool"]!["name"]!.Value<string>().Should().Be("policy-check");
        report["tool"]!["version"]!.Value<string>().Should().NotBeNullOrEmpty();
        report["rulebooks"]![0]!["name"]!.Value<string>().Should().Be("cli-test");
        report["rulebooks"]![0]!["sha256"]!.Value<string>().Should().HaveLength(64);
        report["run"]!["startedAt"].Should().NotBeNull();
        report["run"]!["durationMs"].Should().NotBeNull();
        report["documents"]!.Select(d => (string)d["path"]!).Should().Equal("drafts/exempted.json", "drafts/liberalising.json");

        var lib = report["documents"]![1]!;
        lib["agreement"]!["id"]!.Value<string>().Should().Be("lib");
        lib["perspective"]!.Type.Should().Be(JTokenType.Null);
        lib["verdict"]!.Value<string>().Should().Be("conflict");
        var clause = lib["clauses"]![0]!;
        clause["id"]!.Value<string>().Should().Be("8.2");
        var conflict = clause["conflicts"]![0]!;
        foreach (var field in new[] { "rule", "principle", "basis", "severity", "parties", "message", "remedy", "evidence", "mitigations", "status" })
        {
            conflict[field].Should().NotBeNull($"a conflict has '{field}'");
        }

        conflict["rule"]!.Value<string>().Should().Be("T-LIB-001");
        conflict["status"]!.Value<string>().Should().Be("open");
        report["summary"]!["verdicts"]!.ToObject<Dictionary<string, int>>()!.Keys.Should().BeEquivalentTo("error", "conflict", "partially-mitigated", "needs-review", "mitigated", "compliant", "supports");
        report["summary"]!["conflicts"]!["high"]!.Value<int>().Should().Be(1);
        report["summary"]!["conflicts"]!["medium"]!.Value<int>().Should().Be(1);
        report["summary"]!["clauses"]!.Value<int>().Should().Be(5);
    }

    [Fact]
    public void Sarif_has_rules_one_result_per_open_conflict_and_clause_locations()
    {
        var result = CliRunner.Run(Check("drafts", "--format", "sarif"));
        var sarif = JObject.Parse(result.Output);

        sarif["version"]!.Value<string>().Should().Be("2.1.0");
        sarif["$schema"]!.Value<string>().Should().Contain("sarif-2.1.0");
        var run = sarif["runs"]![0]!;
        run["tool"]!["driver"]!["name"]!.Value<string>().Should().Be("policy-check");
        var home = run["tool"]!["driver"]!["informationUri"]!.Value<string>()!;
        home.Should().Be("https://github.com/policyrules/policyrules", "the repository the packages name");
        File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "README.md")).Should().Contain(home, "the README names where the tool's information is");
        run["tool"]!["driver"]!["rules"]!.Select(r => (string)r["id"]!).Should().Equal("T-LIB-001", "T-MED-001", "T-SUP-002");
        var results = run["results"]!.ToArray();
        results.Should().HaveCount(2);
        var high = results.Single(r => (string)r["ruleId"]! == "T-LIB-001");
        high["level"]!.Value<string>().Should().Be("error");
        results.Single(r => (string)r["ruleId"]! == "T-MED-001")["level"]!.Value<string>().Should().Be("warning");
        var location = high["locations"]![0]!["physicalLocation"]!;
        location["artifactLocation"]!["uri"]!.Value<string>().Should().Be("drafts/liberalising.json");
        location["region"]!["startLine"]!.Value<int>().Should().Be(4);
        location["region"]!["startColumn"]!.Value<int>().Should().Be(5);
        ((int)high["ruleIndex"]!).Should().Be(0);
    }

    [Fact]
    public void Sarif_results_carry_fingerprints_that_survive_edits_elsewhere_relative_uris_and_a_region_for_agreement_findings()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"policy-check-sarif-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var draft = File.ReadAllText(Path.Combine(CliRunner.TestData, "drafts", "liberalising.json"));
            var file = Path.Combine(folder, "brief.json");
            File.WriteAllText(file, draft);
            var environment = new CliEnvironment { WorkingDirectory = folder, Today = new DateOnly(2025, 6, 1) };
            JArray Results() => (JArray)JObject.Parse(CliRunner.Run(environment, ["check", file, "--format", "sarif", "--fail-on", "none"]).Output)["runs"]![0]!["results"]!;

            var before = Results();
            before.Should().NotBeEmpty();
            before.Should().OnlyContain(r => r["partialFingerprints"]!["policyRulesConflict/v1"]!.Value<string>()!.Length == 32);
            before.Should().OnlyContain(r => r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.Value<string>() == "brief.json", "absolute inputs are relative to the working directory");
            before.Should().OnlyContain(r => r["locations"]![0]!["physicalLocation"]!["region"] != null, "agreement-level findings point at the agreement");

            File.WriteAllText(file, "\n\n\n" + draft); // every line moves
            var after = Results();
            after.Select(r => r["partialFingerprints"]!.ToString()).Should().Equal(before.Select(r => r["partialFingerprints"]!.ToString()));
            after.Select(r => (int)r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!)
                .Should().Equal(before.Select(r => (int)r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]! + 3));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Junit_has_a_suite_per_document_a_case_per_clause_and_failures_for_open_conflicts()
    {
        var result = CliRunner.Run(Check("drafts", "--format", "junit"));
        var xml = System.Xml.Linq.XDocument.Parse(result.Output);

        var suites = xml.Root!.Elements("testsuite").ToArray();
        suites.Select(s => (string)s.Attribute("name")!).Should().Equal("drafts/exempted.json", "drafts/liberalising.json");
        var lib = suites[1];
        lib.Elements("testcase").Select(c => (string)c.Attribute("name")!).Should().Equal("8.2", "8.3", "8.4");
        ((int)lib.Attribute("failures")!).Should().Be(1, "only the high conflict fails at --fail-on high");
        lib.Elements("testcase").First().Element("failure")!.Attribute("type")!.Value.Should().Be("T-LIB-001");
        lib.Elements("testcase").ElementAt(1).Element("system-out")!.Value.Should().Contain("T-MED-001");
        ((int)xml.Root!.Attribute("tests")!).Should().Be(5);
    }

    [Fact]
    public void Junit_written_to_a_file_declares_the_encoding_it_is_written_in()
    {
        var file = Path.Combine(Path.GetTempPath(), $"policy-check-{Guid.NewGuid():N}.xml");
        try
        {
            CliRunner.Run(Check("drafts", "--format", "junit", "--output", file));

            File.ReadAllText(file).Should().StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            var loaded = System.Xml.Linq.XDocument.Load(file); // a strict reader: refuses utf-16 declared over UTF-8 bytes
            loaded.Root!.Name.LocalName.Should().Be("testsuites");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_input_fails_the_run_and_never_says_pass()
    {
        var result = CliRunner.Run(Check("no-such-draft.json"));

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Output.Should().NotContain("PASS").And.Contain("FAIL: 1 input could not be checked; no open conflict at or above high.");
        result.Error.Should().Contain("no-such-draft.json").And.Contain("PR2007");
    }

    [Fact]
    public void Text_matches_the_snapshot()
    {
        var result = CliRunner.Run(Check("drafts", "broken/one-broken-clause.json"));
        Snapshot.Match(result.Output, "check.text.txt");
        result.Output.Should().NotContain("\u001b[");
    }

    [Fact]
    public void Markdown_matches_the_snapshot()
    {
        var result = CliRunner.Run(Check("drafts", "--format", "markdown", "--waivers", "waivers/valid.json"));
        Snapshot.Match(result.Output, "check.markdown.md");
    }

    [Fact]
    public void Text_is_coloured_on_a_terminal_unless_NO_COLOR_is_set()
    {
        var terminal = new CliEnvironment { WorkingDirectory = CliRunner.TestData, OutputIsTerminal = true };
        CliRunner.Run(terminal, Check("drafts")).Output.Should().Contain("\u001b[31m");

        var noColor = new CliEnvironment { WorkingDirectory = CliRunner.TestData, OutputIsTerminal = true, Variable = v => v == "NO_COLOR" ? "1" : null };
        CliRunner.Run(noColor, Check("drafts")).Output.Should().NotContain("\u001b[");
    }

    [Fact]
    public void Github_writes_workflow_commands_and_appends_the_job_summary()
    {
        var summary = Path.Combine(Path.GetTempPath(), $"policy-check-summary-{Guid.NewGuid():N}.md");
        File.WriteAllText(summary, "previous step\n");
        try
        {
            var environment = new CliEnvironment { WorkingDirectory = CliRunner.TestData, Variable = v => v == "GITHUB_STEP_SUMMARY" ? summary : null };
            var result = CliRunner.Run(environment, Check("drafts", "--format", "github"));

            result.ExitCode.Should().Be(ExitCodes.Failed);
            result.Output.Should().Contain("::error file=drafts/liberalising.json,line=4,col=5,title=T-LIB-001 no-culture-liberalisation (high%2C open) clause 8.2::Clause 8.2");
            result.Output.Should().Contain("::warning file=drafts/liberalising.json,line=5");
            var written = File.ReadAllText(summary);
            written.Should().StartWith("previous step\n").And.Contain("## policy-check report").And.Contain("T-LIB-001");
        }
        finally
        {
            File.Delete(summary);
        }
    }

    [Fact]
    public void Standard_input_is_read_with_a_dash()
    {
        var draft = File.ReadAllText(Path.Combine(CliRunner.TestData, "drafts", "liberalising.json"));
        var environment = new CliEnvironment { WorkingDirectory = CliRunner.TestData, Input = new StringReader(draft) };
        var result = CliRunner.Run(environment, Check("-", "--format", "json"));

        result.ExitCode.Should().Be(ExitCodes.Failed, result.Error);
        JObject.Parse(result.Output)["documents"]![0]!["path"]!.Value<string>().Should().Be("-");
    }

    [Theory]
    [InlineData("check", "--formt", "Unrecognized option '--formt'. Did you mean '--format'?")]
    [InlineData("check", "--party-of", "Unrecognized option '--party-of'. Did you mean '--party'?")]
    [InlineData("verify", "--verbos", "Unrecognized option '--verbos'. Did you mean '--verbose'?")]
    public void A_misspelt_option_is_a_usage_error_naming_the_closest_option_not_a_file_to_read(string command, string misspelt, string message)
    {
        var result = CliRunner.Run(command, "drafts/liberalising.json", misspelt, "json");

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Output.Should().BeEmpty("nothing is read or checked");
        result.Error.Should().Contain($"policy-check: error: {message}").And.Contain($"Run 'policy-check {command} --help'");
        result.Error.Should().NotContain("PR2007", "the option is not taken for a file");
    }

    [Fact]
    public void A_draft_whose_name_starts_with_a_dash_is_still_read()
    {
        var folder = Directory.CreateTempSubdirectory("policy-dash-").FullName;
        try
        {
            File.Copy(Path.Combine(CliRunner.TestData, "drafts", "liberalising.json"), Path.Combine(folder, "-draft.json"));
            var result = CliRunner.Run(new CliEnvironment { WorkingDirectory = folder }, "check", "-draft.json", "--format", "json");

            result.ExitCode.Should().Be(ExitCodes.Failed, result.Error);
            JObject.Parse(result.Output)["documents"]!.Select(d => (string)d["path"]!).Should().Equal("-draft.json");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Globs_are_expanded_and_a_glob_that_matches_nothing_is_an_error()
    {
        var result = CliRunner.Run(Check("drafts/*.json", "--format", "json"));
        JObject.Parse(result.Output)["documents"]!.Select(d => (string)d["path"]!).Should().Equal("drafts/exempted.json", "drafts/liberalising.json");

        var deep = CliRunner.Run(Check("**/lib*.json", "--format", "json"));
        JObject.Parse(deep.Output)["documents"]!.Select(d => (string)d["path"]!).Should().Equal("drafts/liberalising.json");

        var none = CliRunner.Run(Check("drafts/*.yaml"));
        none.ExitCode.Should().Be(ExitCodes.Error);
        none.Error.Should().Contain("drafts/*.yaml: no file matches the pattern");
    }

    [Fact]
    public void A_missing_file_exits_2_and_the_other_drafts_are_still_reported()
    {
        var result = CliRunner.Run(Check("drafts/liberalising.json", "drafts/missing.json", "--format", "json"));

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().MatchRegex(@"drafts/missing\.json\(\d+,\d+\): error PR2007: ");
        var documents = JObject.Parse(result.Output)["documents"]!;
        documents.Select(d => (string)d["path"]!).Should().Equal("drafts/liberalising.json", "drafts/missing.json");
        documents[1]!["verdict"]!.Value<string>().Should().Be("error");
        documents[0]!["clauses"]!.Should().HaveCount(3);
    }

    [Fact]
    public void Malformed_json_exits_2_with_an_msbuild_style_diagnostic()
    {
        var result = CliRunner.Run(Check("broken/malformed.json", "drafts/exempted.json"));

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().MatchRegex(@"broken/malformed\.json\(\d+,\d+\): error PR2001: Malformed JSON");
        result.Output.Should().Contain("drafts/exempted.json").And.Contain("22.6  supports");
    }

    [Fact]
    public void One_broken_clause_exits_2_and_the_other_clauses_are_checked()
    {
        var result = CliRunner.Run(Check("broken/one-broken-clause.json", "--format", "json"));

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("broken/one-broken-clause.json(5,97): error PR2003: 'sectors' must be a list of strings.");
        var clauses = JObject.Parse(result.Output)["documents"]![0]!["clauses"]!;
        clauses.Select(c => $"{c["id"]} {c["verdict"]}").Should().Equal("2.1 conflict", "2.2 error", "2.3 compliant");
    }

    [Fact]
    public void Perspective_overrides_the_drafts_own()
    {
        var result = CliRunner.Run(Check("drafts/liberalising.json", "drafts/exempted.json", "--perspective", "AAA", "--format", "json"));
        var documents = JObject.Parse(result.Output)["documents"]!;
        var lib = documents.Single(d => (string)d["path"]! == "drafts/liberalising.json");
        lib["perspective"]!.Value<string>().Should().Be("AAA");
        lib["clauses"]![0]!["conflicts"]![0]!["parties"]!.Select(p => (string)p!).Should().Equal("AAA");

        // CAN is the exempted draft's own perspective; AAA is not one of its parties, which is where it is placed.
        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("drafts/exempted.json(2,98): error PR2005: The perspective 'AAA' asked for in place of the draft's own is not a party of the agreement (CAN, KOR).");
    }

    [Fact]
    public void Output_writes_the_report_to_a_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"policy-check-{Guid.NewGuid():N}.json");
        try
        {
            var result = CliRunner.Run(Check("drafts", "--format", "json", "--output", file));
            result.Output.Should().BeEmpty();
            JObject.Parse(File.ReadAllText(file))["summary"]!["documents"]!.Value<int>().Should().Be(2);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Output_creates_the_folder_it_is_written_to()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"policy-check-{Guid.NewGuid():N}");
        var file = Path.Combine(folder, "reports", "check.json");
        try
        {
            var result = CliRunner.Run(Check("drafts", "--format", "json", "--output", file));
            result.Error.Should().NotContain("error");
            JObject.Parse(File.ReadAllText(file))["summary"]!["documents"]!.Value<int>().Should().Be(2);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void An_output_that_cannot_be_written_exits_2_and_says_where()
    {
        var blocker = Path.Combine(Path.GetTempPath(), $"policy-check-{Guid.NewGuid():N}");
        File.WriteAllText(blocker, "a file where the report's folder should be");
        try
        {
            var target = Path.Combine(blocker, "check.json");
            var result = CliRunner.Run(Check("drafts", "--output", target));
            result.ExitCode.Should().Be(ExitCodes.Error);
            result.Error.Should().Contain($"policy-check: error: cannot write the report to {target}:");
            result.Output.Should().BeEmpty();
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Theory]
    [InlineData("check", "drafts", "--format", "yaml")]
    [InlineData("check")]
    [InlineData("check", "drafts", "--fail-on", "severe")]
    [InlineData("frobnicate")]
    [InlineData]
    public void Usage_errors_exit_2(params string[] args)
    {
        var result = CliRunner.Run(args);
        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("policy-check: error:").And.Contain("--help");
    }

    [Fact]
    public void Rule_files_with_errors_exit_2()
    {
        var result = CliRunner.Run("check", "drafts", "--rules", "broken/bad-rules.json");
        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("bad-rules.json").And.Contain("error PR1");
        result.Output.Should().BeEmpty();
    }

    [Fact]
    public void Rule_file_errors_reach_ci_as_annotations_and_as_a_sarif_log_with_no_results()
    {
        var sarifPath = Path.Combine(Path.GetTempPath(), $"policy-rules-{Guid.NewGuid():N}.sarif");
        try
        {
            var github = CliRunner.Run("check", "drafts", "--rules", "broken/bad-rules.json", "--format", "github");
            var sarif = CliRunner.Run("check", "drafts", "--rules", "broken/bad-rules.json", "--format", "sarif", "-o", sarifPath);

            github.ExitCode.Should().Be(ExitCodes.Error);
            github.Output.Should().StartWith("::error file=broken/bad-rules.json,line=1,").And.Contain(",title=PR1");
            sarif.ExitCode.Should().Be(ExitCodes.Error);
            var run = JObject.Parse(File.ReadAllText(sarifPath))["runs"]![0]!;
            run["results"]!.Should().BeEmpty();
            run["invocations"]![0]!["executionSuccessful"]!.Value<bool>().Should().BeFalse();
            run["invocations"]![0]!["toolConfigurationNotifications"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.Value<string>()
                .Should().Be("broken/bad-rules.json", "paths show as given, relative to the working folder");
        }
        finally
        {
            File.Delete(sarifPath);
        }
    }

    [Fact]
    public void No_default_rules_needs_rules()
    {
        CliRunner.Run("check", "drafts", "--no-default-rules").ExitCode.Should().Be(ExitCodes.Error);
    }

    [Fact]
    public void Quiet_leaves_compliant_clauses_out_of_the_text_report()
    {
        var result = CliRunner.Run(Check("drafts/liberalising.json", "--quiet"));
        result.Output.Should().NotContain("8.4  compliant").And.Contain("1 compliant clause not shown");
    }
}

public class ProgressTests
{
    [Fact]
    public void Progress_goes_to_standard_error_on_a_terminal_when_checking_many_files()
    {
        var terminal = new CliEnvironment { WorkingDirectory = CliRunner.RepositoryRoot, ErrorIsTerminal = true };
        var result = CliRunner.Run(terminal, "check", "src/PolicyRules.Samples/drafts", "--format", "json");
        result.Error.Should().Contain("\rchecking 5/5");
        Newtonsoft.Json.Linq.JObject.Parse(result.Output).Should().NotBeNull("progress never reaches standard output");

        var redirected = CliRunner.Run(new CliEnvironment { WorkingDirectory = CliRunner.RepositoryRoot }, "check", "src/PolicyRules.Samples/drafts");
        redirected.Error.Should().NotContain("checking");

        var quiet = CliRunner.Run(terminal, "check", "src/PolicyRules.Samples/drafts", "--quiet");
        quiet.Error.Should().NotContain("checking");
    }
}
