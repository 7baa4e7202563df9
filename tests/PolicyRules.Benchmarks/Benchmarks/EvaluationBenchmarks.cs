using BenchmarkDotNet.Attributes;
using PolicyRules.Benchmarks.Legs;
using PolicyRules.Benchmarks.Workload;

namespace PolicyRules.Benchmarks.Benchmarks;

/// <summary>
/// Evaluation of W1: all C clauses against R rules, per leg. Each leg's setup builds it and checks
/// its count against WORKLOAD.md before any timing; a mismatch fails the benchmark.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private W1Data _data = null!;
    private W1Leg _leg = null!;

    /// <summary>The number of rules.</summary>
    [Params(10, 100, 1_000)]
    public int R { get; set; }

    /// <summary>The number of clauses.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int C { get; set; }

    /// <summary>Whether every rule carries the always-true condition that defeats sharing.</summary>
    [Params(false, true)]
    public bool Distinct { get; set; }

    /// <summary>Builds the baseline and checks its count.</summary>
    [GlobalSetup(Target = nameof(Baseline))]
    public void SetupBaseline() => Setup(W1Legs.Baseline);

    /// <summary>Builds RulesEngine and checks its count.</summary>
    [GlobalSetup(Target = nameof(RulesEngine))]
    public void SetupRulesEngine() => Setup(W1Legs.RulesEngine);

    /// <summary>Builds PolicyRules (C# builder) and checks its count.</summary>
    [GlobalSetup(Target = nameof(PolicyRulesBuilder))]
    public void SetupPolicyRulesBuilder() => Setup(W1Legs.PolicyRulesBuilder);

    /// <summary>Loads PolicyRules (JSON rule language) and checks its count.</summary>
    [GlobalSetup(Target = nameof(PolicyRulesJson))]
    public void SetupPolicyRulesJson() => Setup(W1Legs.PolicyRulesJson);

    [GlobalSetup(Target = nameof(PolicyRulesBuilderConflicts))]
    public void SetupPolicyRulesBuilderConflicts() => Setup(W1Legs.PolicyRulesBuilderConflicts);

    /// <summary>One compiled delegate per rule, every rule for every clause.</summary>
    [Benchmark(Baseline = true)]
    public long Baseline() => _leg.Evaluate(_data);

    /// <summary>Microsoft RulesEngine, one execution of the workflow per clause.</summary>
    [Benchmark]
    public long RulesEngine() => _leg.Evaluate(_data);

    /// <summary>PolicyRules: fresh session, InsertAll, Fire.</summary>
    [Benchmark]
    public long PolicyRulesBuilder() => _leg.Evaluate(_data);

    /// <summary>PolicyRules (JSON rule language): fresh session, InsertAll, Fire, count conflicts.</summary>
    [Benchmark]
    public long PolicyRulesJson() => _leg.Evaluate(_data);

    /// <summary>The builder's rules with the JSON rules' action: what separates it from <see cref="PolicyRulesJson"/> is the rule language alone.</summary>
    [Benchmark]
    public long PolicyRulesBuilderConflicts() => _leg.Evaluate(_data);

    private void Setup(string leg)
    {
        _data = W1Cells.DataFor(C);
        _leg = W1Legs.Build(leg, W1Rules.Create(R, Distinct));
        W1Expected.CheckConflicts(leg, R, C, Distinct, _leg.Evaluate(_data));
    }
}
