using System.Linq.Expressions;
using PolicyRules.Engine.Model;
using PolicyRules.Tests.Language;
using static PolicyRules.Tests.Language.LanguageFixture;

namespace PolicyRules.Tests.Engine;

/// <summary>
/// The engine reads a pattern's conditions and a rule's actions as parameters and body; the lambdas a
/// caller sees are the ones it gave, or, for those the binder made, lambdas made on first request.
/// </summary>
public class DeferredLambdaTests
{
    [Fact]
    public void A_pattern_shows_the_lambdas_it_was_given()
    {
        Expression<Func<Clause, bool>> condition = c => c.Id > 2;

        var pattern = new PatternElement(typeof(Clause), "c", [condition]);

        pattern.Conditions.Should().ContainSingle().Which.Should().BeSameAs(condition);
    }

    [Fact]
    public void A_null_condition_is_refused_where_the_pattern_is_made()
    {
        var act = () => new PatternElement(typeof(Clause), "c", [null!]);

        act.Should().Throw<ArgumentException>().WithParameterName("conditions");
    }

    [Fact]
    public void A_bound_condition_shows_as_a_typed_lambda_over_the_fact_then_the_aliases_it_reads()
    {
        var set = Load(Book(
            """
            [ { "match": "Box", "as": "b" },
              { "match": "Item", "as": "x", "where": { "colour": "red", "boxId": "$b.id" } } ]
            """));
        set.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
        var item = set.Rules.Single().Definition.Conditions.OfType<PatternElement>().Single(p => p.Alias == "x");

        var lambdas = item.Conditions;

        lambdas.Should().HaveCount(2);
        lambdas.Should().BeSameAs(item.Conditions, "the lambdas are made once");
        lambdas[0].Should().BeAssignableTo<Expression<Func<Item, bool>>>();
        lambdas[1].Should().BeAssignableTo<Expression<Func<Item, Box, bool>>>();
        lambdas[1].Parameters.Select(p => p.Name).Should().Equal("x", "b");
        var joined = ((Expression<Func<Item, Box, bool>>)lambdas[1]).Compile();
        joined(new Item { BoxId = "B7" }, new Box { Id = "B7" }).Should().BeTrue();
        joined(new Item { BoxId = "B7" }, new Box { Id = "B8" }).Should().BeFalse();
    }

    [Fact]
    public void A_bound_action_shows_as_a_lambda_over_the_context_then_the_aliases_it_reads()
    {
        var set = Load(Book("""[ { "match": "Item", "as": "x", "where": { "colour": "red" } } ]"""));
        set.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
        var action = set.Rules.Single().Definition.Actions.Single();

        var lambda = action.Expression;

        lambda.Should().BeSameAs(action.Expression, "the lambda is made once");
        lambda.Parameters.Select(p => p.Type).Should().Equal(typeof(PolicyRules.Engine.Runtime.IActionContext), typeof(Item));
        lambda.Parameters[1].Name.Should().Be("x");
        lambda.ReturnType.Should().Be(typeof(void));
    }

    [Fact]
    public void An_action_shows_the_lambda_it_was_given()
    {
        Expression<Action<Clause>> act = c => c.ToString();

        new RuleAction(act).Expression.Should().BeSameAs(act);
    }

    [Fact]
    public void Lambdas_asked_for_from_many_threads_are_one_list()
    {
        var set = Load(Book("""[ { "match": "Item", "as": "x", "where": { "colour": "red", "price": { "gt": 3 } } } ]"""));
        var item = set.Rules.Single().Definition.Conditions.OfType<PatternElement>().Single();

        var seen = Enumerable.Range(0, 16).AsParallel().Select(_ => item.Conditions).ToArray();

        seen.Should().OnlyContain(list => list.SequenceEqual(seen[0]));
    }
}
