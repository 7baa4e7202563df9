using PolicyRules.Language.Parsing;
using PolicyRules.Diagnostics;

namespace PolicyRules.Language.Syntax;

/// <summary>One action of a rule's <c>then</c>: its keyword and its arguments, checked when bound.</summary>
internal sealed record ActionSyntax(SourceSpan Span, string Name, IReadOnlyDictionary<string, Located<RuleJson>> Arguments);
