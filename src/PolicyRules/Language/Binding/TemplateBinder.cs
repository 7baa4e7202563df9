using System.Linq.Expressions;
using System.Text;
using PolicyRules.Diagnostics;

namespace PolicyRules.Language.Binding;

/// <summary>
/// Compiles message templates: <c>"Clause {c.id} liberalises {c.sectors}"</c> reads matched
/// fields (lists joined with commas); <c>{{</c> and <c>}}</c> write braces.
/// </summary>
internal sealed class TemplateBinder(BindContext context, BindingScope scope, ConditionBinder paths)
{
    private static readonly System.Reflection.MethodInfo Show = typeof(LanguageFunctions).GetMethod(nameof(LanguageFunctions.Show))!;
    private static readonly System.Reflection.MethodInfo Concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string[])])!;

    public Expression? Bind(string template, SourceSpan at)
    {
        var parts = new List<Expression>();
        var literal = new StringBuilder();
        var ok = true;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                context.Diagnostics.Error(RuleDiagnosticCodes.InvalidTemplate, at, $"Unmatched '}}' at character {i + 1} of the template; write '}}}}' for a brace.");
                ok = false;
                continue;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                context.Diagnostics.Error(RuleDiagnosticCodes.InvalidTemplate, at, $"Unclosed '{{' at character {i + 1} of the template; write '{{{{' for a brace.");
                ok = false;
                break;
            }

            var reference = template[(i + 1)..end].Trim();
            i = end;
            var dot = reference.IndexOf('.', StringComparison.Ordinal);
            var alias = dot < 0 ? reference : reference[..dot];
            if (!scope.TryGet(alias, out var bound))
            {
                ok = false;
                if (scope.IsFailed(alias))
                {
                    continue;
                }

                context.Diagnostics.Error(
                    RuleDiagnosticCodes.InvalidTemplate,
                    at,
                    $"The template reads '{{{reference}}}', but '{alias}' is not an alias of this rule (bound: {scope.Known()}).{Suggestions.DidYouMean(alias, scope.Names)}");
                continue;
            }

            if (paths.Path(bound, dot < 0 ? "" : reference[(dot + 1)..], at) is not { } value)
            {
                ok = false;
                continue;
            }

            if (literal.Length > 0)
            {
                parts.Add(Expression.Constant(literal.ToString()));
                literal.Clear();
            }

            parts.Add(Expression.Call(Show, Expression.Convert(value.Expression, typeof(object))));
        }

        if (!ok)
        {
            return null;
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(Expression.Constant(literal.ToString()));
        }

        return parts.Count == 1 && parts[0].Type == typeof(string)
            ? parts[0]
            : Expression.Call(Concat, Expression.NewArrayInit(typeof(string), parts));
    }
}
