using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PolicyRules.Benchmarks.Benchmarks;
using BenchmarkDotNet.Configs;
using PolicyRules.Benchmarks.LargeDraft;
using PolicyRules.Benchmarks.Legs;
using PolicyRules.Benchmarks.Paired;
using PolicyRules.Benchmarks.Workload;
using PolicyRules.Domain;
using PolicyRules.Engine;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/PolicyRules.Benchmarks -- &lt;mode&gt;</c>; see <see cref="Usage"/>.
/// </summary>
public static class Program
{
    private const string Usage = """
        Usage: dotnet run -c Release --project tests/PolicyRules.Benchmarks -- <mode>
          full [--cells all|headline|targets] [BenchmarkDotNet options]
                  (default mode) default job, memory diagnoser, ratios to the baseline;
                  --cells all (default): R in {10,100,1000} x C in {1k,10k,100k} x Distinct, build R in {100,1000}
                  --cells headline: R=100 C=10k, R=100 C=100k, R=1000 C=10k distinct
                  --cells targets: headline + R=10 C=10k + build R=100 and R=1000
                  e.g. --job short for a shorter job; output in ./BenchmarkDotNet.Artifacts
          smoke   checks every leg's (and sketch's) counts against WORKLOAD.md, then a short BenchmarkDotNet job on one small cell
          check <R> <C> [distinct]   checks every leg's count on one cell
          profile <R> <C> [distinct] [json] [nobaseline] [long]   PolicyRules (the builder leg, or the JSON rules with json): time of InsertAll,
                  Fire and Dispose (median of the last 100 of 200 runs; 1,000 of 2,000 with long), session metrics, network statistics,
                  and the baseline's median in the same process (unless nobaseline)
          peak <leg> <R> <C> [distinct]   one evaluation in this process; prints the count and peak RSS (VmHWM)
                  legs: data (generation only), baseline, rulesengine, policyrules-builder, policyrules-json;
                  struct-sketch (the W1 network hand-written with struct tokens: what the redesign could reach) by name here and in pairs
          peaks [<R> <C>] [distinct] [--repeat N]   'peak' in a child process per leg (default R=100 C=100000, 3 runs); table of ratios
          pairs <leg> <R> <C> [distinct] [--pairs N]   the leg and the baseline evaluated back to back (one untimed and three
                  timed evaluations each), N pairs (default 200) after 25 to warm up, the order alternating: the median of the
                  pairs' ratios and its middle half, which the host's drifting load cancels out of (it moves whole
                  BenchmarkDotNet runs on a shared machine); run several processes, since they differ too
          large <clauses> [empty]   one large draft checked in this process with the Convention (or an empty) rulebook: time, clauses reported, peak RSS
          larges [<clauses>...]   'large' in a child process per size (default 2000 20000 100000), with both rulebooks; table of ratios
          large-bench [BenchmarkDotNet options]   the real rulebook on a 2,000-clause draft against an empty rulebook, default job
        """;

    /// <summary>Runs a mode; exits non-zero on a count mismatch or a failed benchmark.</summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var mode = args.Length == 0 ? "full" : args[0];
        var rest = args.Skip(1).ToArray();
        try
        {
            return mode switch
            {
                "full" => Full(rest),
                "smoke" => Smoke(),
                "check" => Check(rest),
                "profile" => Profile(rest),
                "peak" => Peak(rest),
                "peaks" => Peaks(rest),
                "pairs" => Pairs(rest),
                "large" => Large(rest),
                "larges" => Larges(rest),
                "large-bench" => Failed([BenchmarkRunner.Run<LargeDraftBenchmarks>(DefaultConfig.Instance.WithArtifactsPath(W1Config.ArtifactsPath), rest)]) ? 1 : 0,
                "help" or "-h" or "--help" => Help(0),
                _ when mode.StartsWith('-') => Full(args),
                _ => Help(2),
            };
        }
        catch (W1MismatchException ex)
        {
            Console.Error.WriteLine($"MISMATCH: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            // A mistyped leg or number is a usage error, not a crash: say what was wrong.
            Console.Error.WriteLine($"error: {ex.Message} ('help' lists the modes and their arguments)");
            return 2;
        }
    }

