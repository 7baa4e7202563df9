using Newtonsoft.Json.Linq;
using PolicyRules.Cli;

namespace PolicyRules.Cli.Tests;

public class OtherCommandTests
{
    [Fact]
    public void Verify_runs_the_repository_rule_tests_by_default()
    {
        var result = CliRunner.Run(new PolicyRules.Cli.CliEnvironment { WorkingDirectory = CliRunner.RepositoryRoot }, "verify");

        // Whether the rulebook passes its own tests is the rulebook's business; here: ./rules/tests was found and run.
        result.ExitCode.Should().BeOneOf([ExitCodes.Success, ExitCodes.Failed], result.Output + result.Error);
        result.Output.Should().MatchRegex(@"(PASS|FAIL): \d+/\d+");
        result.Output.Should().MatchRegex(@"\d+ passed, \d+ failed");
    }

    [Fact]
    public void Verify_prints_each_failing_case_with_expected_and_actual_and_exits_1()
    {
        var result = CliRunner.Run("verify", "ruletests", "-v");

        result.ExitCode.Should().Be(ExitCodes.Failed);
        result.Output.Should().Contain("FAIL ruletests/failing.json:").And.Contain("national treatment in broadcasting is expected compliant (wrong)");
        result.Output.Should().Contain("clause 1.1: expected verdict compliant, got conflict");
        result.Output.Should().Contain("PASS ruletests/failing.json:").And.Contain("FAIL: 1/2").And.Contain("1 passed, 1 failed");
    }

    [Fact]
    public void Verify_without_a_folder_and_no_rules_tests_is_a_usage_error()
    {
        CliRunner.Run("verify").ExitCode.Should().Be(ExitCodes.Error);
        CliRunner.Run("verify", "nowhere").ExitCode.Should().Be(ExitCodes.Error);
    }

    [Fact]
    public void Rules_lists_id_principle_severity_and_basis()
    {
        var result = CliRunner.Run("rules");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Output.Split('\n')[0].Should().MatchRegex(@"^ID\s+PRINCIPLE\s+SEVERITY\s+BASIS$");
        result.Output.Should().MatchRegex(@"LIB-001\s+no-culture-liberalisation\s+high\s+Convention Art\. 5");
    }

    [Fact]
    public void Rules_filters_by_principle()
    {
        var result = CliRunner.Run(["rules", "--principle", "cultural-exemption-present", .. CliRunner.TestRules]);

        result.Output.Should().Contain("T-SUP-002").And.NotContain("T-LIB-001").And.Contain("1 rule from cli-test 1.0.0.");
        CliRunner.Run("rules", "--principle", "no-such-principle").ExitCode.Should().Be(ExitCodes.Error);
        var american = CliRunner.Run("rules", "--principle", "no-culture-liberalization");
        american.ExitCode.Should().Be(ExitCodes.Error);
        american.Error.Should().Contain("no rule checks the principle 'no-culture-liberalization'. Did you mean 'no-culture-liberalisation'?");
    }

    [Fact]
    public void Explain_prints_the_rule_with_basis_and_remedy()
    {
        var result = CliRunner.Run("explain", "LIB-001");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Output.Should().StartWith("LIB-001: ").And.Contain("no-culture-liberalisation").And.Contain("Basis").And.Contain("Convention Art. 20.1(b)").And.Contain("Remedy");
    }

