using System.Runtime.CompilerServices;
using System.Linq.Expressions;
using PolicyRules.Engine.Model;

namespace PolicyRules.Engine.Compilation;

/// <summary>
/// Orders a rule's positive patterns before the network is built, so the order a rule is written in
/// does not decide how many partial matches it makes. Without statistics it guesses sizes: a pattern
/// that tests constants matches few facts, one that does not matches many; a join by identity
/// (<c>"is"</c>, <c>subject</c>) keeps the partial matches as they are, a join by a shared value
/// narrows by one key only, and a pattern with no key multiplies them (a cross product). Each pattern
/// in turn starts a greedy order that keeps the partial matches smallest at every step, and the
/// cheapest order wins; among equals, the most constant tests first, then the written order.
/// A condition that reads an alias now bound later moves, from its first conjunct that does, to
/// that alias's pattern (the conjuncts before it stay, and run first as before: guards keep their
/// place). <c>not</c> and <c>exists</c> follow as soon as the aliases they declare are bound; an
/// aggregate is a barrier that nothing crosses, since later patterns may read its result.
/// </summary>
internal static class JoinPlanner
{
    /// <summary>The rule as written, described as a plan (planning switched off).</summary>
    public static JoinPlan Unplanned(RuleDefinition rule)
    {
        var aliases = rule.Conditions.OfType<PatternElement>().Select(p => p.Alias).ToArray();
        return new JoinPlan(rule, aliases, aliases, []);
    }

    // A rule file's rules are planned twice (load-time warnings, then the network): the plan is a
    // function of the immutable definition, kept as long as the definition lives.
    private static readonly ConditionalWeakTable<RuleDefinition, JoinPlan> Plans = new();

    /// <summary>The planned rule (the same object when nothing moves) and what was decided.</summary>
    public static JoinPlan Plan(RuleDefinition rule) => Plans.GetValue(rule, Compute);

    private static JoinPlan Compute(RuleDefinition rule)
    {
        var written = rule.Conditions.OfType<PatternElement>().Select(p => p.Alias).ToArray();
        var declared = rule.Conditions.Select(e => e switch { PatternElement p => p.Alias, AggregateElement a => a.Alias, _ => null }).OfType<string>().ToArray();
        if (declared.Distinct(StringComparer.Ordinal).Count() != declared.Length)
        {
            return Unplanned(rule); // the network refuses it, naming the alias
        }

        var elements = new List<RuleElement>();
        var bound = new List<string>();
        var crossProducts = new List<string>();
        var segment = new List<RuleElement>();
        foreach (var element in rule.Conditions)
        {
            if (element is AggregateElement aggregate)
            {
                PlanSegment(segment, bound, elements, crossProducts);
                segment.Clear();
                elements.Add(aggregate);
                bound.Add(aggregate.Alias);
            }
            else
            {
                segment.Add(element);
            }
        }

        PlanSegment(segment, bound, elements, crossProducts);
        var planned = elements.OfType<PatternElement>().Select(p => p.Alias).ToArray();
        var unchanged = elements.SequenceEqual(rule.Conditions);
        var definition = unchanged
            ? rule
            : new RuleDefinition(rule.Id, rule.Name, rule.Priority, elements, rule.Actions, rule.Metadata);
        return new JoinPlan(definition, written, planned, crossProducts);
    }

    private static void PlanSegment(List<RuleElement> segment, List<string> bound, List<RuleElement> output, List<string> crossProducts)
    {
        var patterns = segment.OfType<PatternElement>().ToList();
        var filters = segment.Where(e => e is NotElement or ExistsElement).ToList();
        var placed = new HashSet<string>(bound, StringComparer.Ordinal);
        var order = new List<PatternElement>();
        var hadPositive = bound.Count > 0;

        EmitReadyFilters(filters, placed, output);

        if (patterns.Count == 1 && placed.Count == 0)
        {
            // One pattern and nothing bound before it: there is one order, and no join to judge.
            order.Add(patterns[0]);
        }
        else
        {
            var (planned, cross) = Cheapest(segment, patterns, placed, hadPositive);
            order.AddRange(planned);
            crossProducts.AddRange(cross);
        }

        // Conditions move to the pattern, now later, whose alias they read.
        var position = order.Select((p, i) => (p.Alias, i)).ToDictionary(x => x.Alias, x => x.i, StringComparer.Ordinal);
        var conditions = order.ToDictionary(p => p.Alias, _ => new List<DeferredLambda>(), StringComparer.Ordinal);
        foreach (var pattern in order)
        {
            foreach (var lambda in pattern.Parts)
            {
                var (stays, moves, target) = Split(lambda, pattern, position);
                if (stays is not null)
                {
                    conditions[pattern.Alias].Add(stays);
                }

                if (moves is not null)
                {
                    conditions[target!].Add(moves);
                }
            }
        }

        var emitted = new HashSet<string>(bound, StringComparer.Ordinal);
        foreach (var pattern in order)
        {
            var same = conditions[pattern.Alias].SequenceEqual(pattern.Parts);
            output.Add(same ? pattern : PatternElement.OfParts(pattern.FactType, pattern.Alias, conditions[pattern.Alias]));
            emitted.Add(pattern.Alias);
            EmitReadyFilters(filters, emitted, output);
        }

        // A filter that reads an alias bound in no pattern of the rule is left where the network will report it.
        output.AddRange(filters);
        bound.AddRange(order.Select(p => p.Alias));
    }

