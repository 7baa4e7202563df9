using System.Linq.Expressions;
using PolicyRules.Domain;
using PolicyRules.Engine.Model;
using PolicyRules.Language;

namespace PolicyRules.Checking.Explaining;

/// <summary>
/// Replays one rule by brute force over a session's facts, with its first pattern bound to one
/// clause, to say where it stops: the deepest condition any partial match reached, and for a
/// <c>none</c> condition the facts that block it. Only for explanations: it compiles what it needs
/// on demand and scans every fact.
/// </summary>
internal sealed class RuleTracer(IReadOnlyList<object> facts)
{
    private readonly Dictionary<LambdaExpression, Delegate> _compiled = new(ReferenceEqualityComparer.Instance);

    /// <summary>Where <paramref name="rule"/> stops for <paramref name="clause"/>, or null when its first pattern does not take the clause, or it matches.</summary>
    public BlockedRule? Trace(RulebookRule rule, Clause clause)
    {
        var elements = rule.Definition.Conditions;
        if (elements.Count == 0 || elements[0] is not PatternElement { } first || !first.FactType.IsInstanceOfType(clause))
        {
            return null;
        }

        var env = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (!Satisfies(first, clause, env))
        {
            return null;
        }

        env[first.Alias] = clause;
        var deepest = new Stop(0, []);
        if (Extend(elements, 1, env, ref deepest))
        {
            return null;
        }

        // A rule that fails its first condition past the clause (what kind of clause it is) says nothing of it.
        if (deepest.Index <= 1 && elements[deepest.Index] is not NotElement)
        {
            return null;
        }

        var words = deepest.Index < rule.Conditions.Count ? rule.Conditions[deepest.Index] : $"condition {deepest.Index + 1}";
        return new BlockedRule(rule.Id, rule.Principle, words, deepest.By.Select(Describe).ToArray());
    }

    /// <summary>True when the rule matches from <paramref name="index"/> on; otherwise records the deepest stop.</summary>
    private bool Extend(IReadOnlyList<RuleElement> elements, int index, Dictionary<string, object?> env, ref Stop deepest)
    {
        if (index == elements.Count)
        {
            return true;
        }

        switch (elements[index])
        {
            case PatternElement pattern:
                var any = false;
                foreach (var fact in facts)
                {
                    if (Satisfies(pattern, fact, env))
                    {
                        any = true;
                        env[pattern.Alias] = fact;
                        var matched = Extend(elements, index + 1, env, ref deepest);
                        env.Remove(pattern.Alias);
                        if (matched)
                        {
                            return true;
                        }
                    }
                }

                if (!any)
                {
                    Record(ref deepest, index, []);
                }

                return false;
            case NotElement not:
                var blocking = facts.Where(f => Satisfies(not.Pattern, f, env)).ToArray();
                if (blocking.Length == 0)
                {
                    return Extend(elements, index + 1, env, ref deepest);
                }

                Record(ref deepest, index, blocking);
                return false;
            case ExistsElement exists:
                if (facts.Any(f => Satisfies(exists.Pattern, f, env)))
                {
                    return Extend(elements, index + 1, env, ref deepest);
                }

                Record(ref deepest, index, []);
                return false;
            case AggregateElement aggregate:
                var source = facts.Where(f => Satisfies(aggregate.Source, f, env)).ToList();
                object value = aggregate.Kind == AggregateKind.Count ? source.Count : ToArray(source, aggregate.Source.FactType);
                if (aggregate.ResultConditions.All(c => Holds(c, value, env)))
                {
                    env[aggregate.Alias] = value;
                    var matched = Extend(elements, index + 1, env, ref deepest);
                    env.Remove(aggregate.Alias);
                    return matched;
                }

                Record(ref deepest, index, []);
                return false;
            default:
                return false;
        }
    }

    private static void Record(ref Stop deepest, int index, IReadOnlyList<object> by)
    {
        if (index > deepest.Index || (index == deepest.Index && deepest.By.Count == 0 && by.Count > 0))
        {
            deepest = new Stop(index, by);
        }
    }

    private static Array ToArray(List<object> source, Type type)
    {
        var list = Array.CreateInstance(type, source.Count);
        for (var i = 0; i < source.Count; i++)
        {
            list.SetValue(source[i], i);
        }

        return list;
    }

    private bool Satisfies(PatternElement pattern, object fact, Dictionary<string, object?> env) =>
        pattern.FactType.IsInstanceOfType(fact) && pattern.Conditions.All(c => Holds(c, fact, env));

    private bool Holds(LambdaExpression condition, object subject, Dictionary<string, object?> env)
    {
        if (!_compiled.TryGetValue(condition, out var compiled))
        {
            compiled = condition.Compile(preferInterpretation: true);
            _compiled.Add(condition, compiled);
        }

        var arguments = new object?[condition.Parameters.Count];
        arguments[0] = subject;
        for (var i = 1; i < arguments.Length; i++)
        {
            if (!env.TryGetValue(condition.Parameters[i].Name!, out var value))
            {
                return false;
            }

            arguments[i] = value;
        }

        return compiled.DynamicInvoke(arguments) is true;
    }

    /// <summary>A fact in words, with the rule that derived it.</summary>
    public static ExplainedFact Describe(object fact) => fact switch
    {
        Tag tag => new ExplainedFact(tag.RuleId, $"{tag.Name}{(tag.Value is null ? "" : " = " + tag.Value)} on {Subject(tag.Subject)}"),
        Conflict conflict => new ExplainedFact(conflict.RuleId, $"conflict {conflict.Principle} on {Subject(conflict.Subject)}"),
        Mitigation mitigation => new ExplainedFact(mitigation.RuleId, $"mitigation ({mitigation.Extent}) of {mitigation.Conflict.RuleId} by {Subject(mitigation.By)}"),
        Support support => new ExplainedFact(support.RuleId, $"support of {support.Principle} on {Subject(support.Subject)}"),
        _ => new ExplainedFact("", Subject(fact)),
    };

    private static string Subject(object fact) => fact switch
    {
        Clause clause => $"clause {clause.Id}",
        Agreement agreement => $"agreement {agreement.Id}",
        _ => fact.ToString() ?? "",
    };

    private readonly record struct Stop(int Index, IReadOnlyList<object> By);
}
