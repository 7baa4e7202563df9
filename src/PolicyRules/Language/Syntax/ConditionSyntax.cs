using PolicyRules.Diagnostics;

namespace PolicyRules.Language.Syntax;

/// <summary>A condition of a <c>where</c> or <c>having</c>.</summary>
internal abstract record ConditionSyntax(SourceSpan Span);

/// <summary><c>{ "all": [ … ] }</c>, and the implicit conjunction of an object's entries.</summary>
internal sealed record AllSyntax(SourceSpan Span, IReadOnlyList<ConditionSyntax> Conditions) : ConditionSyntax(Span);

/// <summary><c>{ "any": [ … ] }</c>.</summary>
internal sealed record AnySyntax(SourceSpan Span, IReadOnlyList<ConditionSyntax> Conditions) : ConditionSyntax(Span);

/// <summary><c>{ "not": { … } }</c>.</summary>
internal sealed record NotSyntax(SourceSpan Span, ConditionSyntax Condition) : ConditionSyntax(Span);

/// <summary>
/// Tests of one member path: <c>"kind": "mfn"</c> (equality) or <c>"sectors": { "overlaps": "@cultural" }</c>.
/// An empty path tests the subject itself (an aggregate's value).
/// </summary>
internal sealed record MemberTestSyntax(SourceSpan Span, Located<string> Path, IReadOnlyList<OperatorSyntax> Operators) : ConditionSyntax(Span);

/// <summary>One operator and its argument; <see cref="IgnoreCase"/> comes from a sibling <c>"ignoreCase": true</c>.</summary>
internal sealed record OperatorSyntax(SourceSpan Span, string Name, ValueSyntax Argument, bool IgnoreCase);
