using System.Linq.Expressions;

namespace PolicyRules.Engine.Compilation;

/// <summary>The parameters an expression reads, not counting those of lambdas nested in it.</summary>
/// <remarks>
/// Asked of every conjunct several times while rules are planned and built, of expressions that read
/// a handful of parameters: small lists searched in order cost less than hash sets there.
/// </remarks>
internal sealed class FreeParameters : ExpressionVisitor
{
    private readonly List<ParameterExpression> _found = [];
    private List<ParameterExpression>? _bound;

    /// <summary>The parameters <paramref name="expression"/> reads, in the order first read, each once.</summary>
    public static IReadOnlyList<ParameterExpression> Of(Expression expression)
    {
        var visitor = new FreeParameters();
        visitor.Visit(expression);
        return visitor._found;
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (_bound?.Contains(node) != true && !_found.Contains(node))
        {
            _found.Add(node);
        }

        return node;
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        Bind(node.Parameters);
        return base.VisitLambda(node);
    }

    protected override Expression VisitBlock(BlockExpression node)
    {
        Bind(node.Variables);
        return base.VisitBlock(node);
    }

    protected override CatchBlock VisitCatchBlock(CatchBlock node)
    {
        if (node.Variable is not null)
        {
            Bind([node.Variable]);
        }

        return base.VisitCatchBlock(node);
    }

    private void Bind(IEnumerable<ParameterExpression> parameters) => (_bound ??= []).AddRange(parameters);
}
