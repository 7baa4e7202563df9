using System.Linq.Expressions;
using PolicyRules.Engine.Compilation;
using PolicyRules.Engine.Model;
using PolicyRules.Language.Catalog;
using PolicyRules.Language.Parsing;
using PolicyRules.Diagnostics;
using PolicyRules.Language.Syntax;

namespace PolicyRules.Language.Binding;

/// <summary>
/// Translates one rule's syntax into the engine's rule model, resolving types, members, aliases and
/// sets. Every problem becomes a diagnostic; a rule with any error yields no definition.
/// </summary>
internal sealed class RuleBinder(BindContext context, string rulebook)
{
    public RulebookRule? Bind(RuleSyntax rule)
    {
        var errorsBefore = context.Diagnostics.ErrorCount;
        var scope = new BindingScope();
        var conditions = new ConditionBinder(context, scope);
        var elements = new List<RuleElement>();
        var spans = new Dictionary<string, PatternSyntax>(StringComparer.Ordinal);
        var hidden = 0;

        foreach (var element in rule.When)
        {
            switch (element)
            {
                case PatternSyntax pattern:
                {
                    var alias = pattern.Alias?.Value ?? $"${++hidden}";
                    spans.TryAdd(alias, pattern);
                    if (BindPattern(pattern, alias, conditions) is { } bound)
                    {
                        elements.Add(bound);
                        Declare(scope, pattern.Alias?.Span ?? pattern.Span, alias, ValueKind.Object, bound.FactType, bound.FactType);
                    }
                    else
                    {
                        scope.MarkFailed(alias);
                    }

                    break;
                }

                case NoneSyntax none:
                    if (BindPattern(none.Pattern, $"${++hidden}", conditions) is { } negated)
                    {
                        elements.Add(new NotElement(negated));
                    }

                    break;
                case ExistsSyntax exists:
                    if (BindPattern(exists.Pattern, $"${++hidden}", conditions) is { } existential)
                    {
                        elements.Add(new ExistsElement(existential));
                    }

                    break;
                case AggregateSyntax aggregate:
                    if (BindAggregate(aggregate, $"${++hidden}", scope, conditions) is { } folded)
                    {
                        elements.Add(folded);
                        var collected = aggregate.IsCollect ? folded.Source.FactType : null;
                        Declare(scope, aggregate.Alias.Span, folded.Alias, aggregate.IsCollect ? ValueKind.ObjectList : ValueKind.Number, folded.ResultType, collected);
                    }
                    else
                    {
                        scope.MarkFailed(aggregate.Alias.Value);
                    }

                    break;
            }
        }

        var actions = new ActionBinder(context, scope, conditions, rule);
        var boundActions = rule.Then.Select(actions.Bind).ToArray();
        if (context.Diagnostics.ErrorCount > errorsBefore)
        {
            return null;
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["rulebook"] = rulebook,
            ["severity"] = rule.Severity.Value,
        };
        if (rule.Principle is { } principle)
        {
            metadata["principle"] = principle.Value;
        }

        var definition = new RuleDefinition(rule.Id, rule.Title, rule.Priority, elements, boundActions.Select(a => a!), metadata);
        WarnOfCrossProducts(rule, definition, spans, context.Diagnostics);

        // The descriptions read the when alone: the rule keeps that much of its syntax, not its actions'.
        var when = rule.When;
        return new RulebookRule(
            definition,
            rulebook,
            rule.Title,
            rule.Principle?.Value,
            rule.Basis,
            rule.Severity.Value,
            rule.Remedy,
            rule.Tags,
            rule.References,
            rule.Verification,
            rule.Span,
            rule.Then.Select(Conclusion).ToArray(),
            () => RuleDescriber.Describe(when),
            () => RuleDescriber.LexiconSets(when));
    }

    /// <summary>What an action concludes, as <see cref="RulebookRule.Concludes"/> names it.</summary>
    private static string Conclusion(ActionSyntax action) => action.Name switch
    {
        "mitigate" => "mitigation",
        "tag" => action.Arguments.TryGetValue("name", out var name) && name.Value is RuleJsonValue { Value: string tag } ? $"tag:{tag}" : "tag",
        var other => other,
    };

    /// <summary>
    /// PR1021: a pattern that, in the order the network will join them (<see cref="JoinPlanner"/>),
    /// still meets the patterns before it with no equality key, so every combination is tried.
    /// </summary>
    private static void WarnOfCrossProducts(RuleSyntax rule, RuleDefinition definition, Dictionary<string, PatternSyntax> patterns, DiagnosticBag diagnostics)
    {
        var plan = JoinPlanner.Plan(definition);
        foreach (var alias in plan.CrossProducts)
        {
            var pattern = patterns[alias];
            var shown = pattern.Alias is null ? $"the {pattern.Type.Value} pattern" : $"'${alias}'";
            diagnostics.Warning(
                RuleDiagnosticCodes.CrossProduct,
                pattern.Span,
                $"Rule {rule.Id}: {shown} shares no equal value with the patterns joined before it (network order: {string.Join(", ", plan.Planned.Select(a => a.StartsWith('$') ? a : "$" + a))}): every {pattern.Type.Value} is paired with every earlier match. Join it by a value (\"agreementId\": \"$c.agreementId\") or by identity (\"is\": \"$t.subject\").");
        }
    }

