using PolicyRules.Engine;
using PolicyRules.Engine.Compilation;
using Xunit.Abstractions;

namespace PolicyRules.Tests.Engine.Differential;

/// <summary>Property a: after <c>InsertAll</c> of random facts, the pending matches are exactly the oracle's.</summary>
public class BatchInsertDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Differential")]
    public void Batch_insert_yields_exactly_the_matches_of_the_naive_oracle()
    {
        var stats = new CaseStats();
        Differential.Check(Generators.MatchScenarios(), scenario => InsertCase.Run(scenario, batch: true, stats));
        output.WriteLine(stats.ToString());
        stats.AssertNotVacuous();
    }
}

/// <summary>Property b: inserting the same facts one by one, in the same order, yields the same matches.</summary>
public class SingleInsertDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Differential")]
    public void One_by_one_insert_yields_exactly_the_matches_of_the_naive_oracle()
    {
        var stats = new CaseStats();
        Differential.Check(Generators.MatchScenarios(), scenario => InsertCase.Run(scenario, batch: false, stats));
        output.WriteLine(stats.ToString());
        stats.AssertNotVacuous();
    }
}

/// <summary>
/// Property a again, the network compiled by the tiered compiler with a threshold of two calls: every
/// condition, key and action changes from interpreted to compiled in the middle of the batch.
/// </summary>
public class TieredCompilerDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Differential")]
    public void Batch_insert_under_the_tiered_compiler_yields_exactly_the_matches_of_the_naive_oracle()
    {
        var stats = new CaseStats();
        var options = new RuleNetworkOptions { ExpressionCompiler = new TieredExpressionCompiler(FastExpressionTreeCompiler.Instance, callsBeforeCompiling: 2) };
        Differential.Check(Generators.MatchScenarios(), scenario => InsertCase.Run(scenario, batch: true, stats, options));
        output.WriteLine(stats.ToString());
        stats.AssertNotVacuous();
    }
}

internal static class InsertCase
{
    public static void Run(MatchScenario scenario, bool batch, CaseStats? stats = null, RuleNetworkOptions? options = null)
    {
        var rules = SpecBuilder.Build(scenario.Rules);
        var facts = scenario.Facts.Select((f, i) => f.Create(i + 1)).ToList();
        var what = batch ? "InsertAll of the facts" : "Insert of each fact, in order";
        List<string> expected;
        try
        {
            expected = Differential.OracleMatches(rules, facts);
        }
        catch (Exception ex)
        {
            throw new DifferentialException(Differential.Report("The ORACLE threw (a generator bug): " + ex.Message, rules, facts, Differential.ExceptionText(ex)));
        }

        List<string> actual;
        try
        {
            var session = RuleNetwork.Compile(rules, options).CreateSession();
            if (batch)
            {
                session.InsertAll(facts);
            }
            else
            {
                foreach (var fact in facts)
                {
                    session.Insert(fact);
                }
            }

            actual = Differential.EngineMatches(session);
        }
        catch (Exception ex)
        {
            throw new DifferentialException(Differential.Report($"The engine threw during {what}: {ex.GetType().Name}: {ex.Message}", rules, facts, Differential.ExceptionText(ex)));
        }

        stats?.Record(expected.Count);
        if (Differential.Diff(expected, actual) is { } difference)
        {
            throw new DifferentialException(Differential.Report($"After {what}, the engine's pending matches differ from the oracle's.", rules, facts, difference));
        }
    }
}

/// <summary>Counts cases by outcome so a run that never matched anything cannot pass unnoticed.</summary>
internal sealed class CaseStats
{
    private int _cases;
    private int _withMatches;
    private int _skipped;
    private long _matches;

    /// <summary>A case given up as too big to check (it counts as neither passed nor failed).</summary>
    public void Skip() => Interlocked.Increment(ref _skipped);

    public void Record(int matches)
    {
        Interlocked.Increment(ref _cases);
        if (matches > 0)
        {
            Interlocked.Increment(ref _withMatches);
        }

        Interlocked.Add(ref _matches, matches);
    }

    public void AssertNotVacuous()
    {
        (_cases + _skipped).Should().BeGreaterThanOrEqualTo(Differential.Cases);
        ((double)_skipped / (_cases + _skipped)).Should().BeLessThan(0.1, "few cases should be too big to check");
        ((double)_withMatches / _cases).Should().BeGreaterThan(0.3, "most generated cases should have matches to compare");
    }

    public override string ToString() => $"{_cases} cases checked, {_withMatches} with matches, {_matches} matches in all; {_skipped} skipped as too big.";
}
