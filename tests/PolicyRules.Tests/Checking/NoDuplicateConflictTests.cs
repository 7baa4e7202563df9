using PolicyRules.Checking;
using PolicyRules.Checking.Verification;
using PolicyRules.Domain.Drafts;
using PolicyRules.Tests.Language;

namespace PolicyRules.Tests.Checking;

/// <summary>One conflict per rule and principle on a clause, one line per answer: across every draft the repository holds.</summary>
public class NoDuplicateConflictTests
{
    [Fact]
    public void No_report_of_the_bundled_drafts_or_the_rule_tests_lists_a_conflict_or_a_mitigation_twice()
    {
        var checker = new PolicyChecker();
        var drafts = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src", "PolicyRules.Samples", "drafts"), "*.json")
            .Select(f => new DraftReader().ReadFile(f))
            .Concat(RuleTestRunner.Load([Path.Combine(RepositoryFiles.Rules, "tests")]).Cases.Select(c => c.Draft))
            .ToArray();

        drafts.Should().HaveCountGreaterThan(150);
        foreach (var report in drafts.Select(checker.Check))
        {
            foreach (var clause in report.Clauses)
            {
                clause.Conflicts.GroupBy(c => (c.Rule, c.Principle)).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).Should().BeEmpty( $"{report.Path} {clause.Id}");
                foreach (var conflict in clause.Conflicts)
                {
                    conflict.Mitigations.GroupBy(m => (m.Rule, m.By, m.Extent, m.Message)).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).Should().BeEmpty( $"{report.Path} {clause.Id} {conflict.Rule}");
                }
            }

            report.Findings.GroupBy(f => (f.Rule, f.Principle, f.Kind)).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).Should().BeEmpty( report.Path);
        }
    }
}
