namespace PolicyRules.Benchmarks.Workload;

/// <summary>A trade agreement of workload W1 (shared/bench/WORKLOAD.md).</summary>
public sealed class Agreement
{
    /// <summary><c>AGR-000</c> … <c>AGR-049</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Drawn by the generator; no W1 rule reads it.</summary>
    public bool HasCulturalExemption { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Id;
}

/// <summary>A clause of workload W1 (shared/bench/WORKLOAD.md).</summary>
public sealed class Clause
{
    /// <summary>The clause's index in generation order: 0 … C−1.</summary>
    public required int Id { get; init; }

    /// <summary>The <see cref="Agreement.Id"/> of the agreement the clause belongs to.</summary>
    public required string AgreementId { get; init; }

    /// <summary>One of <see cref="W1.Chapters"/>.</summary>
    public required string Chapter { get; init; }

    /// <summary>Distinct sectors, in draw order.</summary>
    public required string[] Sectors { get; init; }

    /// <summary>One of <see cref="W1.Kinds"/>, or <see cref="W1.ExceptionKind"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Zero to two commitment codes <c>Cnnn</c>.</summary>
    public required string[] Commitments { get; init; }

    /// <summary>A human-readable sentence; no rule reads it.</summary>
    public required string Text { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"Clause#{Id}";
}
