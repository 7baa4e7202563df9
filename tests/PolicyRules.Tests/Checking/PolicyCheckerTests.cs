using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using PolicyRules.Checking;
using PolicyRules.Checking.Report;
using PolicyRules.DependencyInjection;
using PolicyRules.Domain.Drafts;
using PolicyRules.Reporting;

namespace PolicyRules.Tests.Checking;

public class PolicyCheckerTests
{
    private static readonly Lazy<PolicyChecker> Default = new(() => new PolicyChecker());

    private static Draft Read(string json, string path = "drafts/demo.json") => new DraftReader().Read(json, path);

    [Fact]
    public void Every_clause_comes_out_with_a_verdict_and_a_broken_one_does_not_hide_the_others()
    {
        var document = Default.Value.Check(Read(Drafts.Mixed));

        document.Clauses.Select(c => (c.Id, c.Verdict)).Should().Equal(
            ("8.4", Verdict.Conflict), ("1.1", Verdict.Supports), ("9.9", Verdict.Compliant), ("bad", Verdict.Error));
        document.Verdict.Should().Be(Verdict.Error, "the worst clause verdict is the document's");
        document.Clauses[3].Diagnostics.Single().Code.Should().Be(DraftDiagnosticCodes.InvalidValue);

        var conflict = document.Clauses[0].Conflicts.Single();
        conflict.Rule.Should().Be("LIB-001");
        conflict.Principle.Should().Be("no-culture-liberalisation");
        conflict.Parties.Should().Equal("CAN", "MEX");
        conflict.Status.Should().Be(ConflictStatus.Open);
        conflict.Remedy.Should().Contain("cultural exemption");
        conflict.Evidence.Select(e => e.Field).Should().Equal("kind", "sectors");
    }