    [Theory]
    [InlineData("SUP-001", "reports a clause that advances the principle 'convention-reference'", "A support never fails a run.")]
    [InlineData("LIB-REV", "sends a clause to review on the principle 'no-culture-liberalisation'", "it never fails a run.")]
    [InlineData("MIT-REMUN", "finds what in the agreement answers a conflict", "no longer fails a run.")]
    public void Explain_says_what_a_rule_that_finds_no_conflict_reports_and_that_it_fails_no_run(string rule, string does, string fails)
    {
        var result = CliRunner.Run("explain", rule);

        result.ExitCode.Should().Be(ExitCodes.Success);
        var words = string.Join(' ', result.Output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)); // as wrapped for a terminal
        words.Should().Contain(does).And.Contain(fails).And.NotContain("--fail-on").And.NotContain("Remedy");
    }

    [Theory]
    [InlineData("agreement")]
    [InlineData("(agreement)")]
    public void Why_agreement_explains_the_agreements_own_findings(string selector)
    {
        var result = CliRunner.Run(new CliEnvironment { WorkingDirectory = CliRunner.RepositoryRoot }, "why", "src/PolicyRules.Samples/drafts/ausfta-no-exemption.json", selector);

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Output.Should().StartWith("Agreement ausfta · all parties · verdict conflict")
            .And.Contain("Findings of the agreement as a whole")
            .And.Contain("  CEX-001  cultural-exemption-present  [open]")
            .And.Contain("nothing in the draft answers it");
    }

    [Fact]
    public void Explain_reads_a_negated_pattern_as_unless()
    {
        CliRunner.Run("explain", "ISDS-001").Output.Should().Contain("a Clause (c) unless its disputeSettlement.isds is false");
    }

    [Fact]
    public void Explain_puts_the_article_a_fact_type_takes_and_gives_a_severity_to_conflicts_alone()
    {
        var tagging = CliRunner.Run("explain", "CLS-PART").Output;
        var conflict = CliRunner.Run("explain", "LIB-001").Output;

        tagging.Should().Contain("- an Agreement (a)").And.Contain("- there is a Clause whose agreementId is a.id");
        tagging.Should().NotContain("Severity", "a rule that only tags reports nothing a severity could rank");
        conflict.Should().Contain("  Severity      high");
    }

    [Fact]
    public void Explain_shows_the_order_the_network_joins_a_rules_patterns_in()
    {
        // Written clause first; the planner starts from the exemption's tag, which tests constants,
        // reaches its clause by identity, then the few conflicts of one principle, and their clause.
        var result = CliRunner.Run("explain", "MIT-REMUN");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Output.Should().Contain("Joins $tage → $e → $k → $c (the planner's order; written $c → $k → $tage → $e)");
    }

    [Fact]
    public void Explain_shows_the_conditions_in_words_and_the_lexicon_terms_in_every_language()
    {
        var result = CliRunner.Run("explain", "CLS-K07C");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Output.Should().Contain("Looks for")
            .And.Contain("a Clause (c) whose kind is missing")
            .And.Contain("there is no ClauseReading whose subject is c and headings contains 'heading-procedure'")
            .And.Contain("Lexicon terms")
            .And.Contain("isds-consent")
            .And.Contain("en: consents to the submission")
            .And.Contain("es: consiente en someter*")
            .And.Contain("fr: consent à la soumission");
    }

    [Fact]
    public void Read_shows_language_function_title_and_each_set_engaged_carved_out_or_only_cited()
    {
        var file = Path.Combine(Path.GetTempPath(), $"policy-check-read-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, """
                { "agreement": { "id": "a", "parties": [ { "code": "CAN" }, { "code": "KOR" } ] },
                  "clauses": [
                    { "id": "13.2", "title": "Scope and Coverage", "text": "This Chapter does not apply to measures relating to broadcasting. With respect to Article 9.10 (Performance Requirements), it applies to all service suppliers." },
                    { "id": "13.3", "text": "Las Partes cooperarán en el ámbito de la cultura." } ] }
                """);

            var result = CliRunner.Run("read", file, "--clause", "13.2");

            result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
            result.Output.Should().StartWith("13.2  [en] exclusion")
                .And.Contain("title: heading-scope")
                .And.MatchRegex(@"- broadcasting\s+broadcasting")
                .And.MatchRegex(@"@ performance-req\s+Performance Requirements")
                .And.MatchRegex(@"\+ services\s+service suppliers")
                .And.NotContain("13.3");
            CliRunner.Run("read", file).Output.Should().Contain("13.3  [es] cooperation");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Read_says_which_cited_provisions_the_draft_holds_and_names_no_empty_list()
    {
        var file = Path.Combine(Path.GetTempPath(), $"policy-check-read-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, """
                { "agreement": { "id": "a", "parties": [ { "code": "CAN" } ] },
                  "clauses": [
                    { "id": "13.2", "text": "With respect to Article 9.10 and Annex I, this Chapter applies to all service suppliers." },
                    { "id": "13.3", "text": "Annex II sets out the reservations of each Party." },
                    { "id": "9.10", "text": "Neither Party may impose performance requirements." } ] }
                """);

            var result = CliRunner.Run("read", file);

            result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
            result.Output.Should().Contain("  cites: 9.10 (in the draft); Annex I (outside the draft)")
                .And.Contain("  cites: Annex II (outside the draft)")
                .And.NotContain("cites: ;");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Explain_of_an_unknown_rule_exits_2()
    {
        var result = CliRunner.Run("explain", "LIB-999");
        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("no rule 'LIB-999'").And.Contain("LIB-001");
    }

    [Theory]
    [InlineData("draft", "PolicyRules draft")]
    [InlineData("rules", "PolicyRules rulebook")]
    public void Schema_prints_the_json_schemas(string name, string title)
    {
        var result = CliRunner.Run("schema", name);
        result.ExitCode.Should().Be(ExitCodes.Success);
        var schema = JObject.Parse(result.Output);
        schema["title"]!.Value<string>().Should().Be(title);
        schema["$schema"]!.Value<string>().Should().Be("http://json-schema.org/draft-07/schema#");
    }

    [Fact]
    public void Version_prints_the_tool_version()
    {
        var result = CliRunner.Run("--version");
        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Output.Trim().Should().Be($"policy-check {PolicyRules.Checking.PolicyChecker.Version}");
    }

    [Theory]
    [InlineData]
    [InlineData("check")]
    [InlineData("verify")]
    [InlineData("rules")]
    [InlineData("explain")]
    [InlineData("schema")]
    public void Help_on_every_command_has_examples(params string[] command)
    {
        var result = CliRunner.Run([.. command, "--help"]);
        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Output.Should().Contain("Usage:").And.Contain("Examples:").And.Contain("policy-check " + (command.Length == 0 ? "check" : command[0]));
    }

    [Fact]
    public void Why_explains_one_clause_with_what_answers_its_conflicts()
    {
        var result = CliRunner.Run(new PolicyRules.Cli.CliEnvironment { WorkingDirectory = CliRunner.RepositoryRoot }, "why", "src/PolicyRules.Samples/drafts/ckfta-cultural-exemption.json", "9.2");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Output.Should().StartWith("Clause 9.2 of ckfta · perspective CAN · verdict mitigated");
        result.Output.Should().Contain("exempted-by = 22.6 on clause 9.2  (CLS-C01)");
        result.Output.Should().MatchRegex(@"LIB-001\s+no-culture-liberalisation\s+\[mitigated\]");
        result.Output.Should().Contain("by 22.6, MIT-EXEMPT");
    }

    [Fact]
    public void Why_asks_a_needs_review_s_question_and_names_the_annexes_it_turns_on()
    {
        var result = CliRunner.Run(new PolicyRules.Cli.CliEnvironment { WorkingDirectory = CliRunner.RepositoryRoot }, "why", "src/PolicyRules.Samples/drafts/cptpp-digital-trade.json", "9.12");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Output.Should().StartWith("Clause 9.12 of cptpp · all parties · verdict needs-review");
        result.Output.Should().Contain("  ? no-standstill-ratchet-culture (STR-REV): Standstill/ratchet machinery whose schedules are not in the draft. The clause cites Annex I, Annex II, which the draft does not hold.");
    }

    [Fact]
    public void Why_names_the_clauses_when_the_one_asked_for_is_not_there()
    {
        var result = CliRunner.Run(new PolicyRules.Cli.CliEnvironment { WorkingDirectory = CliRunner.RepositoryRoot }, "why", "src/PolicyRules.Samples/drafts/ckfta-cultural-exemption.json", "9.9");

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("no clause '9.9'").And.Contain("9.2, 9.4, 22.6");
    }

    [Fact]
    public void Why_and_read_say_a_clause_could_not_be_read_with_its_diagnostic_and_exit_2()
    {
        var folder = Directory.CreateTempSubdirectory("policy-check-broken-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "broken.json"), """
                { "agreement": { "id": "a", "parties": [ { "code": "CAN" } ] },
                  "clauses": [
                    { "id": "1", "text": "Each Party shall accord national treatment to audiovisual services suppliers." },
                    { "id": "2", "text": "Market access.", "sectors": "music" } ] }
                """);
            var environment = new PolicyRules.Cli.CliEnvironment { WorkingDirectory = folder.FullName };

            var why = CliRunner.Run(environment, "why", "broken.json", "2");
            var read = CliRunner.Run(environment, "read", "broken.json");
            var unknown = CliRunner.Run(environment, "read", "broken.json", "--clause", "9");

            why.ExitCode.Should().Be(ExitCodes.Error);
            why.Error.Should().Contain("broken.json(4,55): error PR2003").And.Contain("clause '2' of broken.json could not be read (see above).");
            read.ExitCode.Should().Be(ExitCodes.Error);
            read.Output.Should().StartWith("1  [en] obligation").And.Contain("2  not read: see its diagnostics");
            read.Error.Should().StartWith("broken.json(4,55): error PR2003");
            unknown.ExitCode.Should().Be(ExitCodes.Error);
            unknown.Error.Should().Contain("no clause '9' in broken.json. Clauses: 1, 2.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
