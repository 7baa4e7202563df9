using PolicyRules.Language.Parsing;
using PolicyRules.Diagnostics;

namespace PolicyRules.Language.Syntax;

/// <summary>An operator's argument.</summary>
internal abstract record ValueSyntax(SourceSpan Span);

/// <summary>A JSON string, number, boolean or null.</summary>
internal sealed record LiteralSyntax(SourceSpan Span, RuleJsonValue Value) : ValueSyntax(Span);

/// <summary>A JSON list of values.</summary>
internal sealed record ListSyntax(SourceSpan Span, IReadOnlyList<ValueSyntax> Items) : ValueSyntax(Span);

/// <summary><c>"$c.agreementId"</c>: a member of an alias bound earlier; <c>"$c"</c> is the fact itself.</summary>
internal sealed record AliasSyntax(SourceSpan Span, string Alias, string Path) : ValueSyntax(Span);

/// <summary><c>"@cultural-sectors"</c>: a named set.</summary>
internal sealed record SetReferenceSyntax(SourceSpan Span, string Name) : ValueSyntax(Span);

/// <summary>An object argument: the nested tests of <c>size</c>.</summary>
internal sealed record NestedSyntax(SourceSpan Span, IReadOnlyList<OperatorSyntax> Operators) : ValueSyntax(Span);

/// <summary>The argument of <c>some</c>, <c>every</c> and <c>none</c>: a condition on one element of a list of objects.</summary>
internal sealed record ElementConditionSyntax(SourceSpan Span, ConditionSyntax Condition) : ValueSyntax(Span);

/// <summary>The argument of <c>difference</c>: the list taken away, and the tests of what remains.</summary>
internal sealed record DifferenceSyntax(SourceSpan Span, ValueSyntax With, IReadOnlyList<OperatorSyntax> Operators) : ValueSyntax(Span);