    /// <summary>The cheapest order of a segment's patterns, and the aliases it joins by a cross product.</summary>
    private static (List<PatternElement> Patterns, List<string> CrossProducts) Cheapest(
        List<RuleElement> segment, List<PatternElement> patterns, HashSet<string> placed, bool hadPositive)
    {
        // What the orders are judged by, read once: the equalities between aliases, and each
        // pattern's constant tests.
        var edges = Edges(segment);
        var constants = patterns.ToDictionary<PatternElement, PatternElement, int>(p => p, ConstantTests, ReferenceEqualityComparer.Instance);

        // Each pattern in turn starts a greedy order; the cheapest order wins (then the start with
        // the most constant tests, then the written order). Rules have a handful of patterns. A
        // loop rather than LINQ's OrderBy over tuples: each tuple shape is generic code the JIT
        // compiles at start-up, which ReadyToRun cannot (docs/PERFORMANCE.md).
        (List<PatternElement> Patterns, int Cost, List<string> CrossProducts)? best = null;
        var bestConstants = 0;
        foreach (var start in patterns)
        {
            var candidate = Greedy(start, patterns, edges, constants, placed, hadPositive);
            if (best is not { } chosen || candidate.Cost < chosen.Cost || (candidate.Cost == chosen.Cost && constants[start] > bestConstants))
            {
                best = candidate;
                bestConstants = constants[start];
            }
        }

        return best is { } planned ? (planned.Patterns, planned.CrossProducts) : ([], []);
    }

    // Sizes on a log scale, as the planner guesses them without statistics: a pattern that tests
    // constants matches few facts, one that does not matches many (every clause of a draft).
    private const int Few = 1;
    private const int Many = 3;

    /// <summary>
    /// An order from <paramref name="start"/>, each step taking the pattern that keeps the partial
    /// matches smallest, and its cost: the sum of the partial matches' (log) sizes after each step.
    /// A join by identity keeps the size; a join by a value multiplies it by the new pattern's size
    /// divided by one key (a key that many facts share narrows little); a pattern with no key
    /// multiplies it by its whole size: a cross product, cheap only between few facts.
    /// </summary>
    private static (List<PatternElement> Patterns, int Cost, List<string> CrossProducts) Greedy(
        PatternElement start, List<PatternElement> patterns, List<Equality> edges, Dictionary<PatternElement, int> constants, HashSet<string> bound, bool hadPositive)
    {
        var placed = new HashSet<string>(bound, StringComparer.Ordinal);
        var order = new List<PatternElement>();
        var cross = new List<string>();
        var remaining = new List<PatternElement>(patterns);
        var size = hadPositive ? Few : 0;
        var cost = 0;
        var next = start;
        while (true)
        {
            var key = KeyTo(next, edges, placed);
            if (placed.Count > 0 && key == Key.None && constants[next] == 0)
            {
                cross.Add(next.Alias);
            }

            size = After(size, key, constants[next]);
            cost += size;
            order.Add(next);
            placed.Add(next.Alias);
            remaining.Remove(next);
            if (remaining.Count == 0)
            {
                return (order, cost, cross);
            }

            // The smallest partial matches next, then the most constant tests, then the written order.
            next = remaining[0];
            var nextSize = After(size, KeyTo(next, edges, placed), constants[next]);
            foreach (var candidate in remaining)
            {
                var candidateSize = After(size, KeyTo(candidate, edges, placed), constants[candidate]);
                if (candidateSize < nextSize || (candidateSize == nextSize && constants[candidate] > constants[next]))
                {
                    next = candidate;
                    nextSize = candidateSize;
                }
            }
        }
    }

