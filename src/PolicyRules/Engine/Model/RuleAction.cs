using System.Linq.Expressions;

namespace PolicyRules.Engine.Model;

/// <summary>One action of a rule's right-hand side.</summary>
/// <remarks>
/// The action is a lambda. A parameter of type <see cref="Runtime.IActionContext"/> receives the
/// context (to insert, update or retract facts); one of type <see cref="Runtime.IMatch"/> receives the
/// match; every other parameter is bound by name to an alias of the left-hand side.
/// </remarks>
public sealed class RuleAction
{
    /// <summary>Creates an action.</summary>
    public RuleAction(LambdaExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        Parts = new DeferredLambda(expression);
    }

    /// <summary>An action the binder made: its lambda is made when asked.</summary>
    internal RuleAction(DeferredLambda parts) => Parts = parts;

    /// <summary>The action's lambda.</summary>
    public LambdaExpression Expression => Parts.Lambda;

    /// <summary>The action as the engine reads it: parameters and body, no lambda made.</summary>
    internal DeferredLambda Parts { get; }

    /// <summary>
    /// The delegate the action was given as (<c>RuleBuilder.Do</c>), whose invocation is its lambda:
    /// the engine calls it as it is, with nothing to compile.
    /// </summary>
    internal Delegate? Callback { get; init; }
}
