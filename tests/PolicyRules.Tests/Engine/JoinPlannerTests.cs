using PolicyRules.Engine;
using PolicyRules.Engine.Model;
using PolicyRules.Tests.Engine.Differential;
using static PolicyRules.Tests.Engine.Rules;

namespace PolicyRules.Tests.Engine;

/// <summary>
/// The join planner: the network joins a rule's patterns in an order chosen by what they test and
/// how they are keyed, with the same matches as the written order.
/// </summary>
public class JoinPlannerTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // Written the costly way: every clause of the agreement is paired with each liberalising clause
    // before the note that names it an exemption narrows it down.
    private static readonly RuleDefinition WrittenCostly = Rule("R")
        .Match<Clause>("c", c => c.Kind == "market-access")
        .Match<Clause>("e", (Clause e, Clause c) => e.AgreementId == c.AgreementId && e.Id != c.Id)
        .Match<Note>("n", (Note n, Clause e) => n.Name == "exemption" && n.Subject == e)
        .Build();

    [Fact]
    public void A_pattern_narrowed_by_a_later_one_is_joined_after_it_with_the_same_matches_and_far_fewer_partial_matches()
    {
        var facts = new List<object>();
        for (var i = 1; i <= 300; i++)
        {
            facts.Add(new Clause { Id = i, Kind = i % 100 == 0 ? "cultural-exemption" : "market-access" });
        }

        facts.AddRange(new object[] { new Note("exemption", (Clause)facts[99]), new Note("exemption", (Clause)facts[199]) });
        var planned = RuleNetwork.Compile([WrittenCostly]);
        var written = RuleNetwork.Compile([WrittenCostly], new RuleNetworkOptions { PlanJoins = false });

        planned.JoinOrder("R").Should().Equal("n", "e", "c");
        written.JoinOrder("R").Should().Equal("c", "e", "n");
        using var plannedSession = planned.CreateSession();
        using var writtenSession = written.CreateSession();
        plannedSession.InsertAll(facts);
        writtenSession.InsertAll(facts);

        plannedSession.Matches().Should().BeEquivalentTo(writtenSession.Matches()).And.HaveCount(2 * 297);
        plannedSession.Matches()[0].Should().StartWith("R(c=", "matches list bindings as the rule declares them");
        plannedSession.Metrics.TokensCreated.Should().BeLessThan(writtenSession.Metrics.TokensCreated / 20, "the written order pairs 297 clauses with 299 others");
    }

    [Fact]
    public void A_guard_written_before_a_join_still_runs_first_when_its_condition_moves()
    {
        // c is joined first (it tests a constant); the condition's tail reads a, bound later, so it
        // moves to a: the guard before it stays on c and still keeps Sectors[0] from an empty array.
        var rule = Rule("R")
            .Match<Agreement>("a")
            .Match<Clause>("c", c => c.Kind == "mfn")
            .Match<Clause>("d", (Clause d, Clause c, Agreement a) => d.Sectors.Length > 0 && d.Sectors[0] == a.Id && d.Id != c.Id)
            .Build();
        var network = RuleNetwork.Compile([rule]);
        network.JoinOrder("R")[0].Should().Be("c");
        using var session = network.CreateSession();

        session.Invoking(s => s.InsertAll([new Agreement { Id = "A" }, new Clause { Id = 1, Kind = "mfn" }, new Clause { Id = 2 }, new Clause { Id = 3, Sectors = ["A"] }]))
            .Should().NotThrow();
        session.Matches().Should().Equal("R(a=Agreement A,c=Clause#1,d=Clause#3)");
    }

    [Fact]
    public void A_pattern_with_no_key_to_the_others_is_reported_as_a_cross_product()
    {
        var network = RuleNetwork.Compile([
            Rule("CROSS").Match<Agreement>("a").Match<Clause>("c", c => c.Kind == "mfn").Build(),
            WrittenCostly]);

        network.CrossProducts("CROSS").Should().Equal("a");
        network.CrossProducts("R").Should().BeEmpty("every pattern of R is keyed in the planned order");
        FluentActions.Invoking(() => network.JoinOrder("NOPE")).Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    [Trait("Category", "Differential")]
    public void Planned_and_written_orders_give_the_same_matches_on_random_rules_and_facts()
    {
        var reordered = 0;
        Differential.Differential.Check(Generators.MatchScenarios(), scenario =>
        {
            var rules = SpecBuilder.Build(scenario.Rules);
            var facts = scenario.Facts.Select((f, i) => f.Create(i + 1)).ToList();
            var planned = RuleNetwork.Compile(rules);
            var written = RuleNetwork.Compile(rules, new RuleNetworkOptions { PlanJoins = false });
            if (rules.Any(r => !planned.JoinOrder(r.Id).SequenceEqual(written.JoinOrder(r.Id))))
            {
                Interlocked.Increment(ref reordered);
            }

            using var a = planned.CreateSession();
            using var b = written.CreateSession();
            a.InsertAll(facts);
            b.InsertAll(facts);
            if (Differential.Differential.Diff(Differential.Differential.EngineMatches(b), Differential.Differential.EngineMatches(a), "written order", "planned order") is { } difference)
            {
                throw new DifferentialException($"{scenario}\n{difference}");
            }
        });
        output.WriteLine($"{reordered} of {Differential.Differential.Cases} scenarios had a rule reordered");
        // About one scenario in eight has a rule the planner reorders (60–73 of 500 in five runs): a
        // twentieth keeps the check far from chance while proving the property is not vacuous.
        reordered.Should().BeGreaterThan(Differential.Differential.Cases / 20, "the planner must actually reorder some generated rules");
    }
}
