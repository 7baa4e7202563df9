using System.Linq.Expressions;

namespace PolicyRules.Engine.Compilation;

/// <summary>How one kind of alpha test is run.</summary>
internal enum AlphaTestKind
{
    /// <summary>A member compared with a constant: hash dispatch on the member's value.</summary>
    Equality,

    /// <summary>A constant looked up in a list member: hash dispatch on each element.</summary>
    Contains,

    /// <summary>Anything else: evaluated.</summary>
    Predicate,
}

/// <summary>A test on the pattern's fact alone, normalised over <see cref="PatternPlan.Fact"/>.</summary>
/// <param name="Kind">How it runs.</param>
/// <param name="Condition">The whole test.</param>
/// <param name="Accessor">For dispatch, the member read from the fact (a value, or a list).</param>
/// <param name="Value">For dispatch, the constant.</param>
internal sealed record AlphaTest(AlphaTestKind Kind, Expression Condition, Expression? Accessor, object? Value)
{
    /// <summary>The test as text, for messages (written when asked: most are never shown).</summary>
    public string Description() => Condition.ToString();
}

/// <summary>
/// A pattern's conditions, split into tests of the fact alone (alpha) and tests against earlier
/// aliases (equality keys and a residual), all over one fact parameter and the scope's parameters.
/// </summary>
internal sealed record PatternPlan(
    ParameterExpression Fact,
    IReadOnlyList<AlphaTest> Alpha,
    IReadOnlyList<JoinKeyPlan> Keys,
    IReadOnlyList<Expression> Residual,
    IReadOnlyList<Expression> Joins)
{
    /// <summary>The tests against earlier aliases as text, for messages (written when asked).</summary>
    public string JoinDescription() => Joins.Count == 0 ? "true" : string.Join(" && ", Joins);
}

/// <summary>An equality join: the side over earlier aliases, the side over the fact, and whether it compares identities.</summary>
internal sealed record JoinKeyPlan(Expression Left, Expression Right, bool ByReference);
