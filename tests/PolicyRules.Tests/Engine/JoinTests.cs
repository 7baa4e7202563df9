using PolicyRules.Engine;
using PolicyRules.Engine.Model;
using PolicyRules.Engine.Runtime;
using System.Globalization;
using static PolicyRules.Tests.Engine.Rules;

namespace PolicyRules.Tests.Engine;

public class JoinTests
{
    [Fact]
    public void An_equality_join_computes_one_key_per_tuple_and_per_fact_not_one_test_per_pair()
    {
        const int n = 40, m = 60;
        var session = Session(Rule("J")
            .Match<Agreement>("a")
            .Match<Clause>("c", (Clause c, Agreement a) => c.AgreementId == a.Id)
            .Build());
        var agreements = Enumerable.Range(0, n).Select(i => new Agreement { Id = $"A{i}" }).ToArray();
        var clauses = Enumerable.Range(0, m).Select(i => new Clause { Id = i, AgreementId = $"A{i % 10}" }).ToArray();

        session.InsertAll([.. agreements, .. clauses]);

        session.Metrics.JoinKeyEvaluations.Should().Be(n + m);
        session.Metrics.JoinConditionEvaluations.Should().Be(0, "the equality is entirely in the hash key");
        session.PendingMatches.Should().HaveCount(m, "each clause belongs to one of the first ten agreements");
    }

    [Fact]
    public void Rules_that_join_a_fact_on_the_same_key_compute_it_once_per_fact()
    {
        // Three rules, each with its own chain (their sector tests differ), all joining a clause to
        // its agreement's exceptions: the key extractor is shared, so a clause's key is computed
        // once for the three, and a clause whose key differs is never answered from another's. The
        // three not-nodes share one right input too, so an exception is keyed once for all three.
        const int clauses = 30, exceptions = 5;
        string[] sectors = ["music", "film", "books"];
        var rules = sectors.Select(s => Rule("R-" + s)
            .Match<Clause>("c", c => c.Kind == "market-access" && c.Sectors.Contains(s))
            .Not<Clause>((Clause e) => e.Kind == "exception", (Clause e, Clause c) => e.AgreementId == c.AgreementId)
            .Build()).ToArray();
        var session = Session(rules);
        var covered = Enumerable.Range(0, clauses).Select(i => new Clause { Id = i, AgreementId = $"A{i % 10}", Sectors = sectors }).ToArray();
        var blockers = Enumerable.Range(0, exceptions).Select(i => new Clause { Id = 100 + i, AgreementId = $"A{i}", Kind = "exception" }).ToArray();

        session.InsertAll([.. blockers, .. covered]);

        session.Metrics.JoinKeyEvaluations.Should().Be(clauses + exceptions, "one left key per clause, one right key per exception");
        session.Matches().Should().HaveCount(sectors.Length * clauses / 2, "the clauses of agreements A5 to A9 have no exception");
        var matched = session.Matches().Select(m => int.Parse(m[(m.IndexOf('#') + 1)..^1], CultureInfo.InvariantCulture) % 10).ToArray();
        matched.Should().OnlyContain(agreement => agreement >= exceptions);

        // An updated clause is keyed anew: moved to an agreement with an exception, it is blocked.
        var moved = covered.First(c => c.Id % 10 >= exceptions);
        moved.AgreementId = "A0";
        session.Update(moved);
        session.Matches().Should().HaveCount(sectors.Length * (clauses / 2 - 1));
    }

