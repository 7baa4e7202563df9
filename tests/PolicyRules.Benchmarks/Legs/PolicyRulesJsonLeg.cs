using PolicyRules.Benchmarks.Workload;
using PolicyRules.Domain;
using PolicyRules.Engine;

namespace PolicyRules.Benchmarks.Legs;

/// <summary>
/// PolicyRules with the rules written in the JSON rule language (<see cref="W1JsonRules"/>):
/// build = load, check and compile the rule file; evaluation = fresh session, insert every agreement
/// and clause at once, fire, count the conflicts the rules' <c>conflict</c> actions inserted.
/// </summary>
public sealed class PolicyRulesJsonLeg : W1Leg
{
    private readonly RuleNetwork _network;

    private PolicyRulesJsonLeg(RuleNetwork network) => _network = network;

    /// <inheritdoc/>
    public override string Name => W1Legs.PolicyRulesJson;

    /// <summary>Writes the rule file, loads, checks and compiles it.</summary>
    public static PolicyRulesJsonLeg Build(IReadOnlyList<W1Rule> rules, RuleNetworkOptions? options = null) =>
        new(W1JsonRules.Compile(rules, options));

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
