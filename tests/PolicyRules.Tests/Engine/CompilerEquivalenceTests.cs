using PolicyRules.Analysis;
using PolicyRules.Checking;
using PolicyRules.Checking.Verification;
using PolicyRules.Domain;
using PolicyRules.Domain.Drafts;
using PolicyRules.Engine;
using PolicyRules.Engine.Compilation;
using PolicyRules.Language;
using PolicyRules.Tests.Language;

namespace PolicyRules.Tests.Engine;

/// <summary>
/// The shipped rulebook compiles with FastExpressionTreeCompiler for speed, and the checker tiers it
/// (interpreted first); the same network compiled with System.Linq.Expressions must derive exactly the
/// same facts from every draft the repository holds.
/// </summary>
public class CompilerEquivalenceTests
{
    [Fact]
    public void Every_compiler_derives_the_same_facts_from_every_draft()
    {
        var set = new RulebookLoader(ConventionCatalog.Create()).Load(EmbeddedRulebook.Sources());
        var fast = set.Compile(new RuleNetworkOptions { ExpressionCompiler = FastExpressionTreeCompiler.Instance });
        var system = set.Compile(new RuleNetworkOptions { ExpressionCompiler = SystemExpressionCompiler.Instance });

        // A low threshold, so that the drafts below run both tiers of most delegates.
        var tiered = set.Compile(new RuleNetworkOptions { ExpressionCompiler = new TieredExpressionCompiler(FastExpressionTreeCompiler.Instance, callsBeforeCompiling: 3) });
        var analyzer = new TextAnalyzer(EmbeddedLexicons.All);
        var drafts = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src", "PolicyRules.Samples", "drafts"), "*.json")
            .Select(f => new DraftReader().ReadFile(f))
            .Concat(RuleTestRunner.Load([Path.Combine(RepositoryFiles.Rules, "tests")]).Cases.Select(c => c.Draft))
            .Where(d => d.Agreement is not null)
            .ToArray();

        foreach (var draft in drafts)
        {
            object[] facts = [.. draft.Facts(), .. analyzer.Analyze(draft)];
            var expected = Derived(system, facts);
            Derived(fast, facts).Should().Equal(expected, draft.Path);
            Derived(tiered, facts).Should().Equal(expected, draft.Path);
        }
    }

    private static string[] Derived(RuleNetwork network, object[] facts)
    {
        using var session = network.CreateSession();
        session.InsertAll(facts);
        session.Fire();
        return session.Query<Tag>().Select(t => $"tag {t.RuleId} {t.Name}={t.Value} on {t.Subject}")
            .Concat(session.Query<Conflict>().Select(c => $"conflict {c.RuleId} {c.Principle} on {c.Subject}: {c.Message}"))
            .Concat(session.Query<Mitigation>().Select(m => $"mitigation {m.RuleId} {m.Extent} of {m.Conflict.RuleId} by {m.By} for {string.Join(",", m.Parties)}"))
            .Concat(session.Query<Support>().Select(s => $"support {s.RuleId} {s.Principle} on {s.Subject}"))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