    [Fact]
    public void Joins_of_one_rule_that_share_a_right_input_match_a_new_fact_once()
    {
        // c1 and c2 take clauses by the same key, their agreement, so they share one right input. A
        // clause inserted alone must reach c2 on the right before the token it makes at c1 reaches
        // c2 on the left, where the shared index already holds it: else (x, x) would match twice.
        var network = RuleNetwork.Compile([Rule("PAIR")
            .Match<Agreement>("a")
            .Match<Clause>("c1", (Clause c1, Agreement a) => c1.AgreementId == a.Id)
            .Match<Clause>("c2", (Clause c2, Agreement a) => c2.AgreementId == a.Id)
            .Build()]);
        network.Statistics.JoinNodes.Should().Be(2);
        network.Statistics.RightInputs.Should().Be(1, "both joins take every clause by its agreement id");
        var session = network.CreateSession();
        var clauses = Enumerable.Range(1, 3).Select(i => new Clause { Id = i, AgreementId = "A" }).ToArray();

        session.Insert(new Agreement { Id = "A" });
        foreach (var clause in clauses)
        {
            session.Insert(clause);
        }

        session.Matches().Should().HaveCount(9).And.OnlyHaveUniqueItems();
        session.Retract(clauses[0]);
        session.Matches().Should().HaveCount(4).And.OnlyHaveUniqueItems();
        session.Insert(clauses[0]);
        session.Matches().Should().HaveCount(9).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_shared_right_key_that_throws_names_every_rule_that_shares_it()
    {
        // Both rules take the facts by the same key, computed once for both: its failure is theirs.
        RuleDefinition ByKey(string id, string agreement) => Rule(id)
            .Match<Agreement>("a", a => a.Id == agreement)
            .Match<Keyed>("k", (Keyed k, Agreement a) => k.Key == a.Id)
            .Build();
        var network = RuleNetwork.Compile([ByKey("ONE", "A"), ByKey("TWO", "B")]);
        network.Statistics.RightInputs.Should().Be(1);
        var session = network.CreateSession();

        session.Invoking(s => s.Insert(new Keyed(broken: true)))
            .Should().Throw<RuleConditionException>().WithInnerException<InvalidOperationException>();
        session.IsFaulted.Should().BeTrue();
        var failure = network.CreateSession().Invoking(s => s.Insert(new Keyed(broken: true))).Should().Throw<RuleConditionException>().Which;
        failure.RuleIds.Should().BeEquivalentTo("ONE", "TWO");
        failure.Facts.Should().ContainSingle().Which.Should().BeOfType<Keyed>();
    }

    /// <summary>A fact whose key getter can fail: the engine keys members of a fact, trusting getters.</summary>
    public sealed class Keyed(bool broken)
    {
        public string Key => broken ? throw new InvalidOperationException("no key") : "A";
    }

    [Fact]
    public void String_keys_and_null_keys_join_and_leave_as_equality_says()
    {
        var session = Session(Rule("J")
            .Match<Agreement>("a")
            .Match<Clause>("c", (Clause c, Agreement a) => c.AgreementId == a.Id)
            .Build());
        var none = new Agreement { Id = null! };
        var clauses = new[]
        {
            new Clause { Id = 1, AgreementId = "A" },
            new Clause { Id = 2, AgreementId = null! },
            new Clause { Id = 3, AgreementId = new string('A', 1) }, // equal, not the same instance
            new Clause { Id = 4, AgreementId = "a" },
        };

        session.InsertAll([new Agreement { Id = "A" }, none, .. clauses]);
        session.Matches().Should().BeEquivalentTo("J(a=Agreement A,c=Clause#1)", "J(a=Agreement A,c=Clause#3)", "J(a=Agreement ,c=Clause#2)");

        session.Retract(clauses[2]);
        session.Retract(none);
        session.Matches().Should().Equal("J(a=Agreement A,c=Clause#1)");
    }

    [Fact]
    public void The_residual_test_runs_only_on_pairs_that_share_the_key()
    {
        var session = Session(Rule("J")
            .Match<Agreement>("a")
            .Match<Clause>("c", (Clause c, Agreement a) => c.AgreementId == a.Id && c.Id > a.Id.Length)
            .Build());
        session.InsertAll([
            new Agreement { Id = "A" }, new Agreement { Id = "B" },
            new Clause { Id = 1, AgreementId = "A" }, new Clause { Id = 3, AgreementId = "A" }, new Clause { Id = 4, AgreementId = "C" },
        ]);

        session.Metrics.JoinConditionEvaluations.Should().Be(2, "only the two clauses of agreement A meet it");
        session.Matches().Should().Equal("J(a=Agreement A,c=Clause#3)");
    }

    [Fact]
    public void A_composite_key_joins_on_every_equality()
    {
        var session = Session(Rule("J")
            .Match<Clause>("x", x => x.Kind == "exception")
            .Match<Clause>("y", (Clause y, Clause x) => y.AgreementId == x.AgreementId && y.Id == x.Id + 1)
            .Build());
        session.InsertAll([
            new Clause { Id = 1, AgreementId = "A", Kind = "exception" },
            new Clause { Id = 2, AgreementId = "A" },
            new Clause { Id = 2, AgreementId = "B" },
        ]);

        session.Metrics.JoinConditionEvaluations.Should().Be(0);
        session.Matches().Should().Equal("J(x=Clause#1,y=Clause#2)");
    }

    [Fact]
    public void A_non_equality_join_pairs_by_its_condition()
    {
        var session = Session(Rule("Lt")
            .Match<Clause>("a")
            .Match<Clause>("b", (Clause b, Clause a) => a.Id < b.Id)
            .Build());
        session.InsertAll([new Clause { Id = 1 }, new Clause { Id = 2 }, new Clause { Id = 3 }]);

        session.Matches().Should().BeEquivalentTo("Lt(a=Clause#1,b=Clause#2)", "Lt(a=Clause#1,b=Clause#3)", "Lt(a=Clause#2,b=Clause#3)");
    }

    [Fact]
    public void Retracting_either_side_withdraws_exactly_its_matches()
    {
        var session = Session(Rule("J")
            .Match<Agreement>("a")
            .Match<Clause>("c", (Clause c, Agreement a) => c.AgreementId == a.Id)
            .Build());
        var a = new Agreement { Id = "A" };
        var b = new Agreement { Id = "B" };
        var c1 = new Clause { Id = 1, AgreementId = "A" };
        var c2 = new Clause { Id = 2, AgreementId = "A" };
        var c3 = new Clause { Id = 3, AgreementId = "B" };
        session.InsertAll([a, b, c1, c2, c3]);

        session.Retract(c1);
        session.Matches().Should().BeEquivalentTo("J(a=Agreement A,c=Clause#2)", "J(a=Agreement B,c=Clause#3)");

        session.Retract(a);
        session.Matches().Should().Equal("J(a=Agreement B,c=Clause#3)");
    }

    [Fact]
    public void An_update_uses_the_key_the_fact_had_to_remove_it_and_the_new_one_to_add_it()
    {
        var session = Session(Rule("J")
            .Match<Agreement>("a")
            .Match<Clause>("c", (Clause c, Agreement a) => c.AgreementId == a.Id)
            .Build());
        var clause = new Clause { Id = 1, AgreementId = "A" };
        session.InsertAll([new Agreement { Id = "A" }, new Agreement { Id = "B" }, clause]);

        clause.AgreementId = "B";
        session.Update(clause);

        session.Matches().Should().Equal("J(a=Agreement B,c=Clause#1)");
    }

    [Fact]
    public void A_fact_can_join_with_itself()
    {
        var session = Session(Rule("Self")
            .Match<Clause>("a")
            .Match<Clause>("b", (Clause b, Clause a) => b.AgreementId == a.AgreementId)
            .Build());

        session.Insert(new Clause { Id = 1 });

        session.Matches().Should().Equal("Self(a=Clause#1,b=Clause#1)");
    }

    [Fact]
    public void A_join_test_that_guards_a_later_test_of_the_same_lambda_keeps_guarding_it()
    {
        var session = Session(Rule("GUARD")
            .Match<Agreement>("a")
            .Match<Clause>("c", (Clause c, Agreement a) => a.HasExemption && c.Sectors.Length > 0)
            .Build());

        var act = () => session.InsertAll([new Agreement { Id = "A" }, new Clause { Id = 1, Sectors = null! }]);

        act.Should().NotThrow("c.Sectors.Length runs only where a.HasExemption holds, as written");
        session.Matches().Should().BeEmpty();
    }

    [Fact]
    public void Identity_of_facts_joins_by_hash_whatever_Equals_says()
    {
        var session = Session(Rule("SAME")
            .Match<Agreement>("a")
            .Match<Holder>("h", (Holder h, Agreement a) => h.Owner == a)
            .Build());
        var first = new Agreement { Id = "A" };
        var twin = new Agreement { Id = "A" };
        session.InsertAll([first, twin, new Holder(first), new Holder(twin), new Holder("elsewhere")]);

        session.Metrics.JoinConditionEvaluations.Should().Be(0, "identity is the hash key");
        session.PendingMatches.Should().HaveCount(2);
        session.PendingMatches.Should().OnlyContain(m => ReferenceEquals(m.Get<Holder>("h").Owner, m.Get<Agreement>("a")));
    }

    public sealed record Holder(object Owner);
}
