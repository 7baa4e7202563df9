using Newtonsoft.Json.Linq;
using PolicyRules.Diagnostics;

namespace PolicyRules.Language.Syntax;

/// <summary>An operator's argument.</summary>
internal abstract record ValueSyntax(SourceSpan Span);

/// <summary>A JSON string, number, boolean or null.</summary>
internal sealed record LiteralSyntax(SourceSpan Span, JValue Value) : ValueSyntax(Span);

/// <summary>A JSON list of values.</summary>
internal sealed record ListSyntax(SourceSpan Span, IReadOnlyList<ValueSyntax> Items) : ValueSyntax(Span);

/// <summary><c>"$c.agreementId"</c>: a member of an alias bound earlier; <c>"$c"</c> is the fact itself.</summary>
internal sealed record AliasSyntax(SourceSpan Span, string Alias, string Path) : ValueSyntax(Span);

/// <summary><c>"@cultural-sectors"</c>: a named set.</summary>
internal sealed record SetReferenceSyntax(SourceSpan Span, string Name) : ValueSyntax(Span);

/// <summary>An object argument: the nested tests of <c>size</c>, or <c>{ "literal": "$not-an-alias" }</c> already unwrapped.</summary>
internal sealed record NestedSyntax(SourceSpan Span, IReadOnlyList<OperatorSyntax> Operators) : ValueSyntax(Span);
