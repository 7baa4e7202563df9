using System.Linq.Expressions;

namespace PolicyRules.Engine.Compilation;

/// <summary>The parameters an expression reads, not counting those of lambdas nested in it.</summary>
internal sealed class FreeParameters : ExpressionVisitor
{
    private readonly HashSet<ParameterExpression> _found = [];
    private readonly HashSet<ParameterExpression> _bound = [];

    public static IReadOnlySet<ParameterExpression> Of(Expression expression)
    {
        var visitor = new FreeParameters();
        visitor.Visit(expression);
        return visitor._found;
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (!_bound.Contains(node))
        {
            _found.Add(node);
        }

        return node;
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        foreach (var parameter in node.Parameters)
        {
            _bound.Add(parameter);
        }

        return base.VisitLambda(node);
    }

    protected override Expression VisitBlock(BlockExpression node)
    {
        foreach (var variable in node.Variables)
        {
            _bound.Add(variable);
        }

        return base.VisitBlock(node);
    }

    protected override CatchBlock VisitCatchBlock(CatchBlock node)
    {
        if (node.Variable is not null)
        {
            _bound.Add(node.Variable);
        }

        return base.VisitCatchBlock(node);
    }
}
