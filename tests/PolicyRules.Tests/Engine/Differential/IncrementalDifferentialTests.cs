using PolicyRules.Engine;
using PolicyRules.Engine.Model;
using Xunit.Abstractions;

namespace PolicyRules.Tests.Engine.Differential;

/// <summary>
/// Property c: after a random sequence of inserts, in-place updates and retractions (single and
/// batch calls), the pending matches equal the oracle's on the facts then in working memory (checked
/// after every step), and at the end equal those of a fresh session given the final facts.
/// </summary>
public class IncrementalDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Differential")]
    public void Inserts_updates_and_retractions_leave_exactly_the_matches_of_a_fresh_session_and_of_the_oracle()
    {
        var stats = new CaseStats();
        Differential.Check(Generators.ChangeScenarios(), scenario => Run(scenario, stats));
        output.WriteLine(stats.ToString());
        stats.AssertNotVacuous();
    }

    internal static void Run(ChangeScenario scenario, CaseStats? stats = null)
    {
        var rules = SpecBuilder.Build(scenario.Rules);
        var network = RuleNetwork.Compile(rules);
        var session = network.CreateSession();
        var runner = new OpRunner(session);
        for (var k = 0; k < scenario.Ops.Count; k++)
        {
            var step = $"step {k + 1} ({scenario.Ops[k].GetType().Name[2..]})";
            try
            {
                runner.Apply(scenario.Ops[k]);
            }
            catch (Exception ex)
            {
                throw Failure($"The engine threw at {step}: {ex.GetType().Name}: {ex.Message}", rules, runner, Differential.ExceptionText(ex));
            }

            var actual = Matches(session, rules, runner, step);
            var expected = Oracle(rules, runner);
            if (Differential.Diff(expected, actual) is { } difference)
            {
                throw Failure($"After {step}, the engine's pending matches differ from the oracle's on the facts in working memory.", rules, runner, difference);
            }

            var query = session.Query<object>();
            if (!query.SequenceEqual(runner.Live, ReferenceEqualityComparer.Instance))
            {
                throw Failure($"After {step}, Query<object>() is not the facts in working memory in insertion order.", rules, runner, "Query<object>(): " + string.Join(" ", query.Select(FactText.Ref)));
            }
        }

        // The final state, reached incrementally, against a fresh session given the same facts.
        var final = session.Query<object>();
        var incremental = Matches(session, rules, runner, "the end");
        var fresh = network.CreateSession();
        List<string> rebuilt;
        try
        {
            foreach (var fact in final)
            {
                fresh.Insert(fact);
            }

            rebuilt = Differential.EngineMatches(fresh);
        }
        catch (Exception ex)
        {
            throw Failure($"The engine threw inserting the final facts into a fresh session: {ex.Message}", rules, runner, Differential.ExceptionText(ex));
        }

        if (Differential.Diff(rebuilt, incremental, "fresh session", "incremental session") is { } differs)
        {
            throw Failure("The incremental session's final matches differ from a fresh session's over the same facts.", rules, runner, differs);
        }

        stats?.Record(incremental.Count);
    }

    private static List<string> Matches(PolicyRules.Engine.Runtime.RuleSession session, RuleDefinition[] rules, OpRunner runner, string step)
    {
        try
        {
            return Differential.EngineMatches(session);
        }
        catch (Exception ex)
        {
            throw Failure($"The engine threw listing matches after {step}: {ex.Message}", rules, runner, Differential.ExceptionText(ex));
        }
    }

    private static List<string> Oracle(RuleDefinition[] rules, OpRunner runner)
    {
        try
        {
            return Differential.OracleMatches(rules, runner.Live);
        }
        catch (Exception ex)
        {
            throw Failure("The ORACLE threw (a generator bug): " + ex.Message, rules, runner, Differential.ExceptionText(ex));
        }
    }

    private static DifferentialException Failure(string what, RuleDefinition[] rules, OpRunner runner, string difference) =>
        new(Differential.Report(what, rules, runner.Live, difference, runner.Log.ToString()));
}
