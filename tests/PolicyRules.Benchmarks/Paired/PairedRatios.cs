using System.Diagnostics;
using System.Globalization;
using PolicyRules.Benchmarks.Benchmarks;
using PolicyRules.Benchmarks.Legs;
using PolicyRules.Benchmarks.Workload;

namespace PolicyRules.Benchmarks.Paired;

/// <summary>
/// Ratios of a leg to the baseline measured in pairs: a few evaluations of each, back to back in one
/// process, the order alternating from pair to pair (baseline first, then the leg first). On a shared
/// machine the host's load drifts over seconds, so two medians measured minutes apart (what a
/// BenchmarkDotNet run compares) can differ by more than the effect being measured; within a pair
/// both sides meet the same load, and the median of the pairs' ratios cancels the drift. Each side
/// of a pair first runs one evaluation untimed, so that it meets caches warmed by itself, as a
/// BenchmarkDotNet iteration does, and not by the other side.
/// </summary>
internal static class PairedRatios
{
    /// <summary>The pairs run before any is kept: 100 evaluations of each side, enough for tiered compilation to settle.</summary>
    private const int WarmUpPairs = 25;

    /// <summary>The timed evaluations of each side of a pair (after its untimed one); their mean is the side's time.</summary>
    private const int TimedPerSide = 3;

    public static int Run(string leg, int ruleCount, int clauseCount, bool distinct, int pairs)
    {
        var data = W1Cells.DataFor(clauseCount);
        var rules = W1Rules.Create(ruleCount, distinct);
        var baseline = W1Legs.Build(W1Legs.Baseline, rules);
        var measured = W1Legs.Build(leg, rules);
        var ratios = new List<double>(pairs);
        var baselineTimes = new List<double>(pairs);
        var legTimes = new List<double>(pairs);
        for (var pair = 0; pair < WarmUpPairs + pairs; pair++)
        {
            double baselineTime, legTime;
            if (pair % 2 == 0)
            {
                baselineTime = Time(baseline, data, ruleCount, clauseCount, distinct);
                legTime = Time(measured, data, ruleCount, clauseCount, distinct);
            }
            else
            {
                legTime = Time(measured, data, ruleCount, clauseCount, distinct);
                baselineTime = Time(baseline, data, ruleCount, clauseCount, distinct);
            }

            if (pair >= WarmUpPairs)
            {
                ratios.Add(legTime / baselineTime);
                baselineTimes.Add(baselineTime);
                legTimes.Add(legTime);
            }
        }

        ratios.Sort();
        baselineTimes.Sort();
        legTimes.Sort();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"PAIRS leg={leg} R={ruleCount} C={clauseCount} distinct={distinct} pairs={pairs}: ratio median {Quantile(ratios, 0.5):F2}x (middle half {Quantile(ratios, 0.25):F2}-{Quantile(ratios, 0.75):F2}x); baseline median {Quantile(baselineTimes, 0.5):F2} ms, leg median {Quantile(legTimes, 0.5):F2} ms"));
        return 0;
    }

    /// <summary>
    /// One side of a pair: an untimed evaluation, then the mean of <see cref="TimedPerSide"/> in
    /// milliseconds; every count is checked against WORKLOAD.md.
    /// </summary>
    private static double Time(W1Leg leg, W1Data data, int ruleCount, int clauseCount, bool distinct)
    {
        W1Expected.CheckConflicts(leg.Name, ruleCount, clauseCount, distinct, leg.Evaluate(data));
        var total = 0.0;
        for (var i = 0; i < TimedPerSide; i++)
        {
            var watch = Stopwatch.StartNew();
            var count = leg.Evaluate(data);
            total += watch.Elapsed.TotalMilliseconds;
            W1Expected.CheckConflicts(leg.Name, ruleCount, clauseCount, distinct, count);
        }

        return total / TimedPerSide;
    }

    /// <summary>The value at fraction <paramref name="q"/> of sorted values (nearest rank).</summary>
    private static double Quantile(List<double> sorted, double q) =>
        sorted[Math.Clamp((int)Math.Round(q * (sorted.Count - 1)), 0, sorted.Count - 1)];
}
