using PolicyRules.Engine;
using PolicyRules.Engine.Model;
using PolicyRules.Engine.Runtime;
using static PolicyRules.Tests.Engine.Rules;

namespace PolicyRules.Tests.Engine;

public class AlphaNetworkTests
{
    [Fact]
    public void Identical_conditions_in_two_rules_compile_to_one_shared_node()
    {
        var network = RuleNetwork.Compile([
            Rule("A").Match<Clause>("c", c => c.Id > 10).Build(),
            Rule("B").Match<Clause>("x", x => x.Id > 10).Build(),
            Rule("C").Match<Clause>("c", c => c.Id > 11).Build(),
        ]);

        network.Statistics.SelectionNodes.Should().Be(2, "c.Id > 10 and x.Id > 10 are the same test");
        network.Statistics.AlphaMemories.Should().Be(2);
    }

    [Fact]
    public void Rules_with_the_same_left_hand_side_share_one_chain_and_each_fires()
    {
        var fired = new List<string>();
        var network = RuleNetwork.Compile([
            Rule("A").Match<Clause>("c", c => c.Kind == "mfn").Not<Clause>((Clause e, Clause c) => e.AgreementId == c.AgreementId && e.Id != c.Id).Do((_, m) => fired.Add("A")).Build(),
            Rule("B").Priority(1).Match<Clause>("x", x => x.Kind == "mfn").Not<Clause>((Clause y, Clause x) => y.AgreementId == x.AgreementId && y.Id != x.Id).Do((_, m) => fired.Add("B " + m.Get<Clause>("x").Id)).Build(),
            Rule("C").Match<Clause>("c", c => c.Kind == "subsidy").Not<Clause>((Clause e, Clause c) => e.AgreementId == c.AgreementId && e.Id != c.Id).Build(),
        ]);
        var session = network.CreateSession();

        session.InsertAll([new Clause { Id = 1, Kind = "mfn", AgreementId = "A" }, new Clause { Id = 2, Kind = "mfn", AgreementId = "B" }]);

        network.Statistics.NotNodes.Should().Be(2, "A and B differ only in alias names");
        network.Statistics.TerminalNodes.Should().Be(2);
        session.Fire().Should().Be(4);
        fired.Should().Equal("B 2", "B 1", "A", "A");
    }

    [Fact]
    public void A_withdrawn_match_of_a_shared_chain_withdraws_every_rule_s_activation()
    {
        var fired = new List<string>();
        RuleDefinition Copy(string id) => Rule(id)
            .Match<Clause>("c", c => c.Kind == "mfn")
            .Not<Clause>((Clause e, Clause c) => e.AgreementId == c.AgreementId && e.Kind == "exception")
            .Do((_, m) => fired.Add($"{id} {m.Get<Clause>("c").Id}"))
            .Build();
        var network = RuleNetwork.Compile([Copy("A"), Copy("B"), Copy("C")]);
        using var session = network.CreateSession();
        var kept = new Clause { Id = 1, Kind = "mfn", AgreementId = "X" };
        var retracted = new Clause { Id = 2, Kind = "mfn", AgreementId = "Y" };
        var blocked = new Clause { Id = 3, Kind = "mfn", AgreementId = "Z" };
        session.InsertAll([kept, retracted, blocked]);
        session.PendingMatches.Should().HaveCount(9, "three rules share one chain and each has its own activation");

        session.Retract(retracted);
        session.Insert(new Clause { Id = 4, Kind = "exception", AgreementId = "Z" });

        network.Statistics.TerminalNodes.Should().Be(1);
        session.Fire().Should().Be(3);
        fired.Should().BeEquivalentTo(["A 1", "B 1", "C 1"]);
    }

    [Fact]
    public void Captured_values_are_folded_so_equal_values_share_and_different_values_do_not()
    {
        int threshold = 10, same = 10, other = 20;
        var network = RuleNetwork.Compile([
            Rule("A").Match<Clause>("c", c => c.Id > threshold).Build(),
            Rule("B").Match<Clause>("c", c => c.Id > same).Build(),
            Rule("C").Match<Clause>("c", c => c.Id > other).Build(),
        ]);

        network.Statistics.SelectionNodes.Should().Be(2);
    }

    [Fact]
    public void Constant_equality_dispatches_by_hash_so_a_fact_meets_only_the_rules_of_its_value()
    {
        var rules = Enumerable.Range(0, 50)
            .Select(i =>
            {
                var kind = $"kind-{i}";
                return Rule($"R{i}").Match<Clause>("c", c => c.Kind == kind, c => c.Id >= 0).Build();
            })
            .ToArray();
        var network = RuleNetwork.Compile(rules);
        var session = network.CreateSession();

        session.Insert(new Clause { Id = 1, Kind = "kind-7" });

        network.Statistics.DispatchNodes.Should().Be(1, "all rules test the same member");
        network.Statistics.DispatchBranches.Should().Be(50);
        session.Metrics.AlphaDispatchLookups.Should().Be(1, "the fact's kind is looked up once");
        session.Metrics.AlphaConditionEvaluations.Should().Be(1, "only the rule for kind-7 tests c.Id >= 0");
        session.Matches().Should().Equal("R7(c=Clause#1)");
    }

