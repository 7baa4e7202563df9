using PolicyRules.Benchmarks.Workload;
using PolicyRules.Engine;
using PolicyRules.Engine.Model;

namespace PolicyRules.Benchmarks.Legs;

/// <summary>
/// PolicyRules with the rules written with the C# builder (<see cref="W1BuilderRules"/>):
/// build = <see cref="RuleNetwork.Compile"/>; evaluation = fresh session, insert every agreement
/// and clause at once, fire, count the firings.
/// </summary>
public sealed class PolicyRulesBuilderLeg : W1Leg
{
    private readonly RuleNetwork _network;
    private readonly ConflictCounter _counter;

    private PolicyRulesBuilderLeg(RuleNetwork network, ConflictCounter counter)
    {
        _network = network;
        _counter = counter;
    }

    /// <inheritdoc/>
    public override string Name => W1Legs.PolicyRulesBuilder;

    /// <summary>The compiled network.</summary>
    public RuleNetwork Network => _network;

    /// <summary>Writes the rules with the builder and compiles them.</summary>
    public static PolicyRulesBuilderLeg Build(IReadOnlyList<W1Rule> rules, RuleNetworkOptions? options = null)
    {
        var counter = new ConflictCounter();
        return Compile(W1BuilderRules.Create(rules, counter), counter, options);
    }

    /// <summary>Compiles rule definitions made by <see cref="W1BuilderRules.Create(IReadOnlyList{W1Rule}, ConflictCounter)"/> with <paramref name="counter"/>.</summary>
    public static PolicyRulesBuilderLeg Compile(IReadOnlyList<RuleDefinition> definitions, ConflictCounter counter, RuleNetworkOptions? options = null) =>
        new(RuleNetwork.Compile(definitions, options), counter);

    /// <inheritdoc/>
    public override long Evaluate(W1Data data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _counter.Reset();
        using var session = _network.CreateSession();
        session.InsertAll(data.Facts);
        var fired = session.Fire();
        if (fired != _counter.Value)
        {
            throw new InvalidOperationException($"PolicyRules fired {fired} rules but the actions counted {_counter.Value}.");
        }

        return _counter.Value;
    }
}
