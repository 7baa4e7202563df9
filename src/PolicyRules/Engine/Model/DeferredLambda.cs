using System.Linq.Expressions;

namespace PolicyRules.Engine.Model;

/// <summary>
/// A condition or an action as the engine reads it: its parameters and its body. The lambda that
/// <see cref="PatternElement.Conditions"/> or <see cref="RuleAction.Expression"/> shows is made on
/// first request.
/// </summary>
/// <remarks>
/// The rule files' binder and the join planner make thousands of conditions: as typed lambdas, each
/// would cost a delegate type found by reflection (made anew by the native runtime's type loader)
/// and objects the engine never reads.
/// </remarks>
internal sealed class DeferredLambda
{
    private LambdaExpression? _lambda;

    /// <summary>A lambda given as such, which <see cref="Lambda"/> returns as it is.</summary>
    public DeferredLambda(LambdaExpression lambda)
    {
        _lambda = lambda;
        Parameters = lambda.Parameters;
        Body = lambda.Body;
        ReturnType = lambda.ReturnType;
    }

    /// <summary><paramref name="body"/> over <paramref name="parameters"/>, its lambda made when asked.</summary>
    public DeferredLambda(Expression body, IReadOnlyList<ParameterExpression> parameters)
    {
        Parameters = parameters;
        Body = body;
        ReturnType = body.Type;
    }

    public IReadOnlyList<ParameterExpression> Parameters { get; }

    public Expression Body { get; }

    public Type ReturnType { get; }

    /// <summary>The lambda, the same instance every time it is asked for.</summary>
    public LambdaExpression Lambda
    {
        get
        {
            if (_lambda is null)
            {
                Interlocked.CompareExchange(ref _lambda, Expression.Lambda(Body, Parameters), null);
            }

            return _lambda;
        }
    }

    public override string ToString() => Lambda.ToString();
}
