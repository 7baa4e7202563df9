using PolicyRules.Engine.Builder;
using PolicyRules.Engine.Model;

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

    /// <summary>The definition of one W1 rule.</summary>
    public static RuleDefinition Create(W1Rule rule, ConflictCounter counter)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(counter);
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
            .Do((_, _) => counter.Increment())
            .Build();
    }
}
