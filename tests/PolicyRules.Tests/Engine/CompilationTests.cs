using System.Linq.Expressions;
using PolicyRules.Engine;
using PolicyRules.Engine.Model;
using PolicyRules.Engine.Runtime;
using static PolicyRules.Tests.Engine.Rules;

namespace PolicyRules.Tests.Engine;

public class CompilationTests
{
    [Fact]
    public void A_condition_naming_an_unbound_alias_is_refused_with_the_known_aliases()
    {
        var rule = Rule("R").Match<Agreement>("a").Match<Clause>("c", (Clause c, Agreement agreement) => c.AgreementId == agreement.Id).Build();

        var act = () => RuleNetwork.Compile([rule]);

        act.Should().Throw<RuleDefinitionException>().Where(e => e.RuleId == "R").WithMessage("*'agreement'*bound: a*");
    }

    [Fact]
    public void An_alias_of_the_wrong_type_is_refused()
    {
        var rule = Rule("R").Match<Agreement>("a").Match<Clause>("c", (Clause c, Clause a) => c.Id == a.Id).Build();

        FluentActions.Invoking(() => RuleNetwork.Compile([rule])).Should().Throw<RuleDefinitionException>().WithMessage("*Clause*Agreement*");
    }

    [Fact]
    public void An_alias_declared_twice_is_refused()
    {
        var rule = Rule("R").Match<Clause>("c").Match<Clause>("c").Build();

        FluentActions.Invoking(() => RuleNetwork.Compile([rule])).Should().Throw<RuleDefinitionException>().WithMessage("*'c'*twice*");
    }

    [Fact]
    public void A_negated_pattern_binds_nothing_after_it()
    {
        var hidden = new PatternElement(typeof(Clause), "e", []);
        var uses = Expression.Parameter(typeof(Clause), "e");
        var self = Expression.Parameter(typeof(Clause), "x");
        var rule = new RuleDefinition("R", null, 0, [
            new NotElement(hidden),
            new PatternElement(typeof(Clause), "x", [Expression.Lambda(Expression.Equal(Expression.Property(self, "Id"), Expression.Property(uses, "Id")), self, uses)]),
        ], []);

        FluentActions.Invoking(() => RuleNetwork.Compile([rule])).Should().Throw<RuleDefinitionException>().WithMessage("*'e'*");
    }

    [Fact]
    public void A_condition_that_is_not_boolean_is_refused()
    {
        var c = Expression.Parameter(typeof(Clause), "c");
        var rule = new RuleDefinition("R", null, 0, [new PatternElement(typeof(Clause), "c", [Expression.Lambda(Expression.Property(c, "Id"), c)])], []);

        FluentActions.Invoking(() => RuleNetwork.Compile([rule])).Should().Throw<RuleDefinitionException>().WithMessage("*returns Int32*");
    }

    [Fact]
    public void Rules_sharing_an_id_are_refused()
    {
        FluentActions.Invoking(() => RuleNetwork.Compile([Rule("R").Build(), Rule("R").Build()]))
            .Should().Throw<RuleDefinitionException>().Where(e => e.RuleId == "R");
    }

    [Fact]
    public void An_action_naming_an_unknown_alias_is_refused()
    {
        var rule = Rule("R").Match<Clause>("c").Then((IActionContext ctx, Clause d) => ctx.Insert(d)).Build();

        FluentActions.Invoking(() => RuleNetwork.Compile([rule])).Should().Throw<RuleDefinitionException>().WithMessage("*action 1*'d'*");
    }

    [Fact]
    public void A_rule_with_no_conditions_matches_once()
    {
        var session = Session(Rule("ALWAYS").Build());

        session.Fire().Should().Be(1);
    }

    [Fact]
    public void A_custom_expression_compiler_compiles_every_expression()
    {
        var counting = new CountingCompiler();
        var rule = Rule("R")
            .Match<Clause>("c", c => c.Kind == "mfn", c => c.Id > 3)
            .Not<Clause>((Clause e, Clause c) => e.AgreementId == c.AgreementId && e.Id < c.Id)
            .Then((IActionContext ctx, Clause c) => ctx.Insert(new Finding("R", c.Id)))
            .Build();

        RuleNetwork.Compile([rule], new RuleNetworkOptions { ExpressionCompiler = counting });

        counting.Count.Should().Be(7, "dispatch accessor and predicate, selection, left and right keys, residual, action");
    }

    [Fact]
    public void An_action_given_as_a_delegate_is_called_as_it_is_not_compiled()
    {
        var counting = new CountingCompiler();
        var seen = new List<(IActionContext Context, int Id)>();
        var rule = Rule("R")
            .Match<Clause>("c", c => c.Kind == "mfn")
            .Do((ctx, match) => seen.Add((ctx, match.Get<Clause>("c").Id)))
            .Build();
        var network = RuleNetwork.Compile([rule], new RuleNetworkOptions { ExpressionCompiler = counting });
        using var session = network.CreateSession();
        session.InsertAll([new Clause { Id = 1, Kind = "mfn" }, new Clause { Id = 2, Kind = "subsidy" }]);

        session.Fire().Should().Be(1);

        counting.Count.Should().Be(2, "the dispatch accessor and predicate; the action is a delegate already");
        seen.Should().ContainSingle().Which.Id.Should().Be(1);
        seen[0].Context.Should().NotBeNull();
    }

    private sealed class CountingCompiler : PolicyRules.Engine.Compilation.IExpressionCompiler
    {
        public int Count { get; private set; }

        public TDelegate Compile<TDelegate>(Expression<TDelegate> lambda)
            where TDelegate : Delegate
        {
            Count++;
            return lambda.Compile();
        }
    }
}
