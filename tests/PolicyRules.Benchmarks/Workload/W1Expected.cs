namespace PolicyRules.Benchmarks.Workload;

/// <summary>The exact counts of shared/bench/WORKLOAD.md (seed 42); the distinct variant gives the same.</summary>
public static class W1Expected
{
    /// <summary>The clause counts with known figures.</summary>
    public static readonly IReadOnlyList<int> ClauseCounts = [1_000, 10_000, 100_000];

    /// <summary>The rule counts with known figures.</summary>
    public static readonly IReadOnlyList<int> RuleCounts = [10, 100, 1_000];

    /// <summary>Exception clauses among C clauses.</summary>
    public static int Exceptions(int clauseCount) => clauseCount switch
    {
        1_000 => 43,
        10_000 => 472,
        100_000 => 4_943,
        _ => throw Unknown(clauseCount, null),
    };

    /// <summary>Conflicts reported by R rules over C clauses.</summary>
    public static long Conflicts(int ruleCount, int clauseCount) => (clauseCount, ruleCount) switch
    {
        (1_000, 10) => 274,
        (1_000, 100) => 2_852,
        (1_000, 1_000) => 28_457,
        (10_000, 10) => 1_392,
        (10_000, 100) => 16_717,
        (10_000, 1_000) => 173_662,
        (100_000, 10) => 12_564,
        (100_000, 100) => 151_564,
        (100_000, 1_000) => 1_574_599,
        _ => throw Unknown(clauseCount, ruleCount),
    };

    /// <summary>Throws unless the data has the expected number of exception clauses.</summary>
    public static void CheckData(W1Data data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var expected = Exceptions(data.Clauses.Count);
        var actual = data.ExceptionCount;
        if (actual != expected)
        {
            throw new W1MismatchException(
                $"W1 generator: C={data.Clauses.Count} gave {actual} exception clauses, WORKLOAD.md says {expected}.");
        }
    }

    /// <summary>Throws unless a leg's count is the expected one.</summary>
    public static void CheckConflicts(string leg, int ruleCount, int clauseCount, bool distinct, long actual)
    {
        var expected = Conflicts(ruleCount, clauseCount);
        if (actual != expected)
        {
            throw new W1MismatchException(
                $"W1 leg '{leg}': R={ruleCount} C={clauseCount}{(distinct ? " distinct" : string.Empty)} counted {actual} conflicts, WORKLOAD.md says {expected} (off by {actual - expected:+#;-#;0}).");
        }
    }

    private static ArgumentOutOfRangeException Unknown(int clauseCount, int? ruleCount) =>
        new(nameof(clauseCount), $"WORKLOAD.md gives no figure for C={clauseCount}{(ruleCount is { } r ? $" R={r}" : string.Empty)}.");
}

/// <summary>A leg or the generator disagrees with the counts of WORKLOAD.md.</summary>
public sealed class W1MismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public W1MismatchException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public W1MismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public W1MismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
