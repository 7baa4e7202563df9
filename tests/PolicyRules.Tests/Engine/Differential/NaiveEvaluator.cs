using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.ExceptionServices;
using PolicyRules.Engine.Model;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Tests.Engine.Differential;

/// <summary>One match as the oracle computes it: the rule and its bindings in left-hand-side order.</summary>
public sealed record OracleMatch(RuleDefinition Rule, IReadOnlyList<MatchBinding> Bindings);

/// <summary>
/// The oracle: the matches of rules over facts by brute force. Every condition lambda is compiled
/// as it is (<see cref="LambdaExpression.Compile()"/>) and invoked with its first parameter bound to
/// the candidate and the others, by name, to the aliases bound so far. Every fact of an assignable
/// type is tried for every pattern; negations, existentials and aggregates scan every fact. No
/// hashing, no indexing, no sharing, no incremental state.
/// </summary>
public sealed class NaiveEvaluator
{
    private readonly Dictionary<LambdaExpression, Delegate> _compiled = new(ReferenceEqualityComparer.Instance);

    /// <summary>The matches of <paramref name="rules"/> over <paramref name="facts"/>, given in insertion order.</summary>
    public static IReadOnlyList<OracleMatch> Evaluate(IEnumerable<RuleDefinition> rules, IReadOnlyList<object> facts) =>
        new NaiveEvaluator().Run(rules, facts);

    public IReadOnlyList<OracleMatch> Run(IEnumerable<RuleDefinition> rules, IReadOnlyList<object> facts)
    {
        var matches = new List<OracleMatch>();
        foreach (var rule in rules)
        {
            Extend(rule, 0, new Dictionary<string, object?>(StringComparer.Ordinal), [], facts, matches);
        }

        return matches;
    }

    private void Extend(RuleDefinition rule, int index, Dictionary<string, object?> env, List<MatchBinding> bindings, IReadOnlyList<object> facts, List<OracleMatch> matches)
    {
        if (index == rule.Conditions.Count)
        {
            matches.Add(new OracleMatch(rule, bindings.ToArray()));
            return;
        }

        switch (rule.Conditions[index])
        {
            case PatternElement pattern:
                foreach (var fact in facts)
                {
                    if (Satisfies(pattern, fact, env))
                    {
                        env[pattern.Alias] = fact;
                        bindings.Add(new MatchBinding(pattern.Alias, fact, false));
                        Extend(rule, index + 1, env, bindings, facts, matches);
                        bindings.RemoveAt(bindings.Count - 1);
                        env.Remove(pattern.Alias);
                    }
                }

                break;

            case NotElement not:
                if (!facts.Any(f => Satisfies(not.Pattern, f, env)))
                {
                    Extend(rule, index + 1, env, bindings, facts, matches);
                }

                break;

            case ExistsElement exists:
                if (facts.Any(f => Satisfies(exists.Pattern, f, env)))
                {
                    Extend(rule, index + 1, env, bindings, facts, matches);
                }

                break;

            case AggregateElement aggregate:
            {
                var source = facts.Where(f => Satisfies(aggregate.Source, f, env)).ToList();
                object value;
                if (aggregate.Kind == AggregateKind.Count)
                {
                    value = source.Count;
                }
                else
                {
                    var list = Array.CreateInstance(aggregate.Source.FactType, source.Count);
                    for (var i = 0; i < source.Count; i++)
                    {
                        list.SetValue(source[i], i);
                    }

                    value = list;
                }

                if (aggregate.ResultConditions.All(c => Holds(c, value, env)))
                {
                    env[aggregate.Alias] = value;
                    bindings.Add(new MatchBinding(aggregate.Alias, value, true));
                    Extend(rule, index + 1, env, bindings, facts, matches);
                    bindings.RemoveAt(bindings.Count - 1);
                    env.Remove(aggregate.Alias);
                }

                break;
            }

            default:
                throw new InvalidOperationException("Unknown element " + rule.Conditions[index]);
        }
    }

    private bool Satisfies(PatternElement pattern, object fact, Dictionary<string, object?> env) =>
        pattern.FactType.IsInstanceOfType(fact) && pattern.Conditions.All(c => Holds(c, fact, env));

    private bool Holds(LambdaExpression condition, object subject, Dictionary<string, object?> env)
    {
        if (!_compiled.TryGetValue(condition, out var compiled))
        {
            compiled = condition.Compile();
            _compiled.Add(condition, compiled);
        }

        var arguments = new object?[condition.Parameters.Count];
        arguments[0] = subject;
        for (var i = 1; i < arguments.Length; i++)
        {
            var name = condition.Parameters[i].Name!;
            arguments[i] = env.TryGetValue(name, out var value)
                ? value
                : throw new InvalidOperationException($"Oracle: {condition} names '{name}', which is not bound.");
        }

        try
        {
            return (bool)compiled.DynamicInvoke(arguments)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}
