using PolicyRules.Engine.Model;
using PolicyRules.Engine.Runtime;
using static PolicyRules.Tests.Engine.Rules;

namespace PolicyRules.Tests.Engine.Differential;

/// <summary>
/// Property d: a condition that throws half-way through a step (in an alpha test, or in a join
/// between facts) faults the session: the step throws <see cref="RuleConditionException"/>, and
/// every later call refuses with <see cref="InvalidOperationException"/> naming it. The next session
/// of the same network, which reuses the faulted session's objects, then runs every step with the
/// oracle's matches (property c).
/// </summary>
public class FaultDifferentialTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Differential")]
    public void A_failed_step_faults_its_session_and_the_next_session_of_the_network_is_exact()
    {
        var stats = new CaseStats();
        var faulted = 0;
        Differential.Check(Generators.ChangeScenarios(), scenario =>
        {
            // Alternate where the poison sits, by a property of the scenario (runs are reproducible).
            var inJoin = scenario.Ops.Count % 2 == 0;
            IncrementalDifferentialTests.Run(scenario, stats, [inJoin ? PoisonedJoin : PoisonedTest], (session, runner, ops) =>
            {
                if (FailHalfWay(session, runner, ops))
                {
                    Interlocked.Increment(ref faulted);
                }

                return [];
            });
        });
        output.WriteLine($"{faulted} of {Differential.Cases} scenarios faulted; {stats}");
        stats.AssertNotVacuous();
        faulted.Should().BeGreaterThan(Differential.Cases / 4, "most scenarios reach the poison after it is armed");
    }

    private static readonly RuleDefinition PoisonedTest = Rule("POISON-TEST").Match<IFact>("f", f => Poison.Check(f.X)).Build();

    private static readonly RuleDefinition PoisonedJoin = Rule("POISON-JOIN").Match<Foo>("a").Match<IFact>("b", (IFact b, Foo a) => Poison.Check(a.X + b.X)).Build();

    /// <summary>Runs the first half of the steps, then arms the poison until a step throws; true when one did.</summary>
    private static bool FailHalfWay(RuleSession session, OpRunner runner, IReadOnlyList<Op> ops)
    {
        var half = ops.Count / 2;
        for (var k = 0; k < half; k++)
        {
            runner.Apply(ops[k]);
        }

        RuleConditionException? failure = null;
        Poison.Armed = true;
        try
        {
            for (var k = half; k < ops.Count && failure is null; k++)
            {
                try
                {
                    runner.Apply(ops[k]);
                }
                catch (RuleConditionException ex)
                {
                    failure = ex;
                }
            }
        }
        finally
        {
            Poison.Armed = false;
        }

        if (failure is null)
        {
            session.IsFaulted.Should().BeFalse("no step failed");
            return false;
        }

        session.IsFaulted.Should().BeTrue();
        failure.RuleIds.Should().ContainSingle().Which.Should().StartWith("POISON-");
        foreach (var call in new Action[] { () => session.Insert(new Foo()), () => session.Fire(), () => session.Query<object>(), () => _ = session.PendingMatches, () => session.InsertAll([new Foo()]) })
        {
            call.Should().Throw<InvalidOperationException>().WithMessage("*faulted*").Which.InnerException.Should().BeSameAs(failure);
        }

        return true;
    }

    /// <summary>A condition that holds until armed, then throws (per thread: tests run in parallel).</summary>
    private static class Poison
    {
        [ThreadStatic]
        private static bool _armed;

        public static bool Armed
        {
            get => _armed;
            set => _armed = value;
        }

        public static bool Check(int value) => !_armed || value == int.MinValue
            ? true
            : throw new InvalidOperationException("poisoned condition");
    }
}
