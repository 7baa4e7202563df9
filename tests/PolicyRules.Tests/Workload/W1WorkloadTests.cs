using PolicyRules.Benchmarks.Workload;
using PolicyRules.Engine;

namespace PolicyRules.Tests.Workload;

/// <summary>
/// The peer workload W1 (shared/bench/WORKLOAD.md) run through the PolicyRules engine: the
/// generator and the engine must reproduce the exact counts the benchmark asserts.
/// </summary>
public class W1WorkloadTests
{
    [Theory]
    [InlineData(1_000, 43)]
    [InlineData(10_000, 472)]
    [InlineData(100_000, 4_943)]
    public void The_generator_makes_the_expected_number_of_exception_clauses(int clauses, int exceptions)
    {
        var data = W1Generator.Generate(clauses);

        data.Agreements.Should().HaveCount(W1.AgreementCount);
        data.Clauses.Should().HaveCount(clauses);
        data.ExceptionCount.Should().Be(exceptions).And.Be(W1Expected.Exceptions(clauses));
    }

    [Fact]
    public void The_generator_follows_the_specification()
    {
        var data = W1Generator.Generate(1_000);

        data.Agreements.Select(a => a.Id).Should().Equal(Enumerable.Range(0, 50).Select(a => $"AGR-{a:D3}"));
        data.Clauses.Select(c => c.Id).Should().Equal(Enumerable.Range(0, 1_000));
        foreach (var clause in data.Clauses)
        {
            clause.Sectors.Should().OnlyHaveUniqueItems();
            if (clause.Kind == W1.ExceptionKind)
            {
                clause.Sectors.Should().HaveCountLessThanOrEqualTo(2).And.BeSubsetOf(W1.Sectors.Take(W1.CulturalSectorCount));
            }
            else
            {
                W1.Kinds.Should().Contain(clause.Kind);
                clause.Sectors.Should().HaveCountLessThanOrEqualTo(3).And.BeSubsetOf(W1.Sectors);
            }

            clause.Commitments.Should().HaveCountLessThanOrEqualTo(2);
            W1.Chapters.Should().Contain(clause.Chapter);
            clause.Text.Should().Be($"Clause {clause.Id} of {clause.AgreementId}: {clause.Kind} commitment covering {string.Join(", ", clause.Sectors)}.");
        }

        W1Generator.Generate(1_000).Clauses.Select(c => c.Text).Should().Equal(data.Clauses.Select(c => c.Text), "the generator is seeded");
    }

    [Theory]
    [InlineData(10, 1_000, false, 274)]
    [InlineData(10, 1_000, true, 274)]
    [InlineData(100, 1_000, false, 2_852)]
    [InlineData(100, 1_000, true, 2_852)]
    [InlineData(1_000, 1_000, false, 28_457)]
    [InlineData(1_000, 1_000, true, 28_457)]
    [InlineData(100, 10_000, false, 16_717)]
    [InlineData(100, 10_000, true, 16_717)]
    public void PolicyRules_reports_the_expected_conflicts(int rules, int clauses, bool distinct, long conflicts)
    {
        var data = W1Generator.Generate(clauses);
        var counter = new ConflictCounter();
        var network = RuleNetwork.Compile(W1BuilderRules.Create(W1Rules.Create(rules, distinct), counter));
        var session = network.CreateSession();

        session.InsertAll(data.Facts);
        var fired = session.Fire();

        counter.Value.Should().Be(conflicts).And.Be(W1Expected.Conflicts(rules, clauses));
        fired.Should().Be((int)conflicts);
        session.Fire().Should().Be(0);
    }

    [Fact]
    public void A_fresh_session_of_the_same_network_counts_the_same()
    {
        var data = W1Generator.Generate(1_000);
        var counter = new ConflictCounter();
        var network = RuleNetwork.Compile(W1BuilderRules.Create(W1Rules.Create(100, distinct: false), counter));

        for (var run = 0; run < 2; run++)
        {
            counter.Reset();
            var session = network.CreateSession();
            session.InsertAll(data.Facts);
            session.Fire();
            counter.Value.Should().Be(2_852);
        }
    }

    [Fact]
    public void Copies_of_a_rule_share_their_conditions_and_the_distinct_variant_does_not()
    {
        var shared = RuleNetwork.Compile(W1BuilderRules.Create(W1Rules.Create(120, distinct: false), new ConflictCounter())).Statistics;
        var distinct = RuleNetwork.Compile(W1BuilderRules.Create(W1Rules.Create(120, distinct: true), new ConflictCounter())).Statistics;

        shared.TerminalNodes.Should().Be(60, "rule i + 60 has the same left-hand side as rule i and shares its chain");
        shared.NotNodes.Should().Be(60);
        distinct.TerminalNodes.Should().Be(120, "the extra condition c.Id > -(i + 1) defeats sharing");
        distinct.NotNodes.Should().Be(120);
        distinct.SelectionNodes.Should().BeGreaterThan(shared.SelectionNodes);
    }

    [Theory]
    [InlineData(10, 1_000, false, 274)]
    [InlineData(100, 1_000, true, 2_852)]
    [InlineData(1_000, 1_000, false, 28_457)]
    [InlineData(100, 10_000, false, 16_717)]
    public void The_json_rules_give_the_counts_of_the_workload(int rules, int clauses, bool distinct, int conflicts)
    {
        var network = W1JsonRules.Compile(W1Rules.Create(rules, distinct));
        var session = network.CreateSession();
        session.InsertAll(W1Generator.Generate(clauses).Facts);

        session.Fire().Should().Be(conflicts);
        session.Query<PolicyRules.Domain.Conflict>().Should().HaveCount(conflicts);
    }

    [Theory]
    [InlineData(10, 1_000, false, 274)]
    [InlineData(100, 1_000, true, 2_852)]
    public void The_builder_rules_with_the_json_rules_action_give_the_counts_of_the_workload(int rules, int clauses, bool distinct, int conflicts)
    {
        using var session = RuleNetwork.Compile(W1BuilderRules.CreateWithConflicts(W1Rules.Create(rules, distinct))).CreateSession();
        session.InsertAll(W1Generator.Generate(clauses).Facts);

        session.Fire().Should().Be(conflicts);
        var found = session.Query<PolicyRules.Domain.Conflict>();
        found.Should().HaveCount(conflicts);
        found.Should().OnlyContain(conflict => conflict.Subject is Clause, "each conflict names the clause its rule matched");
    }
}
