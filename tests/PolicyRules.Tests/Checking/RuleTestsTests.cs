using PolicyRules.Checking;
using PolicyRules.Checking.Verification;
using PolicyRules.Tests.Language;

namespace PolicyRules.Tests.Checking;

/// <summary>The rulebook's own tests (<c>rules/tests/</c>), one theory row per case, and the runner itself.</summary>
public class RuleTestsTests
{
    private static readonly Lazy<PolicyChecker> Checker = new(() => new PolicyChecker());

    private static readonly Lazy<IReadOnlyList<RuleTestCase>> Cases = new(() =>
    {
        var (cases, diagnostics) = RuleTestRunner.Load([Path.Combine(RepositoryFiles.Rules, "tests")]);
        diagnostics.Should().BeEmpty();
        return cases;
    });

    public static TheoryData<string> CaseNames() => [.. Cases.Value.Select(c => $"{Path.GetFileName(c.File)}: {c.Name}")];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_rule_test_passes(string name)
    {
        var testCase = Cases.Value.Single(c => $"{Path.GetFileName(c.File)}: {c.Name}" == name);

        var result = RuleTestRunner.Run(Checker.Value, [testCase]).Single();

        result.Failures.Should().BeEmpty();
    }

    [Fact]
    public void A_failing_case_says_what_was_expected_and_what_came()
    {
        var (cases, diagnostics) = RuleTestRunner.Parse("""
            { "name": "x", "cases": [ { "name": "wrong on purpose",
              "draft": { "agreement": { "id": "a", "parties": [ { "code": "X" } ] },
                         "clauses": [ { "id": "1", "text": "…", "kind": "market-access", "sectors": ["music", "av-radio-tv"] } ] },
              "expect": { "verdict": "compliant", "clauses": { "1": { "verdict": ["compliant", "mitigated"], "conflicts": [] }, "2": {} } } } ] }
            """, "wrong.json");

        diagnostics.Should().BeEmpty();
        var result = RuleTestRunner.Run(Checker.Value, cases).Single();

        result.Passed.Should().BeFalse();
        result.Failures.Should().Equal(
            "document: expected verdict compliant, got conflict",
            "clause 1: expected verdict compliant or mitigated, got conflict (LIB-001 no-culture-liberalisation open)",
            "clause 1 conflicts: expected [], got [no-culture-liberalisation]",
            "clause 2: not in the report");
    }

    [Fact]
    public void A_misspelt_expectation_is_an_error_not_a_case_that_checks_nothing_and_passes()
    {
        var (cases, diagnostics) = RuleTestRunner.Parse("""
            { "name": "x", "cases": [ { "name": "typos",
              "draft": { "agreement": { "id": "a", "parties": [ { "code": "X" } ] }, "clauses": [ { "id": "1", "text": "…" } ] },
              "expect": { "verdcit": "conflict", "clauses": { "1": { "status": { "LIB-001": "open" } } } } } ] }
            """, "typos.json");

        cases.Should().BeEmpty("a case whose expectations cannot be read is not run");
        diagnostics.Select(d => d.ToString()).Should().Equal(
            "typos.json(3,15): error PR3001: 'verdcit' is not a field of 'expect'. Did you mean 'verdict'? Fields: verdict, findings, findingRules, clauses.",
            "typos.json(3,58): error PR3001: 'status' is not a field of a clause's expectation. Did you mean 'statuses'? Fields: verdict, conflicts, supports, candidates, rules, statuses, parties.");
    }

    [Fact]
    public void A_case_that_names_a_rule_not_in_force_says_its_file_may_not_be_loaded()
    {
        var (cases, _) = RuleTestRunner.Parse("""
            { "name": "x", "cases": [ { "name": "my rule",
              "draft": { "agreement": { "id": "a", "parties": [ { "code": "X" } ] }, "clauses": [ { "id": "1", "text": "…", "kind": "market-access", "sectors": ["music"] } ] },
              "expect": { "clauses": { "1": { "rules": ["LIB-001", "OUR-001"], "statuses": { "OUR-001": "open" } } } } } ] }
            """, "mine.json");

        var failures = RuleTestRunner.Run(Checker.Value, cases).Single().Failures;

        failures.Should().Contain("clause 1: no rule in force is or reports 'OUR-001': is its rule file loaded?");
        failures.Should().Contain("clause 1: expected OUR-001 open, got no such conflict (no rule in force is or reports 'OUR-001': is its rule file loaded?)");
    }

    [Fact]
    public void Agreement_level_conflicts_are_expected_by_rule_id_too()
    {
        var (cases, diagnostics) = RuleTestRunner.Parse("""
            { "name": "x", "cases": [ { "name": "agreement rules",
              "draft": { "agreement": { "id": "a", "parties": [ { "code": "X" } ] }, "clauses": [ { "id": "1", "text": "…" } ] },
              "expect": { "findingRules": ["CONV-001", "OUR-002"] } } ] }
            """, "agreement.json");

        diagnostics.Should().BeEmpty();
        RuleTestRunner.Run(Checker.Value, cases).Single().Failures.Should().Equal(
            "agreement finding rules: expected [CONV-001, OUR-002], got [CONV-001]",
            "agreement: no rule in force is or reports 'OUR-002': is its rule file loaded?");
    }

    [Fact]
    public void A_rule_file_given_as_tests_is_named_for_what_it_is()
    {
        RuleTestRunner.Parse("""{ "rulebook": "mine", "version": "1", "rules": [] }""", "mine.json").Diagnostics.Single().Message
            .Should().StartWith("This is a rule file, not a test file");
    }

    [Fact]
    public void A_malformed_test_file_is_a_diagnostic_not_a_crash()
    {
        RuleTestRunner.Parse("""{ "cases": [ { "name": "no draft" } ] }""", "bad.json").Diagnostics.Single().Code
            .Should().Be(RuleTestDiagnosticCodes.Malformed);
        RuleTestRunner.Parse("""{ "cases": [ """, "bad.json").Diagnostics.Single().Code
            .Should().Be(RuleTestDiagnosticCodes.Malformed);
    }
}
