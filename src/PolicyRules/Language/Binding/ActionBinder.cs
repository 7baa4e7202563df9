using System.Linq.Expressions;
using PolicyRules.Language.Parsing;
using PolicyRules.Domain;
using PolicyRules.Engine.Model;
using PolicyRules.Engine.Runtime;
using PolicyRules.Language.Catalog;
using PolicyRules.Diagnostics;
using PolicyRules.Language.Syntax;

namespace PolicyRules.Language.Binding;

/// <summary>
/// Binds the actions of <c>then</c>. Each inserts a derived fact linked to its match — a
/// <see cref="Tag"/>, <see cref="Conflict"/>, <see cref="Mitigation"/> or <see cref="Support"/> — so
/// what a rule concluded goes away when the match stops holding, and other rules can chain on it.
/// </summary>
internal sealed class ActionBinder(BindContext context, BindingScope scope, ConditionBinder paths, RuleSyntax rule)
{
    private static readonly string[] Actions = ["tag", "conflict", "mitigate", "support"];
    private static readonly string[] Extents = ["full", "partial", "review"];

    private readonly TemplateBinder _templates = new(context, scope, paths);
    private readonly ParameterExpression _context = Expression.Parameter(typeof(IActionContext), "context");

    private DiagnosticBag Diagnostics => context.Diagnostics;

    public RuleAction? Bind(ActionSyntax action)
    {
        Expression? fact = action.Name switch
        {
            "tag" => Tag(action),
            "conflict" => Conflict(action),
            "mitigate" => Mitigate(action),
            "support" => Support(action),
            _ => UnknownAction(action),
        };
        if (fact is null)
        {
            return null;
        }

        var body = Expression.Call(_context, typeof(IActionContext).GetMethod(nameof(IActionContext.InsertLinked))!, fact);
        return new RuleAction(new DeferredLambda(body, RuleBinder.Parameters(body, _context)));
    }

    private Expression? UnknownAction(ActionSyntax action)
    {
        Diagnostics.Error(RuleDiagnosticCodes.UnknownAction, action.Span, $"Unknown action '{action.Name}'.{Suggestions.DidYouMean(action.Name, Actions)} Actions: {string.Join(", ", Actions)}.");
        return null;
    }

    private Expression? Tag(ActionSyntax action)
    {
        Known(action, "on", "name", "value", "evidence");
        var on = Alias(action, "on");
        var name = Text(action, "name", required: true);
        var value = action.Arguments.ContainsKey("value") ? Template(action, "value") : Expression.Constant(null, typeof(string));
        var evidence = Evidence(action);
        return on is null || name is null || value is null || evidence is null
            ? null
            : New<Tag>(Expression.Constant(rule.Id), on, name, value, evidence);
    }

    private Expression? Conflict(ActionSyntax action)
    {
        Known(action, "on", "message", "remedy", "evidence");
        var principle = Principle(action);
        var on = Alias(action, "on");
        var message = Template(action, "message");
        Expression? remedy = action.Arguments.ContainsKey("remedy")
            ? Template(action, "remedy")
            : Expression.Constant(rule.Remedy, typeof(string));
        var evidence = Evidence(action);
        return principle is null || on is null || message is null || remedy is null || evidence is null
            ? null
            : New<Conflict>(
                Expression.Constant(rule.Id),
                principle,
                Expression.Constant(rule.Severity.Value),
                Expression.Constant(rule.Basis.ToArray(), typeof(IReadOnlyList<string>)),
                on,
                message,
                remedy,
                Expression.Call(
                    typeof(LanguageFunctions).GetMethod(nameof(LanguageFunctions.ConflictEvidence))!,
                    evidence,
                    DerivedEvidence(on)));
    }

    /// <summary>
    /// The evidence of the tags and text cues the rule matched, each when it is about the conflict's
    /// own subject: what the conflict rests on when the clause was read from its text.
    /// </summary>
    private Expression DerivedEvidence(Expression on)
    {
        var empty = Expression.Constant(Array.Empty<Evidence>(), typeof(IReadOnlyList<Evidence>));
        var lists = new List<Expression>();
        foreach (var name in scope.Names)
        {
            if (scope.TryGet(name, out var bound) && bound.Expression.Type is var type && (type == typeof(Domain.Tag) || type == typeof(TextCue)))
            {
                var sameSubject = Expression.ReferenceEqual(
                    Expression.Convert(Expression.Property(bound.Expression, nameof(Domain.Tag.Subject)), typeof(object)),
                    Expression.Convert(on, typeof(object)));
                lists.Add(Expression.Condition(sameSubject, Expression.Property(bound.Expression, nameof(Domain.Tag.Evidence)), empty));
            }
        }

        // A rule that matched no tag or text cue shares one empty array rather than making one per firing.
        return lists.Count == 0
            ? Expression.Constant(Array.Empty<IReadOnlyList<Evidence>>())
            : Expression.NewArrayInit(typeof(IReadOnlyList<Evidence>), lists);
    }

