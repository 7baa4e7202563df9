namespace PolicyRules.Engine.Runtime;

/// <summary>An alias of a match and what it is bound to.</summary>
/// <param name="Alias">The alias declared by the pattern or aggregate.</param>
/// <param name="Value">The fact matched, or the aggregate value.</param>
/// <param name="IsAggregate">True when the value is an aggregate result rather than a fact.</param>
public readonly record struct MatchBinding(string Alias, object? Value, bool IsAggregate);
