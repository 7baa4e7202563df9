using System.Linq.Expressions;

namespace PolicyRules.Engine.Builder;

/// <summary>The conditions of a pattern nested in an aggregate, collected fluently.</summary>
/// <typeparam name="T">The fact type matched.</typeparam>
public sealed class PatternConditions<T>
{
    private readonly List<LambdaExpression> _conditions = [];

    internal IReadOnlyList<LambdaExpression> Conditions => _conditions;

    /// <summary>Adds a condition over the fact alone.</summary>
    public PatternConditions<T> Where(Expression<Func<T, bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        _conditions.Add(condition);
        return this;
    }

    /// <summary>Adds a condition whose first parameter is the fact and whose others name earlier aliases.</summary>
    public PatternConditions<T> Where(LambdaExpression condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        _conditions.Add(condition);
        return this;
    }
}
