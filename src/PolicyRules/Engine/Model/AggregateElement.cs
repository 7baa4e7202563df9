using System.Linq.Expressions;

namespace PolicyRules.Engine.Model;

/// <summary>
/// Folds every fact that matches <see cref="Source"/> (for each combination of earlier aliases) into
/// one value, binds it to <see cref="Alias"/>, and holds when every result condition is true.
/// </summary>
/// <remarks>
/// The aggregate always produces a value, even from no facts (a count of zero, an empty list), so a
/// rule can test for it in <see cref="ResultConditions"/>. Result conditions take the value as their
/// first parameter; further parameters are bound by name to earlier aliases.
/// </remarks>
public sealed class AggregateElement : RuleElement
{
    /// <summary>Creates an aggregate.</summary>
    public AggregateElement(string alias, AggregateKind kind, PatternElement source, IEnumerable<LambdaExpression>? resultConditions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        ArgumentNullException.ThrowIfNull(source);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown aggregate kind.");
        }

        Alias = alias;
        Kind = kind;
        Source = source;
        ResultConditions = resultConditions?.ToArray() ?? [];
        ResultType = kind == AggregateKind.Count
            ? typeof(int)
            : typeof(IReadOnlyList<>).MakeGenericType(source.FactType);
    }

    /// <summary>The name the aggregate value is bound to.</summary>
    public string Alias { get; }

    /// <summary>How matching facts are folded.</summary>
    public AggregateKind Kind { get; }

    /// <summary>The pattern whose matches are aggregated.</summary>
    public PatternElement Source { get; }

    /// <summary>Conditions on the aggregate value; the element holds only when all are true.</summary>
    public IReadOnlyList<LambdaExpression> ResultConditions { get; }

    /// <summary>The type of the aggregate value: <see cref="int"/> for a count, <see cref="IReadOnlyList{T}"/> for a collection.</summary>
    public Type ResultType { get; }
}