    private Expression? Mitigate(ActionSyntax action)
    {
        Known(action, "conflict", "by", "extent", "message", "parties");
        var conflict = Alias(action, "conflict");
        if (conflict is not null && conflict.Type != typeof(Conflict))
        {
            Diagnostics.Error(RuleDiagnosticCodes.TypeMismatch, action.Arguments["conflict"].Span, $"'conflict' must name an alias bound to a Conflict, not {conflict.Type.Name}.");
            conflict = null;
        }

        var by = Alias(action, "by");
        var extent = action.Arguments.ContainsKey("extent") ? Text(action, "extent", required: true) : Expression.Constant("full");
        if (extent is ConstantExpression { Value: string e } && !Extents.Contains(e))
        {
            Diagnostics.Error(RuleDiagnosticCodes.InvalidValue, action.Arguments["extent"].Span, $"'extent' is 'full', 'partial' or 'review' (answered by a list the draft does not hold), not '{e}'.");
            extent = null;
        }

        var message = Template(action, "message");
        var parties = Parties(action);
        return conflict is null || by is null || extent is null || message is null || parties is null
            ? null
            : New<Mitigation>(Expression.Constant(rule.Id), conflict, by, extent, message, parties);
    }

    /// <summary>
    /// <c>"parties": ["$e.parties", "$e.exceptions.parties"]</c>: the parties a mitigation answers for,
    /// the union of the lists named; none (or all empty) means every party.
    /// </summary>
    private Expression? Parties(ActionSyntax action)
    {
        if (!action.Arguments.TryGetValue("parties", out var argument))
        {
            return Expression.Constant(Array.Empty<string>(), typeof(IReadOnlyList<string>));
        }

        var items = argument.Value is RuleJsonArray list ? list.Items : [argument.Value];
        var lists = new List<Expression>();
        foreach (var item in items)
        {
            var at = item.Span;
            if (item is not RuleJsonValue { Value: string text } || text is not ['$', .. var reference] || reference.IndexOf('.', StringComparison.Ordinal) is var dot && dot < 0)
            {
                Diagnostics.Error(RuleDiagnosticCodes.InvalidValue, at, "'parties' names lists of party codes, such as \"$e.parties\".");
                return null;
            }

            if (!scope.TryGet(reference[..dot], out var bound))
            {
                BindingScope.ReportUnbound(Diagnostics, at, reference[..dot], scope);
                return null;
            }

            if (paths.Path(bound, reference[(dot + 1)..], at) is not { } value)
            {
                return null;
            }

            if (value.Kind != ValueKind.TextList)
            {
                Diagnostics.Error(RuleDiagnosticCodes.TypeMismatch, at, $"'parties' needs a list of text, but '{value.Name}' is {BoundValue.Describe(value.Kind)}.");
                return null;
            }

            lists.Add(Expression.Convert(value.Expression, typeof(IEnumerable<string>)));
        }

        return Expression.Call(typeof(LanguageFunctions).GetMethod(nameof(LanguageFunctions.Union))!, Expression.NewArrayInit(typeof(IEnumerable<string>), lists));
    }

    private Expression? Support(ActionSyntax action)
    {
        Known(action, "on", "message");
        var principle = Principle(action);
        var on = Alias(action, "on");
        var message = Template(action, "message");
        return principle is null || on is null || message is null
            ? null
            : New<Support>(Expression.Constant(rule.Id), principle, on, message);
    }

    private static NewExpression New<T>(params Expression[] arguments)
    {
        var constructor = typeof(T).GetConstructors().Single();
        var parameters = constructor.GetParameters();
        return Expression.New(constructor, arguments.Select((a, i) => a.Type == parameters[i].ParameterType ? a : Expression.Convert(a, parameters[i].ParameterType)));
    }

    private Expression? Principle(ActionSyntax action)
    {
        if (rule.Principle is { } principle)
        {
            return Expression.Constant(principle.Value);
        }

        Diagnostics.Error(RuleDiagnosticCodes.MissingField, action.Span, $"A rule with a '{action.Name}' action needs a 'principle'.");
        return null;
    }