    [Fact]
    public void List_membership_dispatches_each_distinct_element_once()
    {
        var sectors = new[] { "music", "film", "books", "games" };
        var rules = sectors.Select(s => Rule(s).Match<Clause>("c", c => c.Sectors.Contains(s)).Build()).ToArray();
        var session = RuleNetwork.Compile(rules).CreateSession();

        session.Insert(new Clause { Id = 1, Sectors = ["film", "music", "film", "telecom"] });

        session.Metrics.AlphaConditionEvaluations.Should().Be(0);
        session.Metrics.AlphaDispatchLookups.Should().Be(3, "film, music and telecom, the repeated film skipped");
        session.Matches().Should().BeEquivalentTo("film(c=Clause#1)", "music(c=Clause#1)");
    }

    [Fact]
    public void List_membership_on_a_list_field_dispatches_too()
    {
        var session = Session(Rule("R").Match<Tagged>("t", t => t.Tags.Contains(3)).Build());

        session.InsertAll([new Tagged(1, [1, 2]), new Tagged(2, [3])]);

        session.Matches().Should().Equal("R(t=Tagged#2)");
    }

    [Fact]
    public void Membership_in_an_array_of_values_dispatches_element_by_element_too()
    {
        var session = Session(Rule("R").Match<Tagged>("t", t => t.Tags.Contains(3)).Build());

        session.InsertAll([new Tagged(1, new[] { 1, 2 }), new Tagged(2, new[] { 2, 3, 3 })]);

        session.Metrics.AlphaConditionEvaluations.Should().Be(0, "an int[] is hashed element by element, not tested branch by branch");
        session.Metrics.AlphaDispatchLookups.Should().Be(4, "1 and 2, then 2 and 3, the repeated 3 skipped");
        session.Matches().Should().Equal("R(t=Tagged#2)");
    }

    [Fact]
    public void A_collection_with_its_own_comparer_is_tested_with_the_condition_itself()
    {
        var session = Session(Rule("R").Match<Tagged>("t", t => t.Tags.Contains(3)).Build());
        var odd = new Tagged(1, new OddEvenSet { 1 });

        session.Insert(odd);

        session.Matches().Should().Equal(new[] { "R(t=Tagged#1)" }, "the set says 3 is in it, as 1 and 3 are both odd");
    }

    [Fact]
    public void Equality_tests_move_first_but_a_guard_keeps_its_place()
    {
        var session = Session(Rule("R").Match<Clause>("c", c => c.Sectors != null && c.Sectors.Contains("music") && c.Kind == "mfn").Build());

        var act = () => session.InsertAll([new Clause { Id = 1, Kind = "mfn", Sectors = null! }, new Clause { Id = 2, Kind = "mfn", Sectors = ["music"] }]);

        act.Should().NotThrow();
        session.Matches().Should().Equal("R(c=Clause#2)");
    }

    [Fact]
    public void Null_is_a_value_like_any_other_for_dispatch()
    {
        var session = Session(Rule("R").Match<Tagged>("t", t => t.Label == null).Build());

        session.InsertAll([new Tagged(1, []) { Label = "x" }, new Tagged(2, [])]);

        session.Matches().Should().Equal("R(t=Tagged#2)");
    }

    [Fact]
    public void A_fact_enters_the_patterns_of_its_base_types_and_interfaces()
    {
        var session = Session(
            Rule("Any").Match<INamed>("n", n => n.Name.StartsWith('a')).Build(),
            Rule("Exact").Match<Tagged>("t").Build());

        session.Insert(new Tagged(1, []) { Name = "alpha" });

        session.Matches().Should().BeEquivalentTo("Any(n=Tagged#1)", "Exact(t=Tagged#1)");
    }

    [Fact]
    public void A_failing_condition_names_the_rule_and_the_fact()
    {
        var session = Session(Rule("BOOM").Match<Clause>("c", c => c.Sectors.Length > 0).Build());

        var act = () => session.Insert(new Clause { Id = 5, Sectors = null! });

        act.Should().Throw<RuleConditionException>()
            .Where(e => e.RuleIds.Contains("BOOM") && e.Facts.Count == 1 && e.Message.Contains("Clause#5")
                && e.Condition.Contains("c.Sectors") && e.Message.Contains(e.Condition))
            .WithInnerException<NullReferenceException>();
    }

    public interface INamed
    {
        string Name { get; }
    }

    public sealed class Tagged(int id, ICollection<int> tags) : INamed
    {
        public int Id { get; } = id;

        public ICollection<int> Tags { get; } = tags;

        public string? Label { get; init; }

        public string Name { get; init; } = "";

        public override string ToString() => $"Tagged#{Id}";
    }

    private sealed class OddEvenSet() : HashSet<int>(new ParityComparer());

    private sealed class ParityComparer : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => x % 2 == y % 2;

        public int GetHashCode(int obj) => obj % 2;
    }
}
