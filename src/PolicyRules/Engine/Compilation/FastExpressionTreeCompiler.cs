using System.Linq.Expressions;
using FastExpressionCompiler;

namespace PolicyRules.Engine.Compilation;

/// <summary>
/// Compiles with FastExpressionCompiler (IL emitted directly, 10–40× faster to compile than
/// System.Linq.Expressions, delegates as fast or faster), falling back to
/// <see cref="LambdaExpression.Compile()"/> for a shape it does not support. The default: rulebooks of
/// hundreds of rules load in a fraction of the time (docs/PERFORMANCE.md).
/// </summary>
public sealed class FastExpressionTreeCompiler : IExpressionCompiler
{
    /// <summary>The shared instance.</summary>
    public static FastExpressionTreeCompiler Instance { get; } = new();

    /// <inheritdoc/>
    public TDelegate Compile<TDelegate>(Expression<TDelegate> lambda)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(lambda);
        return lambda.CompileFast(ifFastFailedReturnNull: true) ?? lambda.Compile();
    }
}
