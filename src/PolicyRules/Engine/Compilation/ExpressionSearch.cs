using System.Linq.Expressions;

namespace PolicyRules.Engine.Compilation;

/// <summary>Whether any node of an expression meets a condition; the walk stops at the first that does.</summary>
internal sealed class ExpressionSearch(Func<Expression, bool> match) : ExpressionVisitor
{
    private bool _found;

    /// <summary>True when <paramref name="match"/> holds for a node of <paramref name="expression"/>.</summary>
    public static bool Any(Expression expression, Func<Expression, bool> match)
    {
        var search = new ExpressionSearch(match);
        search.Visit(expression);
        return search._found;
    }

    public override Expression? Visit(Expression? node)
    {
        if (_found || node is null)
        {
            return node;
        }

        if (match(node))
        {
            _found = true;
            return node;
        }

        return base.Visit(node);
    }
}
