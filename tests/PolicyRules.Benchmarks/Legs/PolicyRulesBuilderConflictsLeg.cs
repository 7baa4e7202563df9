using PolicyRules.Benchmarks.Workload;
using PolicyRules.Domain;
using PolicyRules.Engine;

namespace PolicyRules.Benchmarks.Legs;

/// <summary>
/// PolicyRules with the rules written with the C# builder and the JSON rules' action: each firing
/// inserts a <see cref="Conflict"/> linked to its match (<see cref="W1BuilderRules.CreateWithConflicts"/>);
/// evaluation = fresh session, insert every agreement and clause at once, fire, count the conflicts.
/// Not a leg of WORKLOAD.md: it does the JSON leg's work with the builder's rules, so the two
/// measure what the rule language costs and nothing else.
/// </summary>
public sealed class PolicyRulesBuilderConflictsLeg : W1Leg
{
    private readonly RuleNetwork _network;

    private PolicyRulesBuilderConflictsLeg(RuleNetwork network) => _network = network;

    /// <inheritdoc/>
    public override string Name => W1Legs.PolicyRulesBuilderConflicts;

    /// <summary>Writes the rules with the builder and compiles them.</summary>
    public static PolicyRulesBuilderConflictsLeg Build(IReadOnlyList<W1Rule> rules) =>
        new(RuleNetwork.Compile(W1BuilderRules.CreateWithConflicts(rules)));

    /// <inheritdoc/>
    public override long Evaluate(W1Data data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var session = _network.CreateSession();
        session.InsertAll(data.Facts);
        var fired = session.Fire();
        var conflicts = session.Query<Conflict>().Count;
        if (fired != conflicts)
        {
            throw new InvalidOperationException($"PolicyRules fired {fired} rules but found {conflicts} conflicts.");
        }

        return conflicts;
    }
}
