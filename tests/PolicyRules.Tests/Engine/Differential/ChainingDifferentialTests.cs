using System.Linq.Expressions;
using PolicyRules.Engine;
using PolicyRules.Engine.Model;
using PolicyRules.Engine.Runtime;
using Xunit.Abstractions;

namespace PolicyRules.Tests.Engine.Differential;

/// <summary>
/// Property d: chaining with truth maintenance. Level-1 rules match base facts and insert a linked
/// <see cref="Derived"/> per match; level-2 rules also match level-1 derived facts (patterns,
/// negations, existentials, aggregates) and insert level-2 ones. After every Fire, the derived facts
/// in the session (compared by value) are those the oracle derives stratum by stratum from the base
/// facts; after random retractions, updates and inserts they also equal what a fresh session reaches
/// from the final base facts.
/// </summary>
public class ChainingDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Differential")]
    public void Linked_derived_facts_follow_their_matches_through_retractions_like_a_fresh_session()
    {
        var stats = new CaseStats();
        Differential.Check(Generators.ChainScenarios(), scenario => Run(scenario, stats));
        output.WriteLine(stats.ToString());
        stats.AssertNotVacuous();
    }

    internal static void Run(ChainScenario scenario, CaseStats? stats = null)
    {
        var (level1, level2) = Rules(scenario);
        var rules = level1.Concat(level2).ToArray();
        var network = RuleNetwork.Compile(rules);
        var session = network.CreateSession();
        var runner = new OpRunner(session);

        Step(session, rules, runner, "InsertAll", () => runner.Apply(new OpInsertAll(scenario.Facts)));
        if (!FireAndCheck(session, level1, level2, rules, runner, "InsertAll, then Fire"))
        {
            stats?.Skip();
            return;
        }

        for (var k = 0; k < scenario.Ops.Count; k++)
        {
            // Fire after every other change, so some matches are withdrawn before they ever fire.
            var fire = k % 2 == 1 || k == scenario.Ops.Count - 1;
            var step = $"step {k + 1} ({scenario.Ops[k].GetType().Name[2..]}{(fire ? ", then Fire" : "")})";
            Step(session, rules, runner, step, () => runner.Apply(scenario.Ops[k]));
            if (fire && !FireAndCheck(session, level1, level2, rules, runner, step))
            {
                stats?.Skip();
                return;
            }
        }

        var incremental = DerivedIn(session);
        var fresh = network.CreateSession();
        Step(fresh, rules, runner, "inserting the final base facts into a fresh session, then Fire", () =>
        {
            fresh.InsertAll(session.Query<IFact>());
            fresh.Fire(100 * Chain.Budget);
        }, fires: true);
        if (Differential.Diff(DerivedIn(fresh), incremental, "fresh session", "incremental session") is { } differs)
        {
            throw Failure("The derived facts of the incremental session differ from a fresh session's after Fire.", rules, runner, differs);
        }

        stats?.Record(incremental.Count);
    }

    /// <summary>The rule definitions: level 1 ("A0", …) and level 2 ("B0", …, patterns over Derived restricted to level 1).</summary>
    internal static (RuleDefinition[] Level1, RuleDefinition[] Level2) Rules(ChainScenario scenario) =>
        (SpecBuilder.Build(scenario.Level1, "A", actions: _ => [DeriveAction(1)]),
         SpecBuilder.Build(scenario.Level2, "B", derivedLevel: 1, actions: _ => [DeriveAction(2)]));

    /// <summary><c>(IActionContext ctx, IMatch m) =&gt; Chain.Fire(ctx, m, level)</c>.</summary>
    internal static RuleAction DeriveAction(int level)
    {
        var context = Expression.Parameter(typeof(IActionContext), "ctx");
        var match = Expression.Parameter(typeof(IMatch), "m");
        return new RuleAction(Expression.Lambda(Expression.Call(typeof(Chain).GetMethod(nameof(Chain.Fire))!, context, match, Expression.Constant(level)), context, match));
    }

    private static void Step(RuleSession session, RuleDefinition[] rules, OpRunner runner, string step, Action action, bool fires = false)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            throw Failure($"The engine threw at {step}: {ex.GetType().Name}: {ex.Message}", rules, runner, Differential.ExceptionText(ex));
        }

        if (fires && session.PendingMatches.Count > 0)
        {
            throw Failure($"After {step}, matches are still pending.", rules, runner, string.Join("\n", session.PendingMatches));
        }
    }

    /// <summary>
    /// Fires, then compares the derived facts with the oracle's. False, without firing, when the
    /// oracle's fixpoint is over budget: level-2 rules over derived facts can multiply them beyond
    /// what a unit test should spend time on.
    /// </summary>
    private static bool FireAndCheck(RuleSession session, RuleDefinition[] level1, RuleDefinition[] level2, RuleDefinition[] rules, OpRunner runner, string step)
    {
        List<string>? expected;
        try
        {
            expected = Chain.Oracle(level1, level2, runner.Live, Chain.Budget);
        }
        catch (Exception ex)
        {
            throw Failure("The ORACLE threw (a generator bug): " + ex.Message, rules, runner, Differential.ExceptionText(ex));
        }

        if (expected is null)
        {
            return false;
        }

        Step(session, rules, runner, step, () => session.Fire(100 * Chain.Budget), fires: true);
        Check(session, expected, rules, runner, step);
        return true;
    }

    private static void Check(RuleSession session, List<string> expected, RuleDefinition[] rules, OpRunner runner, string step)
    {
        var baseFacts = session.Query<IFact>();
        if (!baseFacts.SequenceEqual(runner.Live, ReferenceEqualityComparer.Instance))
        {
            throw Failure($"After {step}, the base facts in the session are not those inserted and not retracted.", rules, runner, string.Join(" ", baseFacts.Select(FactText.Ref)));
        }

        if (Differential.Diff(expected, DerivedIn(session)) is { } difference)
        {
            throw Failure($"After {step}, the derived facts in the session differ from the oracle's fixpoint.", rules, runner, difference);
        }
    }

    private static List<string> DerivedIn(RuleSession session) => Differential.Sorted(session.Query<Derived>().Select(d => d.Value));

    private static DifferentialException Failure(string what, RuleDefinition[] rules, OpRunner runner, string difference) =>
        new(Differential.Report(what, rules, runner.Live, difference, runner.Log.ToString()));
}

