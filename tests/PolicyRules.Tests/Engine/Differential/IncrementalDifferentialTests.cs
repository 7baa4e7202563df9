using PolicyRules.Engine;
using PolicyRules.Engine.Model;
using PolicyRules.Engine.Runtime;
using Xunit.Abstractions;

namespace PolicyRules.Tests.Engine.Differential;

/// <summary>
/// Property c: after a random sequence of inserts, in-place updates and retractions (single and
/// batch calls), the pending matches equal the oracle's on the facts then in working memory (checked
/// after every step), and at the end equal those of a fresh session given the final facts. The
/// session under test reuses the objects of a disposed session of the same network that ran the
/// same steps on other facts, and the matches kept from that session do not change.
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

    /// <param name="scenario">The rules and the steps.</param>
    /// <param name="stats">Counts of the cases run.</param>
    /// <param name="extraRules">Rules added to the scenario's (the fault-injection tests add their poisoned ones).</param>
    /// <param name="previousSession">
    /// What the session before the one under test does with the same steps, on facts of its own;
    /// it is disposed afterwards and returns the matches it lets the caller keep. By default it runs
    /// every step.
    /// </param>
    internal static void Run(
        ChangeScenario scenario,
        CaseStats? stats = null,
        IEnumerable<RuleDefinition>? extraRules = null,
        Func<RuleSession, OpRunner, IReadOnlyList<Op>, IReadOnlyList<IMatch>>? previousSession = null)
    {
        var rules = SpecBuilder.Build(scenario.Rules).Concat(extraRules ?? []).ToArray();
        var network = RuleNetwork.Compile(rules);
        IReadOnlyList<IMatch> kept;
        using (var previous = network.CreateSession())
        {
            var warmUp = new OpRunner(previous, firstId: 1_000_000);
            kept = (previousSession ?? RunEveryStep)(previous, warmUp, scenario.Ops);
        }

        var keptBefore = Differential.Described(kept);
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

        if (Differential.Diff(keptBefore, Differential.Described(kept), "when kept", "now") is { } moved)
        {
            throw Failure("Matches kept from a disposed session changed while a later session reused its objects.", rules, runner, moved);
        }

        stats?.Record(incremental.Count);
    }

    private static IReadOnlyList<IMatch> RunEveryStep(RuleSession session, OpRunner runner, IReadOnlyList<Op> ops)
    {
        foreach (var op in ops)
        {
            runner.Apply(op);
        }

        return session.PendingMatches;
    }

    private static List<string> Matches(RuleSession session, RuleDefinition[] rules, OpRunner runner, string step)
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
