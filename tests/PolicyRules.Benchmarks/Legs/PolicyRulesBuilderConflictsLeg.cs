using PolicyRules.Benchmarks.Workload;
using PolicyRules.Engine;

namespace PolicyRules.Benchmarks.Legs;

/// <summary>
/// PolicyRules with the rules written with the C# builder and the JSON rules' action: each firing
/// inserts a <c>Conflict</c> linked to its match (<see cref="W1BuilderRules.CreateWithConflicts"/>),
/// counted as the JSON leg counts. Not a leg of WORKLOAD.md: it does the JSON leg's work with the
/// builder's rules, so the two measure what the rule language costs and nothing else.
/// </summary>
public sealed class PolicyRulesBuilderConflictsLeg : ConflictFactsLeg
{
    private PolicyRulesBuilderConflictsLeg(RuleNetwork network)
        : base(network)
    {
    }

    /// <inheritdoc/>
    public override string Name => W1Legs.PolicyRulesBuilderConflicts;

    /// <summary>Writes the rules with the builder and compiles them.</summary>
    public static PolicyRulesBuilderConflictsLeg Build(IReadOnlyList<W1Rule> rules) =>
        new(RuleNetwork.Compile(W1BuilderRules.CreateWithConflicts(rules)));
}
