using System.Linq.Expressions;

namespace PolicyRules.Engine.Compilation;

/// <summary>Substitutes expressions for parameters: how a condition's named parameters become reads from a token.</summary>
internal sealed class ParameterReplacer(IReadOnlyDictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
{
    public static Expression Replace(Expression body, IReadOnlyDictionary<ParameterExpression, Expression> replacements) =>
        new ParameterReplacer(replacements).Visit(body);

    protected override Expression VisitParameter(ParameterExpression node) =>
        replacements.TryGetValue(node, out var replacement) ? replacement : node;
}
