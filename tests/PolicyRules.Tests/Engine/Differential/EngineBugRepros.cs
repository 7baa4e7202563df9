using PolicyRules.Engine;
using PolicyRules.Engine.Builder;

namespace PolicyRules.Tests.Engine.Differential;

/// <summary>
/// Minimal hand-written reproductions of the engine bugs the differential properties found, each
/// reduced from a shrunk counterexample. Every test states what the naive oracle says (the C#
/// meaning of the rule) and checks the engine against it.
/// </summary>
public class EngineBugRepros
{
    // Bug A (found in fa6d97e, fixed by acc9bd6): a join key was extracted from a lambda's
    // conjunction and evaluated for every token, ahead of the conjunct that guards it.
    [Fact]
    [Trait("Category", "Differential")]
    public void Repro_A_join_key_guarded_by_an_earlier_conjunct_of_its_lambda_is_not_evaluated_unguarded()
    {
        var rule = new RuleBuilder("R0")
            .Match<Foo>("p0")
            .Match<Foo>("p1", (Foo p1, Foo p0) => p0.Tag != null && p0.Tag.Length == p1.X)
            .Build();
        var session = RuleNetwork.Compile([rule]).CreateSession();

        // C#: p0.Tag != null is false for the only fact, so p0.Tag.Length is never read: no match.
        session.Invoking(s => s.InsertAll([new Foo { Id = 1, Tag = null }])).Should().NotThrow();
        Differential.EngineMatches(session).Should().BeEmpty();
    }

    // Bug B (found in fa6d97e, fixed by acc9bd6): a conjunct over the fact alone was hoisted into the
    // alpha network although it is written after (and guarded by) conjuncts that join earlier aliases.
    [Fact]
    [Trait("Category", "Differential")]
    public void Repro_B_single_fact_conjunct_written_after_a_join_guard_is_not_hoisted_into_the_alpha_network()
    {
        var rule = new RuleBuilder("R0")
            .Match<Foo>("p0")
            .Match<Bar>("p1", (Bar p1, Foo p0) => p0.Tag != null && p1.Tag == p0.Tag && p1.Tag!.Length == 1)
            .Build();
        var session = RuleNetwork.Compile([rule]).CreateSession();

        // C#: for a Bar with a null Tag, p1.Tag == p0.Tag is false (p0.Tag is not null): no exception.
        session.Invoking(s => s.InsertAll([new Foo { Id = 1, Tag = "a" }, new Bar { Id = 2, Tag = null }, new Bar { Id = 3, Tag = "a" }]))
            .Should().NotThrow();
        Differential.EngineMatches(session).Should().Equal("R0|p0=#1|p1=#3");
    }

    // Bug C (open in 0f267c6): within one lambda, two equality conjuncts both become hash keys, and
    // all the keys of a token (or of a fact) are computed at once, so the second runs even where the
    // first, which guards it, is false.
    [Fact]
    [Trait("Category", "Differential")]
    public void Repro_C_second_join_key_guarded_by_the_first_is_not_evaluated_on_tokens_the_first_rejects()
    {
        var rule = new RuleBuilder("R0")
            .Match<Foo>("p0")
            .Match<Foo>("p1", (Foo p1, Foo p0) => p1.Tag != null && p1.Tag == p0.Tag && p0.Tag!.Length == p1.X)
            .Build();
        var session = RuleNetwork.Compile([rule]).CreateSession();

        // C#: p0.Tag.Length is read only when p1.Tag == p0.Tag with p1.Tag not null, so never on a null p0.Tag.
        session.Invoking(s => s.InsertAll([new Foo { Id = 1, Tag = null }, new Foo { Id = 2, Tag = "a", X = 1 }])).Should().NotThrow();
        Differential.EngineMatches(session).Should().Equal("R0|p0=#2|p1=#2");
    }

