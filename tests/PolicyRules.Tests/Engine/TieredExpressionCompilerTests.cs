using System.Linq.Expressions;
using PolicyRules.Engine.Compilation;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Tests.Engine;

public class TieredExpressionCompilerTests
{
    [Fact]
    public void An_expression_is_interpreted_until_its_threshold_then_compiled_once()
    {
        var inner = new CountingCompiler();
        var tiered = new TieredExpressionCompiler(inner, callsBeforeCompiling: 3);
        Expression<Func<object, bool>> isLong = o => ((string)o).Length > 3;

        var predicate = tiered.Compile(isLong);

        inner.Count.Should().Be(0, "nothing is compiled before it is called");
        predicate("ab").Should().BeFalse();
        predicate("abcd").Should().BeTrue();
        inner.Count.Should().Be(0, "two calls are interpreted");
        predicate("abcde").Should().BeTrue();
        inner.Count.Should().Be(1, "the third call compiles");
        for (var i = 0; i < 100; i++)
        {
            predicate("ab").Should().BeFalse();
        }

        inner.Count.Should().Be(1, "an expression is compiled once");
    }

    [Fact]
    public void Calls_from_many_threads_compile_an_expression_once()
    {
        var inner = new CountingCompiler();
        var tiered = new TieredExpressionCompiler(inner, callsBeforeCompiling: 50);
        Expression<Func<object?[], object, bool>> same = (tuple, fact) => tuple[0] == fact;
        var residual = tiered.Compile(same);
        var fact = new object();

        var answers = Enumerable.Range(0, 10_000).AsParallel().WithDegreeOfParallelism(4)
            .Select(i => residual([i % 2 == 0 ? fact : new object()], fact)).ToArray();

        answers.Count(a => a).Should().Be(5_000);
        inner.Count.Should().Be(1);
    }

    [Fact]
    public void Every_shape_the_engine_compiles_is_tiered_and_others_are_compiled_at_once()
    {
        var inner = new CountingCompiler();
        var tiered = new TieredExpressionCompiler(inner, callsBeforeCompiling: 1000);

        tiered.Compile<Func<object, object?>>(o => o)("x").Should().Be("x");
        tiered.Compile<Func<object?[], object>>(t => t[0]!)(["y"]).Should().Be("y");
        tiered.Compile<Action<IActionContext, IMatch, object?[]>>((c, m, t) => t[0]!.ToString())(null!, null!, ["z"]);
        inner.Count.Should().Be(0, "the engine's shapes start interpreted");

        tiered.Compile<Func<int, int>>(i => i + 1)(1).Should().Be(2);
        tiered.Compile<Func<string, string, string>>((a, b) => a + b)("a", "b").Should().Be("ab");
        inner.Count.Should().Be(2, "a shape the engine does not use is compiled at once");
    }

    [Fact]
    public void An_expression_holding_a_span_is_compiled_at_once_since_the_interpreter_cannot_run_it()
    {
        var inner = new CountingCompiler();
        var tiered = new TieredExpressionCompiler(inner, callsBeforeCompiling: 1000);

        // C# binds Contains on an array to MemoryExtensions.Contains over a ReadOnlySpan (found by the differential suite).
        Expression<Func<object, bool>> holdsTwo = o => ((int[])o).Contains(2);
        holdsTwo.ToString().Should().Contain("op_Implicit", "the tree converts the array to a span");

        tiered.Compile(holdsTwo)(new[] { 1, 2 }).Should().BeTrue();
        inner.Count.Should().Be(1);
    }

    [Fact]
    public void A_threshold_below_one_is_refused()
    {
        FluentActions.Invoking(() => new TieredExpressionCompiler(FastExpressionTreeCompiler.Instance, 0))
            .Should().Throw<ArgumentOutOfRangeException>();
    }

    private sealed class CountingCompiler : IExpressionCompiler
    {
        private int _count;

        public int Count => _count;

        public TDelegate Compile<TDelegate>(Expression<TDelegate> lambda)
            where TDelegate : Delegate
        {
            Interlocked.Increment(ref _count);
            return lambda.Compile();
        }
    }
}
