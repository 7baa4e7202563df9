using PolicyRules.Diagnostics;

namespace PolicyRules.Language.Syntax;

/// <summary>A rule file as written: names unresolved, every piece with its position.</summary>
internal sealed record RulebookSyntax(
    string? File,
    string Name,
    string Version,
    string? Description,
    string Sha256,
    IReadOnlyList<SetSyntax> Sets,
    IReadOnlyList<Located<string>> Disable,
    IReadOnlyList<RuleSyntax> Rules);

/// <summary>A named set of values (<c>"sets": { "cultural-sectors": [...] }</c>).</summary>
internal sealed record SetSyntax(SourceSpan Span, string Name, IReadOnlyList<Located<object>> Values);

/// <summary>A value and where it was written.</summary>
internal sealed record Located<T>(SourceSpan Span, T Value);
