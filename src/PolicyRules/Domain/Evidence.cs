namespace PolicyRules.Domain;

/// <summary>What in a fact made a rule match: a field and its value, or a span of its text.</summary>
/// <param name="Field">The member, as rules name it (<c>text</c>, <c>sectors</c>).</param>
/// <param name="Value">The value, or the text matched.</param>
/// <param name="Start">For text, the first character matched; otherwise null.</param>
/// <param name="End">For text, one past the last character matched; otherwise null.</param>
public sealed record Evidence(string Field, string Value, int? Start = null, int? End = null);
