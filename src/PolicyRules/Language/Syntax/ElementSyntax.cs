using PolicyRules.Diagnostics;

namespace PolicyRules.Language.Syntax;

/// <summary>One element of a rule's <c>when</c>.</summary>
internal abstract record ElementSyntax(SourceSpan Span);

/// <summary><c>{ "match": "Clause", "as": "c", "where": { … } }</c>.</summary>
internal sealed record PatternSyntax(SourceSpan Span, Located<string> Type, Located<string>? Alias, ConditionSyntax? Where) : ElementSyntax(Span);

/// <summary><c>{ "none": pattern }</c>: no fact matches.</summary>
internal sealed record NoneSyntax(SourceSpan Span, PatternSyntax Pattern) : ElementSyntax(Span);

/// <summary><c>{ "exists": pattern }</c>: some fact matches.</summary>
internal sealed record ExistsSyntax(SourceSpan Span, PatternSyntax Pattern) : ElementSyntax(Span);

/// <summary><c>{ "count": pattern, "as": "n", "having": { "gte": 2 } }</c> or <c>collect</c>.</summary>
internal sealed record AggregateSyntax(SourceSpan Span, bool IsCollect, PatternSyntax Source, Located<string> Alias, ConditionSyntax? Having) : ElementSyntax(Span);