    /// <summary>The (log) size of the partial matches once a pattern with <paramref name="constantTests"/> constant tests joins them.</summary>
    private static int After(int size, Key key, int constantTests)
    {
        var own = constantTests > 0 ? Few : Many;
        return key switch
        {
            Key.Identity => Math.Max(size, 1),
            Key.Value => size + own - 1,
            _ => size + own,
        };
    }

    private enum Key
    {
        None,
        Value,
        Identity,
    }

    private static void EmitReadyFilters(List<RuleElement> filters, HashSet<string> bound, List<RuleElement> output)
    {
        for (var i = 0; i < filters.Count;)
        {
            var filter = filters[i];
            var pattern = filter is NotElement not ? not.Pattern : ((ExistsElement)filter).Pattern;
            if (AliasesBound(pattern, bound))
            {
                output.Add(filter);
                filters.RemoveAt(i);
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>True when every alias a condition of <paramref name="pattern"/> declares, read or not, is bound.</summary>
    private static bool AliasesBound(PatternElement pattern, HashSet<string> bound)
    {
        foreach (var condition in pattern.Parts)
        {
            for (var i = 1; i < condition.Parameters.Count; i++)
            {
                if (!bound.Contains(condition.Parameters[i].Name!))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>An equality conjunct between aliases, found in a condition of the segment.</summary>
    private sealed record Equality(Key Kind, string[] Left, string[] Right);

    /// <summary>Every conjunct of the segment's patterns that is an equality (by value or by identity), with the aliases of each side.</summary>
    private static List<Equality> Edges(List<RuleElement> segment)
    {
        var edges = new List<Equality>();
        foreach (var pattern in segment.OfType<PatternElement>())
        {
            foreach (var lambda in pattern.Parts)
            {
                foreach (var conjunct in Conjuncts(lambda.Body))
                {
                    var kind = Key.Value;
                    if (!ExpressionShapes.TryEquality(conjunct, out var a, out var b))
                    {
                        if (!ExpressionShapes.TryReferenceEquality(conjunct, out a, out b))
                        {
                            continue;
                        }

                        kind = Key.Identity;
                    }

                    edges.Add(new Equality(kind, Aliases(a, lambda, pattern.Alias), Aliases(b, lambda, pattern.Alias)));
                }
            }
        }

        return edges;
    }

    /// <summary>
    /// How the pattern would join what is bound: by identity or by value when a conjunct somewhere
    /// in the segment's patterns is such an equality between its fact alone and bound aliases.
    /// </summary>
    private static Key KeyTo(PatternElement candidate, List<Equality> edges, HashSet<string> placed)
    {
        var found = Key.None;
        if (placed.Count == 0)
        {
            return found;
        }

        foreach (var edge in edges)
        {
            if (edge.Kind > found && (Joins(edge.Left, edge.Right, candidate.Alias, placed) || Joins(edge.Right, edge.Left, candidate.Alias, placed)))
            {
                found = edge.Kind;
            }
        }

        return found;
    }

    // Loops rather than LINQ here and below: the planner judges every order of every rule while the
    // checker starts, and a delegate or an enumerator per test was most of what it allocated.
    private static bool Joins(string[] side, string[] other, string candidate, HashSet<string> placed)
    {
        if (side.Length != 1 || side[0] != candidate || other.Length == 0)
        {
            return false;
        }

        foreach (var alias in other)
        {
            if (!placed.Contains(alias))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Conjuncts of the pattern's own conditions that test its fact against constants only.</summary>
    /// <remarks>A conjunct reads only the aliases its lambda declares, so a lambda over the fact alone needs no reading.</remarks>
    private static int ConstantTests(PatternElement pattern)
    {
        var count = 0;
        foreach (var lambda in pattern.Parts)
        {
            foreach (var conjunct in Conjuncts(lambda.Body))
            {
                if (lambda.Parameters.Count > 1 && !ReadsOnlyItsFact(conjunct, lambda))
                {
                    break;
                }

                count++;
            }
        }

        return count;
    }

    /// <summary>True when <paramref name="part"/> reads no parameter of <paramref name="lambda"/> but the first, the pattern's own fact.</summary>
    private static bool ReadsOnlyItsFact(Expression part, DeferredLambda lambda)
    {
        foreach (var parameter in FreeParameters.Of(part))
        {
            if (parameter != lambda.Parameters[0] && lambda.Parameters.Contains(parameter))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Splits a condition of <paramref name="pattern"/> at its first conjunct that reads an alias
    /// bound after the pattern: the conjuncts before stay, the rest move to the latest such alias.
    /// </summary>
    private static (DeferredLambda? Stays, DeferredLambda? Moves, string? Target) Split(
        DeferredLambda lambda, PatternElement pattern, Dictionary<string, int> position)
    {
        var here = position[pattern.Alias];
        bool Later(string alias) => position.TryGetValue(alias, out var at) && at > here;

        bool ReadsLater(IReadOnlyList<ParameterExpression> parameters, int from)
        {
            for (var i = from; i < parameters.Count; i++)
            {
                if (Later(parameters[i].Name!))
                {
                    return true;
                }
            }

            return false;
        }

        // A conjunct reads only the aliases its lambda declares: when none is bound later, nothing
        // moves, and the conjuncts need not be read (most conditions of most rules).
        if (!ReadsLater(lambda.Parameters, 1))
        {
            return (lambda, null, null);
        }

        var conjuncts = Conjuncts(lambda.Body);
        var split = conjuncts.FindIndex(c => Aliases(c, lambda, pattern.Alias).Any(Later));
        if (split < 0)
        {
            // Nothing reads an alias bound later, but the lambda declares one: it no longer may.
            return (Lambda(lambda.Body, lambda.Parameters[0], lambda.Parameters.Skip(1)), null, null);
        }

        var moving = conjuncts.Skip(split).ToList();
        var target = moving.SelectMany(c => Aliases(c, lambda, pattern.Alias)).Where(Later).MaxBy(a => position[a])!;
        var subject = lambda.Parameters[0];
        var stays = split == 0 ? null : Lambda(And(conjuncts.Take(split)), subject, lambda.Parameters.Skip(1));

        // On the target, the target's fact comes first; this pattern's fact becomes an alias by its name.
        var renamed = subject.Name == pattern.Alias ? subject : Expression.Parameter(subject.Type, pattern.Alias);
        var body = ParameterReplacer.Replace(And(moving), new Dictionary<ParameterExpression, Expression> { [subject] = renamed });
        var first = lambda.Parameters.Skip(1).First(p => p.Name == target);
        return (stays, Lambda(body, first, [renamed, .. lambda.Parameters.Skip(1)]), target);
    }

    /// <summary>A condition over <paramref name="subject"/> and the aliases its body reads (a parameter it no longer reads would name an alias not yet bound).</summary>
    private static DeferredLambda Lambda(Expression body, ParameterExpression subject, IEnumerable<ParameterExpression> aliases)
    {
        var free = FreeParameters.Of(body);
        return new DeferredLambda(body, [subject, .. aliases.Where(p => p != subject && free.Contains(p))]);
    }

    private static Expression And(IEnumerable<Expression> conjuncts) => conjuncts.Aggregate(Expression.AndAlso);

    /// <summary>The conjuncts of a condition, in order.</summary>
    private static List<Expression> Conjuncts(Expression condition)
    {
        var conjuncts = new List<Expression>();
        AddConjuncts(condition, conjuncts);
        return conjuncts;
    }

    private static void AddConjuncts(Expression condition, List<Expression> conjuncts)
    {
        if (condition is BinaryExpression { NodeType: ExpressionType.AndAlso, Method: null } and)
        {
            AddConjuncts(and.Left, conjuncts);
            AddConjuncts(and.Right, conjuncts);
        }
        else
        {
            conjuncts.Add(condition);
        }
    }

    /// <summary>The aliases a condition reads, each once: its first parameter is the pattern's own fact, the others name aliases.</summary>
    private static string[] Aliases(Expression part, DeferredLambda lambda, string self)
    {
        var aliases = new List<string>(2);
        foreach (var parameter in FreeParameters.Of(part))
        {
            if (lambda.Parameters.Contains(parameter))
            {
                var alias = parameter == lambda.Parameters[0] ? self : parameter.Name!;
                if (!aliases.Contains(alias))
                {
                    aliases.Add(alias);
                }
            }
        }

        return [.. aliases];
    }
}

/// <summary>What <see cref="JoinPlanner"/> decided for one rule.</summary>
/// <param name="Rule">The rule with its patterns in network order.</param>
/// <param name="Written">The positive patterns' aliases as written.</param>
/// <param name="Planned">The positive patterns' aliases in network order.</param>
/// <param name="CrossProducts">Aliases of patterns that test no constant and are joined with no equality key to what is bound before them: every fact of their type meets every earlier match.</param>
internal sealed record JoinPlan(RuleDefinition Rule, IReadOnlyList<string> Written, IReadOnlyList<string> Planned, IReadOnlyList<string> CrossProducts)
{
    public bool Reordered => !Written.SequenceEqual(Planned);
}
