using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PolicyRules.Benchmarks.Benchmarks;

/// <summary>Which cells of the matrix a run measures.</summary>
public enum CellSet
{
    /// <summary>Every cell (RulesEngine left out at R=1000 C=100k).</summary>
    All,

    /// <summary>The headline cells WORKLOAD.md requires: R=100 C=10k, R=100 C=100k, R=1000 C=10k distinct.</summary>
    Headline,

    /// <summary>The headline cells, R=10 C=10k and build at R=100 and R=1000 (every cell a target of docs/PERFORMANCE.md needs).</summary>
    Targets,

    /// <summary>One small cell (R=10 C=1k; build R=100): the smoke run.</summary>
    Smoke,
}

/// <summary>BenchmarkDotNet configurations of the W1 runs.</summary>
public static class W1Config
{
    /// <summary>Where BenchmarkDotNet writes logs and reports (ignored by .gitignore).</summary>
    public static string ArtifactsPath => Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");

    /// <summary>The steady-state default job, with the memory diagnoser and medians.</summary>
    public static IConfig Full(CellSet cells) =>
        DefaultConfig.Instance
            .WithArtifactsPath(ArtifactsPath)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median)
            .AddFilter(new SimpleFilter(bc => Includes(bc, cells)));

    /// <summary>A short in-process job (1 warm-up, 3 iterations) on one small cell, for CI.</summary>
    public static IConfig Smoke() =>
        ManualConfig.CreateEmpty()
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(DefaultConfig.Instance.GetLoggers().ToArray())
            .AddExporter(DefaultConfig.Instance.GetExporters().ToArray())
            .AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray())
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("Smoke"))
            .WithArtifactsPath(ArtifactsPath)
            .AddFilter(new SimpleFilter(bc => Includes(bc, CellSet.Smoke)));

    /// <summary>Whether a benchmark case belongs to the cell set.</summary>
    public static bool Includes(BenchmarkCase benchmark, CellSet cells)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        var method = benchmark.Descriptor.WorkloadMethod.Name;
        var r = Parameter<int>(benchmark, "R");
        var distinct = Parameter<bool>(benchmark, "Distinct");
        if (benchmark.Descriptor.Type == typeof(BuildBenchmarks))
        {
            return cells switch
            {
                CellSet.All => true,
                CellSet.Headline => false,
                CellSet.Targets => !distinct,
                CellSet.Smoke => r == 100 && !distinct,
                _ => false,
            };
        }

        var c = Parameter<int>(benchmark, "C");

        // RulesEngine takes minutes per operation at R=1000 C=100k: left out, as WORKLOAD.md allows.
        if (method == nameof(EvaluationBenchmarks.RulesEngine) && r == 1_000 && c == 100_000)
        {
            return false;
        }

        var headline = (r, c, distinct) is (100, 10_000, false) or (100, 100_000, false) or (1_000, 10_000, true);
        return cells switch
        {
            CellSet.All => true,
            CellSet.Headline => headline,
            CellSet.Targets => headline || (r, c, distinct) is (10, 10_000, false),
            CellSet.Smoke => (r, c, distinct) is (10, 1_000, false),
            _ => false,
        };
    }

    private static T Parameter<T>(BenchmarkCase benchmark, string name) =>
        benchmark.Parameters.Items.FirstOrDefault(p => p.Name == name)?.Value is T value ? value : default!;
}
