using PolicyRules.Benchmarks.Workload;

namespace PolicyRules.Benchmarks.Legs;

/// <summary>One engine's way of running the W1 rules: built once, then evaluated over a cell's facts.</summary>
public abstract class W1Leg
{
    /// <summary>The leg's name on the command line and in reports.</summary>
    public abstract string Name { get; }

    /// <summary>Evaluates every rule over every clause of <paramref name="data"/> and returns the conflicts found.</summary>
    public abstract long Evaluate(W1Data data);
}

/// <summary>The legs by name: the one place to register a new leg.</summary>
public static class W1Legs
{
    /// <summary>The hand-written floor: one compiled delegate per rule.</summary>
    public const string Baseline = "baseline";

    /// <summary>Microsoft RulesEngine 6.0.1, default settings.</summary>
    public const string RulesEngine = "rulesengine";

    /// <summary>PolicyRules, rules written with the C# builder.</summary>
    public const string PolicyRulesBuilder = "policyrules-builder";

    /// <summary>PolicyRules, rules written in the JSON rule language.</summary>
    public const string PolicyRulesJson = "policyrules-json";

    /// <summary>
    /// PolicyRules, the builder's rules with the JSON rules' action (a linked <c>Conflict</c> per
    /// firing, <see cref="PolicyRulesBuilderConflictsLeg"/>); not in <see cref="All"/>.
    /// </summary>
    public const string PolicyRulesBuilderConflicts = "policyrules-builder-conflicts";

    /// <summary>A sketch of the struct-token redesign on this workload (<see cref="StructSketchLeg"/>); not in <see cref="All"/>.</summary>
    public const string StructSketch = "struct-sketch";

    /// <summary>Every leg, baseline first.</summary>
    public static readonly IReadOnlyList<string> All = [Baseline, RulesEngine, PolicyRulesBuilder, PolicyRulesJson];

    /// <summary>Sketches of designs not built yet: their counts are checked with the legs' (<c>smoke</c>, <c>check</c>), they are measured only when named.</summary>
    public static readonly IReadOnlyList<string> Sketches = [StructSketch];

    /// <summary>Legs that isolate one difference between legs of the record: checked with the legs, measured only when named.</summary>
    public static readonly IReadOnlyList<string> Comparisons = [PolicyRulesBuilderConflicts];

    /// <summary>Builds the named leg over <paramref name="rules"/>.</summary>
    public static W1Leg Build(string name, IReadOnlyList<W1Rule> rules) => name switch
    {
        Baseline => BaselineLeg.Build(rules),
        RulesEngine => RulesEngineLeg.Build(rules),
        PolicyRulesBuilder => PolicyRulesBuilderLeg.Build(rules),
        PolicyRulesJson => PolicyRulesJsonLeg.Build(rules),
        PolicyRulesBuilderConflicts => PolicyRulesBuilderConflictsLeg.Build(rules),
        StructSketch => StructSketchLeg.Build(rules),
        _ => throw new ArgumentException($"Unknown leg '{name}'; known: {string.Join(", ", All.Concat(Comparisons).Concat(Sketches))}.", nameof(name)),
    };
}