    /// <summary>An argument naming an alias: <c>"on": "$c"</c>, the fact itself.</summary>
    private Expression? Alias(ActionSyntax action, string name)
    {
        if (!action.Arguments.TryGetValue(name, out var argument))
        {
            Diagnostics.Error(RuleDiagnosticCodes.MissingField, action.Span, $"The '{action.Name}' action needs '{name}', an alias such as \"$c\".");
            return null;
        }

        if (argument.Value is not RuleJsonValue { Value: string text } || text is not ['$', .. var alias] || alias.Contains('.', StringComparison.Ordinal))
        {
            Diagnostics.Error(RuleDiagnosticCodes.InvalidValue, argument.Span, $"'{name}' names an alias, such as \"$c\".");
            return null;
        }

        if (!scope.TryGet(alias, out var bound))
        {
            BindingScope.ReportUnbound(Diagnostics, argument.Span, alias, scope);
            return null;
        }

        return bound.Expression;
    }

    private Expression? Text(ActionSyntax action, string name, bool required)
    {
        if (!action.Arguments.TryGetValue(name, out var argument))
        {
            if (required)
            {
                Diagnostics.Error(RuleDiagnosticCodes.MissingField, action.Span, $"The '{action.Name}' action needs '{name}'.");
            }

            return null;
        }

        if (argument.Value is not RuleJsonValue { Value: string text })
        {
            Diagnostics.Error(RuleDiagnosticCodes.InvalidValue, argument.Span, $"'{name}' must be a string.");
            return null;
        }

        return Expression.Constant(text);
    }

    private Expression? Template(ActionSyntax action, string name)
    {
        if (Text(action, name, required: true) is not ConstantExpression { Value: string template })
        {
            return null;
        }

        return _templates.Bind(template, action.Arguments[name].Span);
    }

    /// <summary><c>"evidence": ["$c.sectors", "$c.kind"]</c>: the fields shown as the reason.</summary>
    private Expression? Evidence(ActionSyntax action)
    {
        var items = new List<Expression>();
        var spread = new List<Expression>();
        if (action.Arguments.TryGetValue("evidence", out var argument))
        {
            if (argument.Value is not RuleJsonArray list)
            {
                Diagnostics.Error(RuleDiagnosticCodes.InvalidValue, argument.Span, "'evidence' is a list of fields such as \"$c.sectors\".");
                return null;
            }

            foreach (var item in list.Items)
            {
                var at = item.Span;
                if (item is not RuleJsonValue { Value: string text } || text is not ['$', .. var reference])
                {
                    Diagnostics.Error(RuleDiagnosticCodes.InvalidValue, at, "An evidence field is written \"$alias.member\".");
                    return null;
                }

                var dot = reference.IndexOf('.', StringComparison.Ordinal);
                var alias = dot < 0 ? reference : reference[..dot];
                if (!scope.TryGet(alias, out var bound))
                {
                    BindingScope.ReportUnbound(Diagnostics, at, alias, scope);
                    return null;
                }

                var path = dot < 0 ? "" : reference[(dot + 1)..];
                if (paths.Path(bound, path, at) is not { } value)
                {
                    return null;
                }

                if (value.Expression.Type == typeof(IReadOnlyList<Evidence>))
                {
                    // A fact that carries its own evidence (a text cue's spans) is shown as it is.
                    spread.Add(value.Expression);
                    continue;
                }

                var field = path.Length == 0 ? alias : path;
                if (value.Kind == ValueKind.Text && scope.TextMatchesOf(value.Name) is { Count: > 0 } tests)
                {
                    items.Add(Expression.Call(
                        typeof(LanguageFunctions).GetMethod(nameof(LanguageFunctions.TextEvidence))!,
                        Expression.Constant(field),
                        value.Expression,
                        Expression.Constant(tests.ToArray())));
                    continue;
                }

                items.Add(New<Evidence>(
                    Expression.Constant(field),
                    Expression.Call(typeof(LanguageFunctions).GetMethod(nameof(LanguageFunctions.Show))!, Expression.Convert(value.Expression, typeof(object))),
                    Expression.Constant(null, typeof(int?)),
                    Expression.Constant(null, typeof(int?))));
            }
        }

        Expression fields = items.Count == 0
            ? Expression.Constant(Array.Empty<Evidence>(), typeof(IReadOnlyList<Evidence>))
            : Expression.Convert(Expression.NewArrayInit(typeof(Evidence), items), typeof(IReadOnlyList<Evidence>));
        return spread.Count == 0
            ? fields
            : Expression.Call(
                typeof(LanguageFunctions).GetMethod(nameof(LanguageFunctions.Concat))!,
                Expression.NewArrayInit(typeof(IReadOnlyList<Evidence>), [fields, .. spread]));
    }

    private void Known(ActionSyntax action, params string[] names)
    {
        foreach (var (name, argument) in action.Arguments)
        {
            if (!names.Contains(name))
            {
                Diagnostics.Error(RuleDiagnosticCodes.UnknownField, argument.Span, $"'{name}' is not an argument of '{action.Name}'.{Suggestions.DidYouMean(name, names)} Arguments: {string.Join(", ", names)}.");
            }
        }
    }
}
