namespace PolicyRules.Domain;

/// <summary>A party to an agreement.</summary>
public sealed class Party
{
    /// <summary>ISO 3166 alpha-3 code (or a bloc code such as EU).</summary>
    public string Code { get; init; } = "";

    /// <summary><c>developed</c>, <c>developing</c> or <c>ldc</c>.</summary>
    public string? Status { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Code;
}
