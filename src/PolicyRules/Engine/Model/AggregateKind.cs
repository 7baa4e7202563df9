namespace PolicyRules.Engine.Model;

/// <summary>How an <see cref="AggregateElement"/> folds the facts its source matches.</summary>
public enum AggregateKind
{
    /// <summary>The number of matching facts, as an <see cref="int"/>.</summary>
    Count,

    /// <summary>The matching facts, as an <see cref="IReadOnlyList{T}"/> of the source's fact type, in insertion order.</summary>
    Collect,
}