/// <summary>What chaining rules do, and the oracle's version of it.</summary>
public static class Chain
{
    /// <summary>The action of every chaining rule: insert, linked to the match, the fact derived from it.</summary>
    public static void Fire(IActionContext context, IMatch match, int level) =>
        context.InsertLinked(Derive(match.Rule.Id, level, match.Bindings));

    /// <summary>A derived fact made of the rule, the level and the bindings' values: X from the first, Y the sum.</summary>
    public static Derived Derive(string ruleId, int level, IReadOnlyList<MatchBinding> bindings)
    {
        var values = bindings.Select(b => IntOf(b.Value)).ToList();
        return new Derived { Rule = ruleId, Level = level, X = values.FirstOrDefault(), Y = values.Sum() };
    }

    /// <summary>The most derived facts a case may reach (level 1: a tenth of it); bigger cases are skipped.</summary>
    public const int Budget = 400;

    /// <summary>
    /// The derived facts, by value, that the rules reach from <paramref name="baseFacts"/>: level 1
    /// from the base facts, then level 2 from the base facts and level 1 (the rules are stratified).
    /// Null when there would be more than <paramref name="budget"/>.
    /// </summary>
    public static List<string>? Oracle(IReadOnlyList<RuleDefinition> level1, IReadOnlyList<RuleDefinition> level2, IReadOnlyList<object> baseFacts, int budget = int.MaxValue)
    {
        var first = NaiveEvaluator.Evaluate(level1, baseFacts).Select(m => Derive(m.Rule.Id, 1, m.Bindings)).ToList();
        if (first.Count > budget / 10)
        {
            return null;
        }

        var second = NaiveEvaluator.Evaluate(level2, [.. baseFacts, .. first]).Select(m => Derive(m.Rule.Id, 2, m.Bindings)).ToList();
        return first.Count + second.Count > budget ? null : Differential.Sorted(first.Concat(second).Select(d => d.Value));
    }

    private static int IntOf(object? value) => value switch
    {
        IFact f => f.X,
        Derived d => d.X,
        int n => n,
        System.Collections.ICollection c => c.Count,
        System.Collections.IEnumerable e => e.Cast<object>().Count(),
        _ => 0,
    };
}
