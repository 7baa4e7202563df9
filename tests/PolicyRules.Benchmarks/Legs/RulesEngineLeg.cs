using System.Globalization;
using PolicyRules.Benchmarks.Workload;
using RulesEngine.Models;

namespace PolicyRules.Benchmarks.Legs;

/// <summary>
/// Microsoft RulesEngine with default settings: one workflow of R lambda-expression rules, each
/// clause executed with inputs <c>clause</c> and <c>exceptionSectors</c> (the sectors excepted in
/// its agreement, collected once per evaluation as in the baseline).
/// </summary>
public sealed class RulesEngineLeg : W1Leg
{
    private const string WorkflowName = "W1";

    private readonly global::RulesEngine.RulesEngine _engine;

    private RulesEngineLeg(global::RulesEngine.RulesEngine engine) => _engine = engine;

    /// <inheritdoc/>
    public override string Name => W1Legs.RulesEngine;

    /// <summary>
    /// Creates the engine and runs it once on a single clause, which makes RulesEngine parse and
    /// compile every rule (it compiles lazily, on the first execution of a workflow).
    /// </summary>
    public static RulesEngineLeg Build(IReadOnlyList<W1Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var workflow = new Workflow
        {
            WorkflowName = WorkflowName,
            Rules = rules.Select(r => new Rule
            {
                RuleName = r.Id,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                Expression = Expression(r),
            }).ToList(),
        };
        var leg = new RulesEngineLeg(new global::RulesEngine.RulesEngine([workflow]));
        var probe = new Clause
        {
            Id = 0,
            AgreementId = "AGR-000",
            Chapter = W1.Chapters[0],
            Sectors = [W1.Sectors[0]],
            Kind = W1.Kinds[0],
            Commitments = [],
            Text = string.Empty,
        };
        leg.Execute(probe, []);
        return leg;
    }

    /// <summary>The rule as a RulesEngine (System.Linq.Dynamic.Core) expression.</summary>
    public static string Expression(W1Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var distinct = rule.Distinct ? string.Create(CultureInfo.InvariantCulture, $" && clause.Id > {rule.IdFloor}") : string.Empty;
        return $"clause.Kind == \"{rule.Kind}\" && clause.Sectors.Contains(\"{rule.Sector}\"){distinct} && !exceptionSectors.Contains(\"{rule.Sector}\")";
    }

    /// <inheritdoc/>
    public override long Evaluate(W1Data data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sets = BaselineLeg.ExceptionSectors(data.Clauses);
        long conflicts = 0;
        foreach (var clause in data.Clauses)
        {
            conflicts += Execute(clause, BaselineLeg.ExceptionSectorsOf(sets, clause));
        }

        return conflicts;
    }

    private int Execute(Clause clause, HashSet<string> exceptionSectors)
    {
        var results = _engine
            .ExecuteAllRulesAsync(WorkflowName, new RuleParameter("clause", clause), new RuleParameter("exceptionSectors", exceptionSectors))
            .GetAwaiter()
            .GetResult();
        var successes = 0;
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                successes++;
            }
            else if (result.ExceptionMessage is { Length: > 0 } message)
            {
                throw new InvalidOperationException($"RulesEngine rule {result.Rule.RuleName} failed: {message}");
            }
        }

        return successes;
    }
}
