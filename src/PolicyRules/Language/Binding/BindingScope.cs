using System.Linq.Expressions;
using PolicyRules.Language.Catalog;
using PolicyRules.Diagnostics;

namespace PolicyRules.Language.Binding;

/// <summary>The aliases a rule has bound so far: what <c>$name</c> may refer to.</summary>
internal sealed class BindingScope
{
    private readonly Dictionary<string, BoundValue> _aliases = new(StringComparer.Ordinal);

    // Aliases whose pattern failed to bind: uses of them are not errors of their own.
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    // Text tests by the value they test ("$c.text"): evidence of that field shows the span they matched.
    private readonly Dictionary<string, List<RulePattern>> _textMatches = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _aliases.Keys;

    public IReadOnlyList<ParameterExpression> Parameters => _aliases.Values.Select(v => (ParameterExpression)v.Expression).ToArray();

    public bool TryGet(string alias, out BoundValue value) => _aliases.TryGetValue(alias, out value!);

    public bool TryAdd(string alias, ValueKind kind, Type clrType, Type? elementType, out ParameterExpression parameter)
    {
        parameter = Expression.Parameter(clrType, alias);
        return _aliases.TryAdd(alias, new BoundValue(parameter, kind, elementType, false, "$" + alias));
    }

    public void MarkFailed(string alias) => _failed.Add(alias);

    public void NoteTextMatch(string value, RulePattern regex)
    {
        if (!_textMatches.TryGetValue(value, out var list))
        {
            _textMatches[value] = list = [];
        }

        if (!list.Contains(regex))
        {
            list.Add(regex);
        }
    }

    public IReadOnlyList<RulePattern> TextMatchesOf(string value) =>
        _textMatches.TryGetValue(value, out var list) ? list : [];

    public bool IsFailed(string alias) => _failed.Contains(alias);

    public string Known() => _aliases.Count == 0 ? "none yet" : string.Join(", ", _aliases.Keys.Order(StringComparer.Ordinal).Select(a => "$" + a));

    public static void ReportUnbound(DiagnosticBag diagnostics, SourceSpan at, string alias, BindingScope scope)
    {
        if (scope.IsFailed(alias))
        {
            return;
        }

        diagnostics.Error(
            RuleDiagnosticCodes.UnboundAlias,
            at,
            $"'${alias}' is not bound before this point (bound: {scope.Known()}).{Suggestions.DidYouMean(alias, scope.Names)}");
    }
}
