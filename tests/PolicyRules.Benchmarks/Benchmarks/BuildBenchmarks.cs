using BenchmarkDotNet.Attributes;
using PolicyRules.Benchmarks.Legs;
using PolicyRules.Benchmarks.Workload;
using PolicyRules.Engine;
using PolicyRules.Engine.Model;

namespace PolicyRules.Benchmarks.Benchmarks;

/// <summary>
/// Build time: rules → ready to evaluate. Baseline: expression trees built and compiled.
/// RulesEngine: engine created and run once on one clause (it compiles lazily). PolicyRules:
/// <see cref="RuleNetwork.Compile"/> of definitions written with the builder beforehand.
/// </summary>
[MemoryDiagnoser]
public class BuildBenchmarks
{
    private IReadOnlyList<W1Rule> _rules = null!;
    private IReadOnlyList<RuleDefinition> _definitions = null!;

    /// <summary>The number of rules.</summary>
    [Params(100, 1_000)]
    public int R { get; set; }

    /// <summary>Whether every rule carries the always-true condition that defeats sharing.</summary>
    [Params(false, true)]
    public bool Distinct { get; set; }

    /// <summary>Writes the rules, and the builder's definitions, once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _rules = W1Rules.Create(R, Distinct);
        _definitions = W1BuilderRules.Create(_rules, new ConflictCounter());
    }

    /// <summary>R expression trees compiled to delegates.</summary>
    [Benchmark(Baseline = true)]
    public object Baseline() => BaselineLeg.Build(_rules);

    /// <summary>A RulesEngine workflow of R rules, compiled by its first execution.</summary>
    [Benchmark]
    public object RulesEngine() => RulesEngineLeg.Build(_rules);

    /// <summary><see cref="RuleNetwork.Compile"/> of R builder-written rules.</summary>
    [Benchmark]
    public object PolicyRulesBuilder() => RuleNetwork.Compile(_definitions);

    /// <summary>Load, check and compile a rule file of R rules in the JSON rule language.</summary>
    [Benchmark]
    public object PolicyRulesJson() => W1JsonRules.Compile(_rules);
}