    [Fact]
    [Trait("Category", "Differential")]
    public void Repro_C_second_join_key_guarded_by_the_first_is_not_evaluated_on_facts_the_first_rejects()
    {
        var rule = new RuleBuilder("R0")
            .Match<Foo>("p0", p0 => p0.Tag != null)
            .Match<Foo>("p1", (Foo p1, Foo p0) => p1.Tag == p0.Tag && p1.Tag!.Length == p0.X)
            .Build();
        var session = RuleNetwork.Compile([rule]).CreateSession();

        // C#: p0.Tag is not null, so p1.Tag.Length is read only when p1.Tag equals it, never on a null p1.Tag.
        session.Invoking(s => s.InsertAll([new Foo { Id = 1, Tag = "a", X = 1 }, new Foo { Id = 2, Tag = null }])).Should().NotThrow();
        Differential.EngineMatches(session).Should().Equal("R0|p0=#1|p1=#1");
    }

    // Bug D (open in 0f267c6): ExpressionKey writes a DateTime constant with the invariant culture's
    // general format, which drops the fraction of a second (and the kind), so two conditions that
    // differ only in milliseconds get the same key and share one alpha node: the second rule tests the
    // first rule's constant.
    [Fact]
    [Trait("Category", "Differential")]
    public void Repro_D_DateTime_constants_less_than_a_second_apart_are_not_shared_as_one_alpha_test()
    {
        var second = new DateTime(2024, 1, 1, 0, 0, 1, 0, DateTimeKind.Utc);
        var secondAndAHalf = new DateTime(2024, 1, 1, 0, 0, 1, 500, DateTimeKind.Utc);
        var session = RuleNetwork.Compile([
            new RuleBuilder("R0").Match<Bar>("b", b => b.When >= second).Build(),
            new RuleBuilder("R1").Match<Bar>("b", b => b.When >= secondAndAHalf).Build(),
        ]).CreateSession();

        session.Insert(new Bar { Id = 1, When = second });

        // 00:00:01.000 >= 00:00:01.000 but not >= 00:00:01.500: only R0 matches.
        Differential.EngineMatches(session).Should().Equal("R0|b=#1");
    }

    // Bug E (open in 0f267c6; found reading ExpressionKey, not by the properties, whose facts have no
    // enums): the key of an enum constant is Convert.ToInt64 of it, which throws for a ulong-based enum
    // value above long.MaxValue, so a valid rule does not compile.
    [Fact]
    [Trait("Category", "Differential")]
    public void Repro_E_a_ulong_enum_constant_above_long_MaxValue_compiles_and_matches()
    {
        var rule = new RuleBuilder("R0").Match<Flagged>("f", f => f.Flags.HasFlag(WideFlags.Top)).Build();

        RuleNetwork network = null!;
        FluentActions.Invoking(() => network = RuleNetwork.Compile([rule])).Should().NotThrow();
        var session = network.CreateSession();
        session.Insert(new Flagged { Flags = WideFlags.Top });
        session.PendingMatches.Should().ContainSingle();
    }

    // Bug F (found by the chaining property when FastExpressionCompiler became every network's
    // default): FastExpressionCompiler compiles `a != b` on references as !a.Equals(b), so two derived
    // facts with value equality never joined as a pair. The compiler now writes it as ReferenceEquals.
    [Fact]
    [Trait("Category", "Differential")]
    public void Repro_F_two_equal_valued_facts_are_still_two_facts_in_a_join()
    {
        var rule = new RuleBuilder("R0")
            .Match<Derived>("a")
            .Match<Derived>("b", (Derived b, Derived a) => b != a)
            .Build();
        var session = RuleNetwork.Compile([rule]).CreateSession();

        session.InsertAll([new Derived { X = 1 }, new Derived { X = 1 }]);

        session.PendingMatches.Should().HaveCount(2, "each of two distinct facts pairs with the other, equal values or not");
    }

    [Flags]
    public enum WideFlags : ulong
    {
        None = 0,
        Top = 0x8000_0000_0000_0000,
    }

    public sealed class Flagged
    {
        public WideFlags Flags { get; set; }
    }
}
