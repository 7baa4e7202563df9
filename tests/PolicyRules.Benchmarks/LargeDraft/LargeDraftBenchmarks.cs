using BenchmarkDotNet.Attributes;

namespace PolicyRules.Benchmarks.LargeDraft;

/// <summary>
/// The real rulebook on one large draft (issue 11's cell), as a ratio to the same draft checked with
/// an empty rulebook in the same run. Run with <c>-- large-bench</c>; the 20,000- and 100,000-clause
/// runs are single processes (<c>-- larges</c>), too long for BenchmarkDotNet's iterations.
/// </summary>
[MemoryDiagnoser]
public class LargeDraftBenchmarks
{
    private string _json = string.Empty;
    private LargeDraftCheck _empty = null!;
    private LargeDraftCheck _convention = null!;

    [Params(2_000)]
    public int Clauses { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _json = LargeDraftGenerator.Generate(Clauses);
        _empty = new LargeDraftCheck(withRules: false);
        _convention = new LargeDraftCheck(withRules: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _empty.Dispose();
        _convention.Dispose();
    }

    [Benchmark(Baseline = true, Description = "empty rulebook")]
    public int EmptyRulebook() => _empty.Run(_json, Clauses).Report.Clauses.Count;

    [Benchmark(Description = "Convention rulebook")]
    public int ConventionRulebook() => _convention.Run(_json, Clauses).Report.Clauses.Count;
}
