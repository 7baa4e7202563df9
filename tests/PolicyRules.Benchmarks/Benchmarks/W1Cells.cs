using PolicyRules.Benchmarks.Workload;

namespace PolicyRules.Benchmarks.Benchmarks;

/// <summary>Caches the generated facts of each clause count, so in-process runs generate them once.</summary>
internal static class W1Cells
{
    private static readonly Dictionary<int, W1Data> Data = [];

    public static W1Data DataFor(int clauseCount)
    {
        lock (Data)
        {
            if (!Data.TryGetValue(clauseCount, out var data))
            {
                data = W1Generator.Generate(clauseCount);
                W1Expected.CheckData(data);
                Data.Add(clauseCount, data);
            }

            return data;
        }
    }
}
