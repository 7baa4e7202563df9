using PolicyRules.Benchmarks.Workload;
using PolicyRules.Engine;

namespace PolicyRules.Benchmarks.Legs;

/// <summary>
/// PolicyRules with the rules written in the JSON rule language (<see cref="W1JsonRules"/>):
/// build = load, check and compile the rule file; evaluation = fresh session, insert every agreement
/// and clause at once, fire, count the conflicts the rules' <c>conflict</c> actions inserted.
/// </summary>
public sealed class PolicyRulesJsonLeg : ConflictFactsLeg
{
    private PolicyRulesJsonLeg(RuleNetwork network)
        : base(network)
    {
    }

    /// <inheritdoc/>
    public override string Name => W1Legs.PolicyRulesJson;

    /// <summary>Writes the rule file, loads, checks and compiles it.</summary>
    public static PolicyRulesJsonLeg Build(IReadOnlyList<W1Rule> rules, RuleNetworkOptions? options = null) =>
        new(W1JsonRules.Compile(rules, options));
}
