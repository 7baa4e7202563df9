using PolicyRules.Diagnostics;

namespace PolicyRules.Language.Syntax;

/// <summary>One rule as written.</summary>
internal sealed record RuleSyntax(
    SourceSpan Span,
    string Id,
    string? Title,
    Located<string>? Principle,
    IReadOnlyList<string> Basis,
    Located<string> Severity,
    int Priority,
    IReadOnlyList<string> Tags,
    string? Remedy,
    IReadOnlyList<string> References,
    string? Verification,
    bool Override,
    IReadOnlyList<ElementSyntax> When,
    IReadOnlyList<ActionSyntax> Then);
