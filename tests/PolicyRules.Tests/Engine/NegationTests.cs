using PolicyRules.Engine;
using static PolicyRules.Tests.Engine.Rules;

namespace PolicyRules.Tests.Engine;

public class NegationTests
{
    private static readonly PolicyRules.Engine.Model.RuleDefinition Unexempted = Rule("NOT")
        .Match<Clause>("c", c => c.Kind == "market-access")
        .Not<Clause>((Clause e) => e.Kind == "exception", (Clause e, Clause c) => e.AgreementId == c.AgreementId)
        .Build();

    private static readonly PolicyRules.Engine.Model.RuleDefinition Exempted = Rule("EXISTS")
        .Match<Clause>("c", c => c.Kind == "market-access")
        .Exists<Clause>((Clause e) => e.Kind == "exception", (Clause e, Clause c) => e.AgreementId == c.AgreementId)
        .Build();

    [Fact]
    public void Not_holds_until_a_blocker_arrives_and_again_when_the_last_one_goes()
    {
        var session = Session(Unexempted);
        var clause = new Clause { Id = 1, AgreementId = "A" };
        var first = new Clause { Id = 2, AgreementId = "A", Kind = "exception" };
        var second = new Clause { Id = 3, AgreementId = "A", Kind = "exception" };
        session.Insert(clause);
        session.Matches().Should().Equal("NOT(c=Clause#1)");

        session.InsertAll([first, second]);
        session.Matches().Should().BeEmpty();

        session.Retract(first);
        session.Matches().Should().BeEmpty("the second exception still blocks");

        session.Retract(second);
        session.Matches().Should().Equal("NOT(c=Clause#1)");
    }

    [Fact]
    public void A_not_or_exists_that_ends_its_chain_passes_its_own_tokens_as_the_matches()
    {
        // Neither adds a binding, so the token a not or an exists keeps is the match: a match costs
        // the token that entered the node, and no other.
        var clauses = Enumerable.Range(1, 3).Select(i => new Clause { Id = i, AgreementId = "A" }).ToArray();
        var exception = new Clause { Id = 9, AgreementId = "A", Kind = "exception" };
        foreach (var (rule, exempted) in new[] { (Unexempted, false), (Exempted, true) })
        {
            using var session = RuleNetwork.Compile([rule]).CreateSession();
            session.InsertAll(clauses);
            session.Insert(exception);
            session.Retract(exception);
            session.Insert(exception);

            session.Metrics.TokensCreated.Should().Be(clauses.Length, "one token per clause, whatever passed or was withdrawn");
            session.Metrics.ActivationsCreated.Should().Be(clauses.Length * 2, $"{rule.Id} passed every clause twice");
            session.Fire().Should().Be(exempted ? clauses.Length : 0);
        }
    }

    [Fact]
    public void Exists_matches_once_however_many_facts_satisfy_it()
    {
        var session = Session(Exempted);
        var exceptions = Enumerable.Range(10, 5).Select(i => new Clause { Id = i, AgreementId = "A", Kind = "exception" }).ToArray();
        session.InsertAll([new Clause { Id = 1, AgreementId = "A" }, .. exceptions]);

        session.Matches().Should().Equal("EXISTS(c=Clause#1)");

        session.RetractAll(exceptions.Take(4));
        session.Matches().Should().Equal("EXISTS(c=Clause#1)");
        session.Retract(exceptions[4]);
        session.Matches().Should().BeEmpty();
    }

    [Fact]
    public void A_correlated_not_remembers_one_blocker_per_tuple_not_every_pair()
    {
        const int tuples = 30, blockers = 50;
        var rule = Rule("NOT")
            .Match<Clause>("c", c => c.Kind == "market-access")
            .Not<Clause>((Clause e) => e.Kind == "exception", (Clause e, Clause c) => e.AgreementId == c.AgreementId && e.Id != c.Id)
            .Build();
        var clauses = Enumerable.Range(0, tuples).Select(i => new Clause { Id = i, AgreementId = "A" }).ToArray();
        var exceptions = Enumerable.Range(100, blockers).Select(i => new Clause { Id = i, AgreementId = "A", Kind = "exception" }).ToArray();

        var blockersFirst = Session(rule);
        blockersFirst.InsertAll([.. clauses, .. exceptions]);
        blockersFirst.Metrics.JoinConditionEvaluations.Should().Be(tuples, "each tuple stops at the first blocker it finds");

        var tuplesFirst = Session(rule);
        tuplesFirst.InsertAll(clauses);
        foreach (var exception in exceptions)
        {
            tuplesFirst.Insert(exception);
        }

        tuplesFirst.Metrics.JoinConditionEvaluations.Should().Be(tuples, "later blockers skip tuples already blocked");
        tuplesFirst.Matches().Should().BeEmpty();
    }

    [Fact]
    public void Batched_insertion_puts_blockers_in_place_before_the_tuples_they_block()
    {
        var session = Session(Unexempted);

        session.InsertAll([new Clause { Id = 1, AgreementId = "A" }, new Clause { Id = 2, AgreementId = "A", Kind = "exception" }]);

        session.Metrics.ActivationsCreated.Should().Be(0, "no match is made only to be withdrawn");
    }

    [Fact]
    public void A_rule_may_open_with_a_negation()
    {
        var session = Session(Rule("EMPTY").Not<Clause>().Build());
        session.Matches().Should().Equal("EMPTY()");

        var clause = new Clause { Id = 1 };
        session.Insert(clause);
        session.Matches().Should().BeEmpty();

        session.Retract(clause);
        session.Matches().Should().Equal("EMPTY()");
    }

    [Fact]
    public void A_rule_may_open_with_an_existential()
    {
        var session = Session(Rule("ANY").Exists<Clause>(c => c.Kind == "exception").Build());
        session.Matches().Should().BeEmpty();

        session.InsertAll([new Clause { Id = 1, Kind = "exception" }, new Clause { Id = 2, Kind = "exception" }]);
        session.Matches().Should().Equal("ANY()");
    }

    [Fact]
    public void A_fact_leaving_its_memories_is_not_joined_by_what_its_leaving_unblocks()
    {
        // Updating the exception takes it out of the not's right input first: the clause it blocked
        // passes to the join, whose right input still holds the exception. Joining them would test
        // the join's condition on a fact the caller has already changed (here it would throw).
        var rule = Rule("UNBLOCKED-JOIN")
            .Match<Clause>("c", c => c.Kind == "market-access")
            .Not<Clause>((Clause e) => e.Kind == "exception", (Clause e, Clause c) => e.AgreementId == c.AgreementId)
            .Match<Clause>("s", (Clause s) => s.Kind == "exception", (Clause s, Clause c) => s.Id != c.Id && s.Sectors[0] == "x")
            .Build();
        var session = Session(rule);
        var clause = new Clause { Id = 1, AgreementId = "A" };
        var exception = new Clause { Id = 2, AgreementId = "A", Kind = "exception", Sectors = ["x"] };
        session.InsertAll([clause, exception]);
        session.Matches().Should().BeEmpty("the exception blocks the clause");

        exception.Sectors = [];
        session.Invoking(s => s.Update(exception)).Should().NotThrow();
        session.Matches().Should().BeEmpty("the exception still blocks the clause");

        exception.AgreementId = "B";
        exception.Sectors = ["x"];
        session.Update(exception);
        session.Matches().Should().Equal("UNBLOCKED-JOIN(c=Clause#1,s=Clause#2)");
    }
}
