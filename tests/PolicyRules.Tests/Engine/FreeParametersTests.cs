using System.Linq.Expressions;
using PolicyRules.Engine.Compilation;
using PolicyRules.Language.Binding;

namespace PolicyRules.Tests.Engine;

/// <summary>The parameters a condition reads, found by a visitor each thread reuses, and the order the binder gives them.</summary>
public class FreeParametersTests
{
    private static readonly ParameterExpression C = Expression.Parameter(typeof(string), "c");
    private static readonly ParameterExpression A = Expression.Parameter(typeof(string), "a");
    private static readonly ParameterExpression B = Expression.Parameter(typeof(string), "b");

    [Fact]
    public void The_parameters_read_come_in_the_order_first_read_each_once_without_those_of_nested_lambdas()
    {
        var inner = Expression.Parameter(typeof(string), "x");
        var body = Expression.AndAlso(
            Expression.Equal(B, C),
            Expression.AndAlso(
                Expression.Equal(C, A),
                Expression.Invoke(Expression.Lambda<Func<string, bool>>(Expression.Equal(inner, B), inner), A)));

        FreeParameters.Of(body).Should().Equal(B, C, A);
        FreeParameters.Of(Expression.Constant(1)).Should().BeEmpty();
    }

    [Fact]
    public void A_result_is_the_callers_own_and_a_later_call_changes_nothing_in_it()
    {
        var first = FreeParameters.Of(Expression.Equal(A, B));
        var second = FreeParameters.Of(Expression.Equal(C, C));

        first.Should().Equal(A, B);
        second.Should().Equal(C);
        FreeParameters.ReadsOnly(Expression.Equal(C, C), C).Should().BeTrue();
        FreeParameters.ReadsOnly(Expression.Equal(C, A), C).Should().BeFalse();
    }

    [Fact]
    public void Threads_finding_parameters_at_once_each_get_their_own_answer()
    {
        var bodies = Enumerable.Range(0, 200)
            .Select(i => (Body: i % 2 == 0 ? Expression.Equal(A, B) : Expression.Equal(C, A), Expected: i % 2 == 0 ? new[] { A, B } : new[] { C, A }))
            .ToArray();

        Parallel.ForEach(bodies, new ParallelOptions { MaxDegreeOfParallelism = 4 }, item => FreeParameters.Of(item.Body).Should().Equal(item.Expected));
    }

    [Fact]
    public void A_conditions_parameters_are_its_subject_then_the_aliases_it_reads_by_name()
    {
        var body = Expression.AndAlso(Expression.Equal(C, B), Expression.AndAlso(Expression.Equal(C, A), Expression.Equal(B, C)));

        RuleBinder.Parameters(body, C).Should().Equal(C, A, B);
        RuleBinder.Parameters(Expression.Equal(B, A), C).Should().Equal([C, A, B], "the subject comes first even when the body does not read it");
        RuleBinder.Parameters(Expression.Constant(true), C).Should().Equal(C);
    }
}
