namespace PolicyRules.Benchmarks.Workload;

/// <summary>The facts of one W1 cell: 50 agreements and C clauses.</summary>
/// <param name="Agreements">The agreements, <c>AGR-000</c> first.</param>
/// <param name="Clauses">The clauses, in generation order (<see cref="Clause.Id"/> = index).</param>
public sealed record W1Data(IReadOnlyList<Agreement> Agreements, IReadOnlyList<Clause> Clauses)
{
    /// <summary>The agreements, then the clauses, as one list of facts to insert.</summary>
    public IReadOnlyList<object> Facts { get; } = [.. Agreements, .. Clauses];

    /// <summary>How many clauses are exceptions.</summary>
    public int ExceptionCount => Clauses.Count(c => c.Kind == W1.ExceptionKind);
}

/// <summary>
/// The seeded W1 generator, exactly as shared/bench/WORKLOAD.md specifies it: the order of the
/// calls to <see cref="Random"/> is part of the specification (the expected counts depend on it).
/// </summary>
public static class W1Generator
{
    /// <summary>Generates the agreements and <paramref name="clauseCount"/> clauses.</summary>
    public static W1Data Generate(int clauseCount, int seed = W1.Seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(clauseCount);
        var rng = new Random(seed);

        // 1. Agreements.
        var agreements = new Agreement[W1.AgreementCount];
        for (var a = 0; a < agreements.Length; a++)
        {
            agreements[a] = new Agreement { Id = $"AGR-{a:D3}", HasCulturalExemption = rng.NextDouble() < 0.5 };
        }

        // 2. Clauses.
        var clauses = new Clause[clauseCount];
        for (var i = 0; i < clauseCount; i++)
        {
            var agreement = agreements[rng.Next(W1.AgreementCount)];
            var isException = rng.NextDouble() < 0.05;
            string kind;
            string[] sectors;
            if (isException)
            {
                kind = W1.ExceptionKind;
                sectors = DistinctPicks(rng, 1 + rng.Next(2), W1.CulturalSectorCount);
            }
            else
            {
                kind = W1.Kinds[rng.Next(W1.Kinds.Count)];
                sectors = DistinctPicks(rng, 1 + rng.Next(3), W1.Sectors.Count);
            }

            var commitments = new string[rng.Next(3)];
            for (var k = 0; k < commitments.Length; k++)
            {
                commitments[k] = $"C{rng.Next(1000):D3}";
            }

            var chapter = W1.Chapters[rng.Next(W1.Chapters.Count)];
            clauses[i] = new Clause
            {
                Id = i,
                AgreementId = agreement.Id,
                Chapter = chapter,
                Sectors = sectors,
                Kind = kind,
                Commitments = commitments,
                Text = $"Clause {i} of {agreement.Id}: {kind} commitment covering {string.Join(", ", sectors)}.",
            };
        }

        return new W1Data(agreements, clauses);
    }

    // n distinct sectors among the first `range`, in draw order; a pick already taken is drawn again.
    private static string[] DistinctPicks(Random rng, int n, int range)
    {
        var picks = new string[n];
        var taken = 0;
        while (taken < n)
        {
            var sector = W1.Sectors[rng.Next(range)];
            if (Array.IndexOf(picks, sector, 0, taken) < 0)
            {
                picks[taken++] = sector;
            }
        }

        return picks;
    }
}
