using System.Linq.Expressions;
using System.Reflection;

namespace PolicyRules.Engine.Compilation;

/// <summary>
/// Replaces reads of captured variables (fields of closure constants) by their values, so two rules
/// that test the same value share a node and constant tests can be hashed. Only field reads and
/// built-in conversions are folded: method calls and properties may have effects or change.
/// </summary>
internal sealed class ClosureFolder : ExpressionVisitor
{
    public static Expression Fold(Expression expression) => new ClosureFolder().Visit(expression);

    protected override Expression VisitMember(MemberExpression node)
    {
        var target = node.Expression is null ? null : Visit(node.Expression);
        if (node.Member is FieldInfo field && (target is null || target is ConstantExpression))
        {
            var instance = (target as ConstantExpression)?.Value;
            if (field.IsStatic ? field.IsInitOnly || field.IsLiteral : instance is not null)
            {
                return Expression.Constant(field.GetValue(instance), node.Type);
            }
        }

        return node.Update(target);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        var operand = Visit(node.Operand);
        var updated = node.Update(operand);
        if (operand is ConstantExpression constant
            && node.Method is null
            && node.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked
            && (constant.Value is null || constant.Type.IsPrimitive || constant.Type.IsEnum || Nullable.GetUnderlyingType(node.Type) is not null))
        {
            try
            {
                var value = Expression.Lambda<Func<object?>>(Expression.Convert(updated, typeof(object))).Compile(preferInterpretation: true)();
                return Expression.Constant(value, node.Type);
            }
            catch (Exception)
            {
                // Leave a conversion that fails to run where it fails: at evaluation, with the rule named.
            }
        }

        return updated;
    }
}
