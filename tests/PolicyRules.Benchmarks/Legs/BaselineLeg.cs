using System.Linq.Expressions;
using System.Reflection;
using PolicyRules.Benchmarks.Workload;

namespace PolicyRules.Benchmarks.Legs;

/// <summary>
/// The baseline: one compiled <c>Func&lt;Clause, HashSet&lt;string&gt;, bool&gt;</c> per rule, built from
/// an expression tree, and every rule called for every clause, with the exception sectors of each
/// agreement collected once per evaluation. The floor for "expression tree → delegate" without a network.
/// </summary>
/// <remarks>
/// The rule's <c>e.Id != c.Id</c> needs no test here: an exception clause has kind "exception",
/// which is never a rule's kind, so a clause that matches a rule is never its own blocker.
/// </remarks>
public sealed class BaselineLeg : W1Leg
{
    private static readonly MethodInfo ArrayIndexOf = new Func<string[], string, int>(Array.IndexOf).Method;
    private static readonly MethodInfo SetContains = typeof(HashSet<string>).GetMethod(nameof(HashSet<string>.Contains), [typeof(string)])!;
    private static readonly HashSet<string> NoSectors = [];

    private readonly Func<Clause, HashSet<string>, bool>[] _rules;

    private BaselineLeg(Func<Clause, HashSet<string>, bool>[] rules) => _rules = rules;

    /// <inheritdoc/>
    public override string Name => W1Legs.Baseline;

    /// <summary>The number of compiled rules.</summary>
    public int RuleCount => _rules.Length;

    /// <summary>Builds and compiles one delegate per rule.</summary>
    public static BaselineLeg Build(IReadOnlyList<W1Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var compiled = new Func<Clause, HashSet<string>, bool>[rules.Count];
        for (var i = 0; i < compiled.Length; i++)
        {
            compiled[i] = Expression(rules[i]).Compile();
        }

        return new BaselineLeg(compiled);
    }

    /// <summary>
    /// <c>(c, exceptionSectors) =&gt; c.Kind == K &amp;&amp; Array.IndexOf(c.Sectors, S) &gt;= 0 [&amp;&amp; c.Id &gt; −(i+1)] &amp;&amp; !exceptionSectors.Contains(S)</c>.
    /// </summary>
    public static Expression<Func<Clause, HashSet<string>, bool>> Expression(W1Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var c = System.Linq.Expressions.Expression.Parameter(typeof(Clause), "c");
        var exceptionSectors = System.Linq.Expressions.Expression.Parameter(typeof(HashSet<string>), "exceptionSectors");
        var sector = System.Linq.Expressions.Expression.Constant(rule.Sector);
        Expression body = System.Linq.Expressions.Expression.AndAlso(
            System.Linq.Expressions.Expression.Equal(
                System.Linq.Expressions.Expression.Property(c, nameof(Clause.Kind)),
                System.Linq.Expressions.Expression.Constant(rule.Kind)),
            System.Linq.Expressions.Expression.GreaterThanOrEqual(
                System.Linq.Expressions.Expression.Call(ArrayIndexOf, System.Linq.Expressions.Expression.Property(c, nameof(Clause.Sectors)), sector),
                System.Linq.Expressions.Expression.Constant(0)));
        if (rule.Distinct)
        {
            body = System.Linq.Expressions.Expression.AndAlso(
                body,
                System.Linq.Expressions.Expression.GreaterThan(
                    System.Linq.Expressions.Expression.Property(c, nameof(Clause.Id)),
                    System.Linq.Expressions.Expression.Constant(rule.IdFloor)));
        }

        body = System.Linq.Expressions.Expression.AndAlso(
            body,
            System.Linq.Expressions.Expression.Not(System.Linq.Expressions.Expression.Call(exceptionSectors, SetContains, sector)));
        return System.Linq.Expressions.Expression.Lambda<Func<Clause, HashSet<string>, bool>>(body, c, exceptionSectors);
    }

    /// <summary>The exception sectors of each agreement that has exception clauses.</summary>
    public static Dictionary<string, HashSet<string>> ExceptionSectors(IReadOnlyList<Clause> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        var sets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var clause in clauses)
        {
            if (clause.Kind == W1.ExceptionKind)
            {
                if (!sets.TryGetValue(clause.AgreementId, out var set))
                {
                    sets.Add(clause.AgreementId, set = new HashSet<string>(StringComparer.Ordinal));
                }

                set.UnionWith(clause.Sectors);
            }
        }

        return sets;
    }

    /// <summary>The sectors excepted in a clause's agreement (empty when none).</summary>
    public static HashSet<string> ExceptionSectorsOf(Dictionary<string, HashSet<string>> sets, Clause clause)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(clause);
        return sets.TryGetValue(clause.AgreementId, out var set) ? set : NoSectors;
    }

    /// <inheritdoc/>
    public override long Evaluate(W1Data data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sets = ExceptionSectors(data.Clauses);
        var rules = _rules;
        long conflicts = 0;
        foreach (var clause in data.Clauses)
        {
            var excepted = ExceptionSectorsOf(sets, clause);
            foreach (var rule in rules)
            {
                if (rule(clause, excepted))
                {
                    conflicts++;
                }
            }
        }

        return conflicts;
    }
}
