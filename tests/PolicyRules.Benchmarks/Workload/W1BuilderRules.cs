using PolicyRules.Domain;
using PolicyRules.Engine.Builder;
using PolicyRules.Engine.Model;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Benchmarks.Workload;

/// <summary>Counts the conflicts the W1 rules report; one per leg instance, reset before each evaluation.</summary>
public sealed class ConflictCounter
{
    /// <summary>The conflicts counted since the last <see cref="Reset"/>.</summary>
    public long Value { get; private set; }

    /// <summary>Counts one conflict.</summary>
    public void Increment() => Value++;

    /// <summary>Starts counting from zero.</summary>
    public void Reset() => Value = 0;
}

/// <summary>
/// The W1 rules written with the PolicyRules C# builder. K and S are captured locals, which the
/// engine folds into constants, so <c>c.Kind == K</c> and <c>c.Sectors.Contains(S)</c> are
/// dispatched by hash and the 60 distinct rules share their nodes.
/// </summary>
public static class W1BuilderRules
{
    /// <summary>One rule definition per W1 rule; each firing increments <paramref name="counter"/>.</summary>
    public static IReadOnlyList<RuleDefinition> Create(IReadOnlyList<W1Rule> rules, ConflictCounter counter)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(counter);
        var definitions = new RuleDefinition[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            definitions[i] = Create(rules[i], counter);
        }

        return definitions;
    }

    /// <summary>
    /// One rule definition per W1 rule whose action does what the JSON rules' <c>conflict</c> does:
    /// it inserts a <see cref="Conflict"/> on the clause, linked to the match. The leg that runs
    /// these (<see cref="Legs.PolicyRulesBuilderConflictsLeg"/>) does the JSON leg's work, so the two
    /// compare the rule language itself.
    /// </summary>
    public static IReadOnlyList<RuleDefinition> CreateWithConflicts(IReadOnlyList<W1Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return [.. rules.Select(rule => Create(rule, (context, match) => context.InsertLinked(
            new Conflict(rule.Id, "w1", "high", [], match.Get<Clause>("c"), "conflict", null, []))))];
    }

    /// <summary>The definition of one W1 rule.</summary>
    public static RuleDefinition Create(W1Rule rule, ConflictCounter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        return Create(rule, (_, _) => counter.Increment());
    }

    private static RuleDefinition Create(W1Rule rule, Action<IActionContext, IMatch> action)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var kind = rule.Kind;
        var sector = rule.Sector;
        var builder = new RuleBuilder(rule.Id);
        if (rule.Distinct)
        {
            var floor = rule.IdFloor;
            builder.Match<Clause>("c", c => c.Kind == kind, c => c.Sectors.Contains(sector), c => c.Id > floor);
        }
        else
        {
            builder.Match<Clause>("c", c => c.Kind == kind, c => c.Sectors.Contains(sector));
        }

        return builder
            .Not<Clause>(
                (Clause e) => e.Kind == W1.ExceptionKind,
                (Clause e) => e.Sectors.Contains(sector),
                (Clause e, Clause c) => e.AgreementId == c.AgreementId,
                (Clause e, Clause c) => e.Id != c.Id)
            .Do(action)
            .Build();
    }
}