    private void Declare(BindingScope scope, SourceSpan at, string alias, ValueKind kind, Type type, Type? element)
    {
        if (!scope.TryAdd(alias, kind, type, element, out _))
        {
            context.Diagnostics.Error(RuleDiagnosticCodes.DuplicateAlias, at, $"The alias '{alias}' is already bound in this rule.");
        }
    }

    // "Clause.temporal" for Temporal: where rules reach a part.
    private string HoldersOf(Type part)
    {
        var holders = context.Catalog.FactNames
            .Select(name => context.Catalog.Find(name)!)
            .SelectMany(fact => fact.Members.Where(m => m.Value.Property.PropertyType == part || m.Value.ElementType == part).Select(m => $"{fact.Name}.{m.Key}"))
            .ToArray();
        return holders.Length == 0 ? "the facts that hold it" : string.Join(", ", holders);
    }

    private PatternElement? BindPattern(PatternSyntax pattern, string alias, ConditionBinder conditions)
    {
        if (context.Catalog.Find(pattern.Type.Value) is not { } info)
        {
            context.Diagnostics.Error(
                RuleDiagnosticCodes.UnknownFactType,
                pattern.Type.Span,
                $"Unknown fact type '{pattern.Type.Value}'.{Suggestions.DidYouMean(pattern.Type.Value, context.Catalog.FactNames)} Types: {string.Join(", ", context.Catalog.FactNames)}.");
            return null;
        }

        if (context.Catalog.IsPart(info.Type))
        {
            context.Diagnostics.Error(
                RuleDiagnosticCodes.UnknownFactType,
                pattern.Type.Span,
                $"'{info.Name}' is a part of other facts, not a fact a pattern can match: read it through {HoldersOf(info.Type)}.");
            return null;
        }

        var subject = Expression.Parameter(info.Type, alias);
        if (pattern.Where is null)
        {
            return PatternElement.OfParts(info.Type, alias, []);
        }

        // Each top-level test becomes its own condition: the expressions the binder builds never
        // throw (paths and functions are null-safe), so the engine may order them freely, testing
        // single-fact conditions in the alpha network and hashing joins whatever order they were written in.
        var value = new BoundValue(subject, ValueKind.Object, info.Type, false, pattern.Alias is null ? info.Name : "$" + alias);
        var parts = pattern.Where is AllSyntax all ? all.Conditions : [pattern.Where];
        var bound = new List<DeferredLambda>(parts.Count);
        conditions.Self = pattern.Alias is { } own ? (own.Value, value) : null;
        foreach (var part in parts)
        {
            if (conditions.Bind(part, value) is { } body)
            {
                bound.Add(new DeferredLambda(body, Parameters(body, subject)));
            }
        }

        conditions.Self = null;

        return bound.Count == parts.Count ? PatternElement.OfParts(info.Type, alias, bound) : null;
    }

    private AggregateElement? BindAggregate(AggregateSyntax aggregate, string sourceAlias, BindingScope scope, ConditionBinder conditions)
    {
        if (BindPattern(aggregate.Source, sourceAlias, conditions) is not { } source)
        {
            return null;
        }

        var kind = aggregate.IsCollect ? AggregateKind.Collect : AggregateKind.Count;
        var result = new AggregateElement(aggregate.Alias.Value, kind, source);
        if (aggregate.Having is null)
        {
            return result;
        }

        var subject = Expression.Parameter(result.ResultType, aggregate.Alias.Value);
        var value = new BoundValue(subject, aggregate.IsCollect ? ValueKind.ObjectList : ValueKind.Number, aggregate.IsCollect ? source.FactType : null, false, "$" + aggregate.Alias.Value);
        var body = conditions.Bind(aggregate.Having, value);
        return body is null ? null : new AggregateElement(aggregate.Alias.Value, kind, source, [Expression.Lambda(body, Parameters(body, subject))]);
    }

    /// <summary>
    /// The parameters of a condition or an action: its subject (the fact tested, or the action's
    /// context) first, then the aliases the body reads, in name order, which the engine binds by name.
    /// </summary>
    internal static ParameterExpression[] Parameters(Expression body, ParameterExpression subject)
    {
        // Asked of every condition and action while a rulebook loads: a handful of parameters,
        // put in name order by a stable insertion sort rather than through LINQ's iterators.
        var free = FreeParameters.Of(body);
        var parameters = new ParameterExpression[free.Contains(subject) ? free.Length : free.Length + 1];
        parameters[0] = subject;
        var count = 1;
        for (var i = 0; i < free.Length; i++)
        {
            var parameter = free[i];
            if (parameter == subject)
            {
                continue;
            }

            var at = count++;
            while (at > 1 && string.CompareOrdinal(parameters[at - 1].Name, parameter.Name) > 0)
            {
                parameters[at] = parameters[at - 1];
                at--;
            }

            parameters[at] = parameter;
        }

        return parameters;
    }
}
