using System.Linq.Expressions;

namespace PolicyRules.Engine.Compilation;

/// <summary>The default compiler: <see cref="LambdaExpression.Compile()"/> of System.Linq.Expressions.</summary>
public sealed class SystemExpressionCompiler : IExpressionCompiler
{
    /// <summary>The shared instance.</summary>
    public static SystemExpressionCompiler Instance { get; } = new();

    /// <inheritdoc/>
    public TDelegate Compile<TDelegate>(Expression<TDelegate> lambda)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(lambda);
        return lambda.Compile();
    }
}
