using System.Linq.Expressions;
using System.Reflection;

namespace PolicyRules.Engine.Compilation;

/// <summary>
/// Recognises the condition shapes the network can hash: equality of two values and membership of
/// a value in a list. Hashing must agree with the condition exactly, so only types whose
/// <c>==</c> and <see cref="object.Equals(object)"/> agree qualify (no floating point, no reference
/// equality on arbitrary classes).
/// </summary>
internal static class ExpressionShapes
{
    private static readonly MethodInfo StringEquals =
        typeof(string).GetMethod(nameof(string.Equals), BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(string)])!;

    private static readonly HashSet<Type> HashableTypes =
    [
        typeof(string), typeof(bool), typeof(char),
        typeof(byte), typeof(sbyte), typeof(short), typeof(ushort),
        typeof(int), typeof(uint), typeof(long), typeof(ulong),
        typeof(decimal), typeof(DateTime), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan), typeof(Guid),
    ];

    public static bool IsHashable(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsEnum || HashableTypes.Contains(underlying);
    }

    /// <summary>Matches <c>a == b</c> (or <c>string.Equals(a, b)</c>) on a hashable type.</summary>
    public static bool TryEquality(Expression condition, out Expression left, out Expression right)
    {
        switch (condition)
        {
            case BinaryExpression { NodeType: ExpressionType.Equal, IsLiftedToNull: false } binary
                when binary.Left.Type == binary.Right.Type
                     && IsHashable(binary.Left.Type)
                     && (binary.Method is null || binary.Method.DeclaringType == (Nullable.GetUnderlyingType(binary.Left.Type) ?? binary.Left.Type)):
                left = binary.Left;
                right = binary.Right;
                return true;
            case MethodCallExpression call when call.Method == StringEquals:
                left = call.Arguments[0];
                right = call.Arguments[1];
                return true;
            default:
                left = right = null!;
                return false;
        }
    }

    /// <summary>
    /// Matches reference equality of two objects: <c>==</c> between reference types with no
    /// operator of their own (and what <see cref="Expression.ReferenceEqual(Expression, Expression)"/>
    /// builds). Hashable by identity.
    /// </summary>
    public static bool TryReferenceEquality(Expression condition, out Expression left, out Expression right)
    {
        if (condition is BinaryExpression { NodeType: ExpressionType.Equal, Method: null } binary
            && !binary.Left.Type.IsValueType && !binary.Right.Type.IsValueType)
        {
            left = binary.Left;
            right = binary.Right;
            return true;
        }

        left = right = null!;
        return false;
    }

    /// <summary>
    /// Matches <c>list.Contains(item)</c> on a hashable element type, in the forms C# produces:
    /// <see cref="Enumerable.Contains{TSource}(IEnumerable{TSource}, TSource)"/>, the span overload
    /// C# 14 binds for arrays, and the instance method of a list or collection interface.
    /// </summary>
    public static bool TryContains(Expression condition, out Expression source, out Expression item, out Type elementType)
    {
        source = item = null!;
        elementType = null!;
        if (condition is not MethodCallExpression { Method.Name: "Contains" } call)
        {
            return false;
        }

        var method = call.Method;
        if (method.IsStatic && call.Arguments.Count == 2 && method.IsGenericMethod)
        {
            var declaring = method.DeclaringType;
            if (declaring == typeof(Enumerable))
            {
                source = call.Arguments[0];
            }
            else if (declaring == typeof(MemoryExtensions) && UnwrapSpan(call.Arguments[0]) is { } array)
            {
                source = array;
            }
            else
            {
                return false;
            }

            item = call.Arguments[1];
            elementType = method.GetGenericArguments()[0];
        }
        else if (!method.IsStatic && call.Arguments.Count == 1 && call.Object is not null && IsListLike(method.DeclaringType))
        {
            source = call.Object;
            item = call.Arguments[0];
            elementType = method.DeclaringType!.GetGenericArguments()[0];
        }
        else
        {
            return false;
        }

        return IsHashable(elementType) && item.Type == elementType;
    }

    /// <summary>
    /// Whether evaluating an expression cannot fail on facts: parameters, constants, members of a
    /// fact, conversions of those, and a member read behind its own null test. Join keys are
    /// computed for every token and fact, not only for the pairs the written condition would reach,
    /// so only such expressions become keys.
    /// </summary>
    public static bool CannotFail(Expression expression) => expression switch
    {
        ParameterExpression or ConstantExpression or DefaultExpression => true,
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.TypeAs, Method: null } convert => CannotFail(convert.Operand),
        BinaryExpression { NodeType: ExpressionType.Add or ExpressionType.Subtract or ExpressionType.Multiply, Method: null } arithmetic =>
            CannotFail(arithmetic.Left) && CannotFail(arithmetic.Right),
        MemberExpression { Expression: null } => true,
        MemberExpression { Expression: var target } => Unwrap(target) is ParameterExpression,
        ConditionalExpression
        {
            Test: BinaryExpression { NodeType: ExpressionType.Equal, Left: var tested, Right: ConstantExpression { Value: null } },
            IfTrue: var whenNull,
            IfFalse: var otherwise,
        } => CannotFail(tested) && CannotFail(whenNull) && ReadsMemberOf(Unwrap(otherwise), tested),
        _ => false,
    };

    private static Expression Unwrap(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.TypeAs, Method: null } convert ? Unwrap(convert.Operand) : expression;

    private static bool ReadsMemberOf(Expression expression, Expression target) =>
        expression is MemberExpression { Expression: { } inner } && inner == target;

    private static bool IsListLike(Type? type) =>
        type is { IsGenericType: true }
        && (type.GetGenericTypeDefinition() == typeof(List<>)
            || type.GetGenericTypeDefinition() == typeof(ICollection<>)
            || type.GetGenericTypeDefinition() == typeof(IList<>));

    // C# 14 turns array.Contains(x) into MemoryExtensions.Contains(op_Implicit(array), x).
    private static Expression? UnwrapSpan(Expression expression)
    {
        if (expression is MethodCallExpression { Method.Name: "op_Implicit", Arguments.Count: 1 } conversion)
        {
            var operand = conversion.Arguments[0];
            while (operand is UnaryExpression { NodeType: ExpressionType.Convert } convert && convert.Operand.Type.IsArray)
            {
                operand = convert.Operand;
            }

            return operand.Type.IsArray ? operand : null;
        }

        return null;
    }
}