    private static int Help(int code)
    {
        (code == 0 ? Console.Out : Console.Error).WriteLine(Usage);
        return code;
    }

    private static int Full(string[] args)
    {
        var cells = CellSet.All;
        var passThrough = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--cells" && i + 1 < args.Length)
            {
                cells = Enum.Parse<CellSet>(args[++i], ignoreCase: true);
            }
            else
            {
                passThrough.Add(args[i]);
            }
        }

        var summaries = BenchmarkRunner.Run([typeof(EvaluationBenchmarks), typeof(BuildBenchmarks)], W1Config.Full(cells), [.. passThrough]);
        return Failed(summaries) ? 1 : 0;
    }

    private static int Smoke()
    {
        var total = Stopwatch.StartNew();
        Console.WriteLine("W1 smoke: counts of every leg against WORKLOAD.md");
        foreach (var c in new[] { 1_000, 10_000 })
        {
            foreach (var r in c == 1_000 ? new[] { 10, 100, 1_000 } : [10, 100])
            {
                foreach (var distinct in new[] { false, true })
                {
                    CheckCell(r, c, distinct);
                }
            }
        }

        Console.WriteLine($"All counts match ({total.Elapsed.TotalSeconds:F1} s).");
        using (var large = new LargeDraftCheck(withRules: true))
        {
            var (report, elapsed) = large.Run(LargeDraftGenerator.Generate(2_000), 2_000);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ok  the Convention rulebook on one 2,000-clause draft: every clause reported ({report.Verdict}) in {elapsed.TotalSeconds:F1} s"));
        }

        Console.WriteLine("Short BenchmarkDotNet job on R=10 C=1k and build R=100:");
        var summaries = BenchmarkRunner.Run([typeof(EvaluationBenchmarks), typeof(BuildBenchmarks)], W1Config.Smoke());
        var failed = Failed(summaries);
        Console.WriteLine($"W1 smoke {(failed ? "FAILED" : "passed")} in {total.Elapsed.TotalSeconds:F1} s.");
        return failed ? 1 : 0;
    }

    private static int Check(string[] args)
    {
        var (r, c, distinct) = Cell(args, 0);
        CheckCell(r, c, distinct);
        return 0;
    }

    private static void CheckCell(int r, int c, bool distinct)
    {
        var data = W1Cells.DataFor(c);
        var rules = W1Rules.Create(r, distinct);
        foreach (var name in W1Legs.All.Concat(W1Legs.Comparisons).Concat(W1Legs.Sketches))
        {
            var watch = Stopwatch.StartNew();
            var leg = W1Legs.Build(name, rules);
            var built = watch.Elapsed;
            var count = leg.Evaluate(data);
            W1Expected.CheckConflicts(name, r, c, distinct, count);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  ok  {name,-30} R={r,-5} C={c,-7} {(distinct ? "distinct" : "normal  ")} conflicts={count,-8} build {built.TotalMilliseconds,8:F1} ms, eval {(watch.Elapsed - built).TotalMilliseconds,8:F1} ms"));
        }
    }

    private static int Profile(string[] args)
    {
        var (r, c, distinct) = Cell(args, 0);
        var json = args.Skip(2).Contains("json");
        var data = W1Cells.DataFor(c);
        var counter = new ConflictCounter();
        var network = json
            ? W1JsonRules.Compile(W1Rules.Create(r, distinct))
            : RuleNetwork.Compile(W1BuilderRules.Create(W1Rules.Create(r, distinct), counter));
        var insert = new List<double>();
        var fire = new List<double>();
        var dispose = new List<double>();
        SessionMetrics metrics = null!;
        // Enough runs for tiered compilation to reach optimised code (BenchmarkDotNet's warm-up does
        // the same); the first half is warm-up. Sessions are disposed, as the benchmark's are, so the
        // pooled arenas are reused.
        var runs = args.Contains("long") ? 2000 : 200;
        long allocated = 0;
        int gen0 = 0, gen1 = 0, gen2 = 0;
        var paused = TimeSpan.Zero;
        for (var run = 0; run < runs; run++)
        {
            if (run == runs / 2)
            {
                (allocated, gen0, gen1, gen2) = (GC.GetAllocatedBytesForCurrentThread(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                paused = GC.GetTotalPauseDuration();
            }

            counter.Reset();
            var watch = Stopwatch.StartNew();
            var session = network.CreateSession();
            session.InsertAll(data.Facts);
            var inserted = watch.Elapsed.TotalMilliseconds;
            session.Fire();
            var fired = watch.Elapsed.TotalMilliseconds - inserted;
            W1Expected.CheckConflicts(json ? W1Legs.PolicyRulesJson : W1Legs.PolicyRulesBuilder, r, c, distinct, json ? session.Query<Conflict>().Count : counter.Value);
            if (run >= runs / 2)
            {
                insert.Add(inserted);
                fire.Add(fired);
            }

            metrics = session.Metrics;
            var beforeDispose = watch.Elapsed.TotalMilliseconds;
            session.Dispose();
            if (run >= runs / 2)
            {
                dispose.Add(watch.Elapsed.TotalMilliseconds - beforeDispose);
            }
        }

        var measured = runs - (runs / 2);
        var perRun = string.Create(CultureInfo.InvariantCulture, $"{(GC.GetAllocatedBytesForCurrentThread() - allocated) / measured / 1024.0:F2} KB allocated, collections gen0 {(GC.CollectionCount(0) - gen0) / (double)measured:F2} gen1 {(GC.CollectionCount(1) - gen1) / (double)measured:F2} gen2 {(GC.CollectionCount(2) - gen2) / (double)measured:F2}, paused by the collector {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / measured:F2} ms");
        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        var baseline = args.Contains("nobaseline") ? double.NaN : BaselineMedian(r, c, distinct, data, runs);
        var totals = insert.Zip(fire, (i, f) => i + f).Zip(dispose, (t, d) => t + d).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PolicyRules ({(json ? "JSON rules" : "builder")}) R={r} C={c}{(distinct ? " distinct" : string.Empty)}: new session + InsertAll {Median(insert):F2} ms, Fire {Median(fire):F2} ms, Dispose {Median(dispose):F2} ms (median of {insert.Count}); per run: {perRun}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Baseline (same process, after): {baseline:F2} ms; PolicyRules total {Median(totals):F2} ms = {Median(totals) / baseline:F2}x (a rough guide; BenchmarkDotNet's figures are the record)"));
        Console.WriteLine($"Network: {network.Statistics}");
        Console.WriteLine(
            $"Session: AlphaConditionEvaluations={metrics.AlphaConditionEvaluations:N0} AlphaDispatchLookups={metrics.AlphaDispatchLookups:N0} " +
            $"JoinKeyEvaluations={metrics.JoinKeyEvaluations:N0} JoinConditionEvaluations={metrics.JoinConditionEvaluations:N0} " +
            $"TokensCreated={metrics.TokensCreated:N0} ActivationsCreated={metrics.ActivationsCreated:N0} RulesFired={metrics.RulesFired:N0}");
        return 0;
    }

    /// <summary>The baseline leg's median evaluation time on the same data, measured as <see cref="Profile"/> measures.</summary>
    private static double BaselineMedian(int r, int c, bool distinct, W1Data data, int runs)
    {
        var baseline = BaselineLeg.Build(W1Rules.Create(r, distinct));
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            W1Expected.CheckConflicts(W1Legs.Baseline, r, c, distinct, baseline.Evaluate(data));
            if (run >= runs / 2)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return times.Order().ElementAt(times.Count / 2);
    }

    private static int Peak(string[] args)
    {
        if (args.Length < 3)
        {
            return Help(2);
        }

        var name = args[0];
        var (r, c, distinct) = Cell(args, 1);
        var start = PeakRssKb();
        var data = W1Generator.Generate(c);
        if (W1Expected.ClauseCounts.Contains(c))
        {
            W1Expected.CheckData(data);
        }

        var afterData = PeakRssKb();
        long count = -1;
        var afterBuild = afterData;
        if (name != "data")
        {
            var leg = W1Legs.Build(name, W1Rules.Create(r, distinct));
            afterBuild = PeakRssKb();
            count = leg.Evaluate(data);
            if (W1Expected.ClauseCounts.Contains(c) && W1Expected.RuleCounts.Contains(r))
            {
                W1Expected.CheckConflicts(name, r, c, distinct, count);
            }

            GC.KeepAlive(leg);
        }

        var afterEval = PeakRssKb();
        GC.KeepAlive(data);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"PEAK leg={name} R={r} C={c} distinct={distinct} count={count} hwm_start_kb={start} hwm_data_kb={afterData} hwm_build_kb={afterBuild} hwm_eval_kb={afterEval}"));
        return 0;
    }

    private static int Pairs(string[] args)
    {
        var (pairs, positional) = WithOption(args, "--pairs", 200);
        if (positional.Length < 3)
        {
            return Help(2);
        }

        var (r, c, distinct) = Cell(positional, 1);
        return PairedRatios.Run(positional[0], r, c, distinct, pairs);
    }

    /// <summary>Takes <c>name N</c> out of the arguments: N (or the default) and the rest, in order.</summary>
    private static (int Value, string[] Others) WithOption(string[] args, string name, int defaultValue)
    {
        var value = defaultValue;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == name && i + 1 < args.Length)
            {
                value = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (value, [.. rest]);
    }

    private static int Peaks(string[] args)
    {
        var (repeat, positional) = WithOption(args, "--repeat", 3);
        var (r, c, distinct) = positional.Length >= 2 ? Cell(positional, 0) : (100, 100_000, positional.Contains("distinct"));
        var legs = new List<string> { "data" };
        legs.AddRange(W1Legs.All);
        var rows = new List<(string Leg, long Count, double Mb, double DataMb)>();
        foreach (var leg in legs)
        {
            var runs = new List<(long Count, long Kb, long DataKb)>();
            for (var k = 0; k < repeat; k++)
            {
                runs.Add(RunPeakChild(leg, r, c, distinct));
            }

            var median = runs.OrderBy(x => x.Kb).ElementAt(runs.Count / 2);
            rows.Add((leg, median.Count, median.Kb / 1024.0, median.DataKb / 1024.0));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {leg}: {string.Join(", ", runs.Select(x => $"{x.Kb / 1024.0:F1}"))} MB"));
        }

        var baseline = rows.Single(x => x.Leg == W1Legs.Baseline).Mb;
        var dataOnly = rows.Single(x => x.Leg == "data").Mb;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak RSS (VmHWM), R={r} C={c}{(distinct ? " distinct" : string.Empty)}, median of {repeat} processes per leg"));
        Console.WriteLine();
        Console.WriteLine("| leg | conflicts | peak RSS (MB) | ratio to baseline | above data-only (MB) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {row.Leg} | {(row.Count < 0 ? "-" : row.Count.ToString("N0", CultureInfo.InvariantCulture))} | {row.Mb:F1} | {row.Mb / baseline:F2}x | {row.Mb - dataOnly:F1} |"));
        }

        return 0;
    }

    private static int Large(string[] args)
    {
        if (args.Length < 1)
        {
            return Help(2);
        }

        var clauses = int.Parse(args[0], CultureInfo.InvariantCulture);
        var withRules = !args.Skip(1).Contains("empty");
        var json = LargeDraftGenerator.Generate(clauses);
        using var check = new LargeDraftCheck(withRules);
        var (report, elapsed) = check.Run(json, clauses);
        var conflicts = report.Clauses.Sum(c => c.Conflicts.Count);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"LARGE clauses={clauses} rulebook={(withRules ? "convention" : "empty")} reported={report.Clauses.Count} conflicts={conflicts} verdict={report.Verdict} seconds={elapsed.TotalSeconds:F2} hwm_kb={PeakRssKb()}"));
        return 0;
    }

    private static int Larges(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [2_000, 20_000, 100_000];
        var rows = new List<(int Clauses, Dictionary<string, string> Rules, Dictionary<string, string> Empty)>();
        foreach (var size in sizes)
        {
            var rules = RunChild("LARGE ", "large", size.ToString(CultureInfo.InvariantCulture));
            var empty = RunChild("LARGE ", "large", size.ToString(CultureInfo.InvariantCulture), "empty");
            Console.WriteLine($"  {size}: {rules["seconds"]} s, {long.Parse(rules["hwm_kb"], CultureInfo.InvariantCulture) / 1024} MB (empty rulebook {empty["seconds"]} s)");
            rows.Add((size, rules, empty));
        }

        static double Seconds(Dictionary<string, string> row) => double.Parse(row["seconds"], CultureInfo.InvariantCulture);
        static double Mb(Dictionary<string, string> row) => long.Parse(row["hwm_kb"], CultureInfo.InvariantCulture) / 1024.0;
        Console.WriteLine();
        Console.WriteLine("| clauses | Convention rulebook | empty rulebook (same run) | ratio | time ÷ the first size's | peak RSS | conflicts |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (clauses, rules, empty) in rows)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {clauses:N0} | {Seconds(rules):F1} s | {Seconds(empty):F1} s | {Seconds(rules) / Seconds(empty):F1}× | {Seconds(rules) / Seconds(rows[0].Rules):F1}× | {Mb(rules):N0} MB | {long.Parse(rules["conflicts"], CultureInfo.InvariantCulture):N0} |"));
        }

        return 0;
    }

    /// <summary>Runs this program with <paramref name="args"/> in a child process and parses its <paramref name="prefix"/> line (key=value fields).</summary>
    private static Dictionary<string, string> RunChild(string prefix, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            info.ArgumentList.Add(typeof(Program).Assembly.Location);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the child process.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args)} exited with {process.ExitCode}: {output}");
        }

        var line = output.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line.Trim().Split(' ').Skip(1).Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
    }

    private static (long Count, long Kb, long DataKb) RunPeakChild(string leg, int r, int c, bool distinct)
    {
        string[] args = ["peak", leg, r.ToString(CultureInfo.InvariantCulture), c.ToString(CultureInfo.InvariantCulture), .. distinct ? new[] { "distinct" } : []];
        var fields = RunChild("PEAK ", args);
        return (long.Parse(fields["count"], CultureInfo.InvariantCulture), long.Parse(fields["hwm_eval_kb"], CultureInfo.InvariantCulture), long.Parse(fields["hwm_data_kb"], CultureInfo.InvariantCulture));
    }

    /// <summary>The process's peak resident set size in kB (VmHWM of /proc/self/status), or the peak working set elsewhere.</summary>
    private static long PeakRssKb()
    {
        const string Status = "/proc/self/status";
        if (File.Exists(Status))
        {
            foreach (var line in File.ReadLines(Status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }

        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / 1024;
    }

    private static (int R, int C, bool Distinct) Cell(string[] args, int from)
    {
        if (args.Length < from + 2)
        {
            throw new ArgumentException("Expected <R> <C> [distinct].", nameof(args));
        }

        return (
            int.Parse(args[from], CultureInfo.InvariantCulture),
            int.Parse(args[from + 1], CultureInfo.InvariantCulture),
            args.Skip(from + 2).Contains("distinct"));
    }

    private static bool Failed(IEnumerable<Summary> summaries) =>
        summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success) || s.BenchmarksCases.Length != s.Reports.Length);
}