    [Fact]
    public void A_support_found_twice_in_one_clause_is_reported_once()
    {
        var document = Default.Value.Check(Read("""
            { "agreement": { "id": "a", "parties": [ { "code": "CAN" }, { "code": "KOR" } ] },
              "clauses": [ { "id": "17.1", "title": "Cultural Cooperation",
                "text": "The Parties shall promote cultural cooperation and exchanges. The Parties shall cooperate in the audiovisual field through co-production and training." } ] }
            """));

        var supports = document.Clauses.Single().Supports;
        supports.Should().Contain(s => s.Principle == "international-cooperation");
        supports.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_mitigation_from_another_clause_changes_the_status_and_the_verdict()
    {
        var folder = Directory.CreateTempSubdirectory("policyrules-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "mitigations.json"), Drafts.MitigationRules);
            var options = new PolicyCheckerOptions();
            options.RulePaths.Add(folder.FullName);
            var checker = new PolicyChecker(options);

            var document = checker.Check(Read(Drafts.Reservation));

            var clause = document.Clauses.Single(c => c.Id == "8.4");
            clause.Verdict.Should().Be(Verdict.PartiallyMitigated);
            clause.Conflicts.Single().Parties.Should().Equal("CAN");
            clause.Conflicts.Single().Mitigations.Should().Equal(new MitigationReport("MIT-T", "II-1", "partial", "II-1 reserves part of it"));
            checker.Rulebooks.Select(b => b.Name).Should().Equal("unesco-2005", "mitigations");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Options_disable_rules_and_override_severities()
    {
        var options = new PolicyCheckerOptions();
        options.DisabledRules.Add("SUP-001");
        options.SeverityOverrides["LIB-001"] = "critical";
        var checker = new PolicyChecker(options);

        var document = checker.Check(Read(Drafts.Mixed));

        checker.Rules.Select(r => r.Id).Should().NotContain("SUP-001");
        document.Clauses.Single(c => c.Id == "1.1").Verdict.Should().Be(Verdict.Compliant);
        document.Clauses.Single(c => c.Id == "8.4").Conflicts.Single().Severity.Should().Be("critical");
    }

    [Fact]
    public void Options_naming_unknown_rules_or_severities_refuse_to_build_a_checker_and_name_each()
    {
        var options = new PolicyCheckerOptions();
        options.DisabledRules.Add("SUP-01");
        options.SeverityOverrides["LIB-001"] = "severe";
        options.SeverityOverrides["LIB-999"] = "high";

        var build = () => new PolicyChecker(options);

        build.Should().Throw<ArgumentException>().Which.Message.Should()
            .Contain("DisabledRules names 'SUP-01'").And.Contain("Did you mean 'SUP-001'?")
            .And.Contain("gives LIB-001 the severity 'severe'").And.Contain("critical, high, medium, low, info")
            .And.Contain("SeverityOverrides names 'LIB-999'");
    }

    [Fact]
    public void Rules_with_errors_refuse_to_build_a_checker_and_say_why()
    {
        var folder = Directory.CreateTempSubdirectory("policyrules-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "broken.json"), """{ "rulebook": "b", "version": "1", "rules": [ { "id": "X", "when": [ { "match": "Clause", "as": "c", "where": { "sectros": "x" } } ], "then": [] } ] }""");
            var options = new PolicyCheckerOptions();
            options.RulePaths.Add(folder.FullName);

            var act = () => new PolicyChecker(options);

            act.Should().Throw<RulebookException>().Which.Diagnostics.Should().Contain(d => d.Code == "PR1004" && d.File!.EndsWith("broken.json"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_unreadable_draft_is_an_error_document_with_its_diagnostic()
    {
        var document = Default.Value.Check(Read("{ not json", "drafts/broken.json"));

        document.Verdict.Should().Be(Verdict.Error);
        document.Agreement.Should().BeNull();
        document.Diagnostics.Single().Code.Should().Be(DraftDiagnosticCodes.MalformedJson);
    }

    [Fact]
    public void Checking_many_drafts_in_parallel_gives_the_report_of_checking_them_one_by_one()
    {
        var drafts = Enumerable.Range(0, 24)
            .Select(i => Read(i % 2 == 0 ? Drafts.Mixed : Drafts.Reservation, $"drafts/{i:D2}.json"))
            .Reverse()
            .ToArray();

        var report = Default.Value.CheckAll(drafts);

        report.Documents.Select(d => d.Path).Should().BeInAscendingOrder(StringComparer.Ordinal);
        report.Documents.Select(d => Strip(d)).Should().Equal(drafts.OrderBy(d => d.Path, StringComparer.Ordinal).Select(d => Strip(Default.Value.Check(d))));
        report.Summary.Clauses.Should().Be(drafts.Sum(d => d.Clauses.Count), "every clause read is reported");
        report.Summary.Verdicts.Values.Sum().Should().Be(report.Summary.Clauses);
        report.Summary.Verdicts[Verdict.Conflict].Should().Be(24);
        report.Summary.Conflicts["high"].Should().Be(24);
    }

    [Fact]
    public void The_same_draft_gives_a_byte_identical_report_apart_from_the_run()
    {
        string Json() => JsonReportWriter.ToJson(Default.Value.CheckAll([Read(Drafts.Mixed), Read(Drafts.Reservation, "drafts/res.json")]));

        var first = JObject.Parse(Json());
        var second = JObject.Parse(Json());
        first.Remove("run");
        second.Remove("run");

        first.ToString().Should().Be(second.ToString());
    }

    [Fact]
    public void The_json_report_has_the_fields_of_the_contract()
    {
        var json = JObject.Parse(JsonReportWriter.ToJson(Default.Value.CheckAll([Read(Drafts.Mixed)])));

        json["tool"]!["name"]!.ToString().Should().Be("policy-check");
        json["rulebooks"]![0]!["sha256"]!.ToString().Should().MatchRegex("^[0-9a-f]{64}$");
        ((int)json["rulebooks"]![0]!["rules"]!).Should().BeGreaterThan(0);
        json["run"]!["startedAt"].Should().NotBeNull();
        var document = json["documents"]![0]!;
        document["path"]!.ToString().Should().Be("drafts/demo.json");
        document["perspective"]!.Type.Should().Be(JTokenType.Null);
        document["agreement"]!["id"]!.ToString().Should().Be("demo");
        var conflict = document["clauses"]![0]!["conflicts"]![0]!;
        ((JObject)conflict).Properties().Select(p => p.Name).Should().Contain(
            ["rule", "principle", "basis", "severity", "parties", "message", "remedy", "evidence", "mitigations", "status"]);
        document["clauses"]![1]!["supports"]![0]!["principle"]!.ToString().Should().Be("convention-reference");
        ((JObject)json["summary"]!["verdicts"]!).Properties().Select(p => p.Name).Should().Equal(Verdict.WorstFirst);
        ((JObject)json["summary"]!["conflicts"]!).Properties().Select(p => p.Name).Should().Equal("critical", "high", "medium", "low", "info");
    }

    [Fact]
    public void AddPolicyRules_registers_one_checker_configured_by_its_options()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPolicyRules(options => options.DisabledRules.Add("LIB-001"));
        using var provider = services.BuildServiceProvider();

        var checker = provider.GetRequiredService<IPolicyChecker>();

        checker.Should().BeSameAs(provider.GetRequiredService<IPolicyChecker>());
        checker.Rules.Select(r => r.Id).Should().NotContain("LIB-001");
        checker.Check(Read(Drafts.Mixed)).Clauses[0].Verdict.Should().Be(Verdict.Compliant);
    }

    [Fact]
    public void Every_call_of_AddPolicyRules_and_Configure_applies_and_the_checker_resolves_as_itself_too()
    {
        var services = new ServiceCollection();
        services.AddPolicyRules(options => options.DisabledRules.Add("LIB-001"));
        services.AddPolicyRules(options => options.DisabledRules.Add("SUP-001"));
        services.Configure<PolicyCheckerOptions>(options => options.DisabledRules.Add("CONV-001"));
        using var provider = services.BuildServiceProvider();

        var checker = provider.GetRequiredService<IPolicyChecker>();

        checker.Rules.Select(r => r.Id).Should().NotContain(["LIB-001", "SUP-001", "CONV-001"]).And.Contain("LIB-002");
        provider.GetRequiredService<PolicyChecker>().Should().BeSameAs(checker);
    }

    [Fact]
    public void CheckAll_stops_when_cancelled_and_throws_what_the_drafts_sequence_throws_as_it_is()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var stopped = () => Default.Value.CheckAll([Read(Drafts.Mixed)], cancelled.Token);
        var failing = () => Default.Value.CheckAll(new[] { "drafts/a.json", "" }.Select(path => new DraftReader().ReadFile(path)));

        stopped.Should().Throw<OperationCanceledException>();
        failing.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("path");
    }

    [Fact]
    public void Report_of_drafts_checked_one_by_one_is_the_report_CheckAll_makes()
    {
        var drafts = new[] { Read(Drafts.Reservation, "drafts/res.json"), Read(Drafts.Mixed) };
        var run = new RunInfo(DateTimeOffset.UnixEpoch, 0);

        var report = Default.Value.Report(drafts.Select(Default.Value.Check), run);

        JsonReportWriter.ToJson(report).Should().Be(JsonReportWriter.ToJson(Default.Value.CheckAll(drafts) with { Run = run }));
    }

    [Fact]
    public void A_rulebook_checked_with_rules_switched_off_or_reweighted_says_so_in_the_report()
    {
        var options = new PolicyCheckerOptions();
        options.DisabledRules.Add("SUP-001");
        options.DisabledRules.Add("CONV-001");
        options.SeverityOverrides["LIB-001"] = Severity.Critical;
        var checker = new PolicyChecker(options);

        var json = JObject.Parse(JsonReportWriter.ToJson(checker.CheckAll([Read(Drafts.Mixed)])));
        var plain = JObject.Parse(JsonReportWriter.ToJson(Default.Value.CheckAll([Read(Drafts.Mixed)])));

        json["rulebooks"]![0]!["disabled"]!.Values<string>().Should().Equal("CONV-001", "SUP-001");
        json["rulebooks"]![0]!["severityOverrides"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be("""{"LIB-001":"critical"}""");
        ((JObject)plain["rulebooks"]![0]!).Properties().Select(p => p.Name).Should().Equal("name", "version", "sha256", "rules");
        JsonReportReader.Read(json.ToString()).Rulebooks[0].Disabled.Should().Equal("CONV-001", "SUP-001");
    }

    [Fact]
    public void The_clauses_of_a_draft_that_could_not_be_checked_are_errors_not_compliant()
    {
        var document = Default.Value.Check(Read("""
            { "clauses": [ { "id": "8.2", "text": "Each Party shall accord market access …", "kind": "market-access", "sectors": ["av-radio-tv"] },
                           { "id": "8.3", "text": "broken", "sectors": "music" } ] }
            """));

        document.Verdict.Should().Be(Verdict.Error);
        document.Diagnostics.Single().Code.Should().Be(DraftDiagnosticCodes.MissingField);
        document.Clauses.Select(c => (c.Id, c.Verdict)).Should().Equal(("8.2", Verdict.Error), ("8.3", Verdict.Error));
        document.Clauses[1].Diagnostics.Single().Code.Should().Be(DraftDiagnosticCodes.InvalidValue, "a clause's own diagnostics are kept");
        PolicyChecker.Summarize([document]).Verdicts[Verdict.Error].Should().Be(2);
    }

    [Fact]
    public void Rules_given_as_text_are_loaded_after_the_rule_paths()
    {
        var options = new PolicyCheckerOptions();
        options.RuleSources.Add(PolicyRules.Language.RulebookSource.FromText(Drafts.MitigationRules, "embedded/mitigations.json"));

        var checker = new PolicyChecker(options);

        checker.Rules.Should().Contain(r => r.Id == "MIT-T" && r.Rulebook == "mitigations");
        checker.Rulebooks.Select(b => b.Name).Should().EndWith("mitigations");
    }

    [Fact]
    public void A_folder_of_rules_without_a_rule_file_is_refused_with_its_path()
    {
        var folder = Directory.CreateTempSubdirectory("policyrules-empty-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "tests"));
            File.WriteAllText(Path.Combine(folder.FullName, "tests", "t.json"), "{}");
            var options = new PolicyCheckerOptions();
            options.RulePaths.Add(folder.FullName);

            var act = () => new PolicyChecker(options);

            act.Should().Throw<ArgumentException>().WithMessage($"*RulePaths names '{folder.FullName}', a folder with no rule file*");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_rule_file_warning_is_logged()
    {
        var folder = Directory.CreateTempSubdirectory("policyrules-warn-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "mine.json"), """{ "rulebook": "mine", "version": "1", "disable": ["NO-SUCH-RULE"], "rules": [] }""");
            var logs = new RecordingLoggerProvider();
            var services = new ServiceCollection();
            services.AddLogging(logging => logging.AddProvider(logs));
            services.AddPolicyRules(options => options.RulePaths.Add(folder.FullName));
            using var provider = services.BuildServiceProvider();

            var checker = provider.GetRequiredService<IPolicyChecker>();

            var warning = checker.RuleDiagnostics.Should().ContainSingle(d => !d.IsError).Which;
            logs.Entries.Should().Contain((LogLevel.Warning, warning.ToString()));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Strip(DocumentReport document) => Newtonsoft.Json.JsonConvert.SerializeObject(document);
}
