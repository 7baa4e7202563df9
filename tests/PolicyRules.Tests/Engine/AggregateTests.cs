using PolicyRules.Engine;
using static PolicyRules.Tests.Engine.Rules;

namespace PolicyRules.Tests.Engine;

public class AggregateTests
{
    [Fact]
    public void Count_binds_the_number_of_matching_facts_and_tracks_changes()
    {
        var session = Session(Rule("N")
            .Match<Agreement>("a")
            .Count<Clause>("n", s => s.Where(c => c.Kind == "exception").Where((Clause c, Agreement a) => c.AgreementId == a.Id))
            .Build());
        var exception = new Clause { Id = 1, Kind = "exception" };
        session.Insert(new Agreement { Id = "A" });
        session.Matches().Should().Equal("N(a=Agreement A,n=0)");

        session.InsertAll([exception, new Clause { Id = 2, Kind = "exception" }, new Clause { Id = 3, Kind = "exception", AgreementId = "B" }]);
        session.Matches().Should().Equal("N(a=Agreement A,n=2)");

        session.Retract(exception);
        session.Matches().Should().Equal("N(a=Agreement A,n=1)");
    }

    [Fact]
    public void An_aggregate_that_shares_its_right_input_with_an_earlier_join_counts_a_new_fact_once()
    {
        // The join and the count take clauses by the same key: a clause inserted alone is counted
        // by the aggregate's right input before the join's token for it arrives on the left.
        var network = RuleNetwork.Compile([Rule("N")
            .Match<Agreement>("a")
            .Match<Clause>("c", (Clause c, Agreement a) => c.AgreementId == a.Id)
            .Count<Clause>("n", s => s.Where((Clause e, Agreement a) => e.AgreementId == a.Id))
            .Build()]);
        network.Statistics.RightInputs.Should().Be(1);
        var session = network.CreateSession();

        session.Insert(new Agreement { Id = "A" });
        session.Insert(new Clause { Id = 1, AgreementId = "A" });
        session.Insert(new Clause { Id = 2, AgreementId = "A" });

        session.Matches().Should().BeEquivalentTo("N(a=Agreement A,c=Clause#1,n=2)", "N(a=Agreement A,c=Clause#2,n=2)");
    }

    [Fact]
    public void Result_conditions_decide_whether_the_aggregate_holds()
    {
        var session = Session(Rule("MANY")
            .Match<Agreement>("a")
            .Count<Clause>("n", s => s.Where((Clause c, Agreement a) => c.AgreementId == a.Id), n => n >= 2)
            .Build());
        session.InsertAll([new Agreement { Id = "A" }, new Clause { Id = 1 }]);
        session.Matches().Should().BeEmpty();

        session.Insert(new Clause { Id = 2 });
        session.Matches().Should().Equal("MANY(a=Agreement A,n=2)");
    }

    [Fact]
    public void Collect_lists_the_matching_facts_in_insertion_order()
    {
        var session = Session(Rule("ALL")
            .Collect<Clause>("all", s => s.Where(c => c.Kind == "exception"), list => list.Count > 0)
            .Build());
        var facts = new[] { 5, 3, 9 }.Select(i => new Clause { Id = i, Kind = "exception" }).ToArray();

        session.InsertAll(facts);
        session.Insert(new Clause { Id = 1, Kind = "exception" });

        var match = session.PendingMatches.Should().ContainSingle().Subject;
        match.Get<IReadOnlyList<Clause>>("all").Select(c => c.Id).Should().Equal(5, 3, 9, 1);
    }

    [Fact]
    public void An_aggregate_result_can_be_used_by_later_elements_and_actions()
    {
        var session = Session(Rule("BIG")
            .Match<Agreement>("a")
            .Count<Clause>("n", s => s.Where((Clause c, Agreement a) => c.AgreementId == a.Id))
            .Match<Clause>("c", (Clause c, int n) => c.Id == n)
            .Build());
        session.InsertAll([new Agreement { Id = "A" }, new Clause { Id = 2 }, new Clause { Id = 3, AgreementId = "B" }]);

        session.Matches().Should().BeEmpty("agreement A has one clause, and no clause has id 1");
        session.Insert(new Clause { Id = 1, AgreementId = "Z" });
        session.Matches().Should().Equal("BIG(a=Agreement A,n=1,c=Clause#1)");
    }

    [Fact]
    public void A_fact_updated_after_a_change_that_breaks_a_guard_is_never_joined_on_its_way_out()
    {
        // The guard (Kind != null) is an alpha test of b; the join reads Kind.Length. While the update
        // takes the changed fact out of its memories, the collect's new result must not join it again.
        var session = Session(Rule("G")
            .Collect<Clause>("all", s => s)
            .Match<Clause>("a")
            .Match<Clause>("b", (Clause b, Clause a) => b.Kind != null && b.Kind.Length == a.Id)
            .Build());
        var clause = new Clause { Id = 1, Kind = "x" };
        session.Insert(clause);
        session.PendingMatches.Should().ContainSingle();

        clause.Kind = null!;
        session.Invoking(s => s.Update(clause)).Should().NotThrow();
        session.Matches().Should().BeEmpty();

        clause.Kind = "y";
        session.Update(clause);
        session.PendingMatches.Should().ContainSingle();
    }
}
