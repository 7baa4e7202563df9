namespace PolicyRules.Domain;

/// <summary>How long a clause binds (taxonomy 3.9).</summary>
public sealed class Temporal
{
    /// <summary>Whether it binds without end.</summary>
    public bool? Permanent { get; init; }

    /// <summary>ISO date it expires, if any.</summary>
    public string? Expiry { get; init; }

    /// <summary>The clause that reviews it, if any.</summary>
    public string? ReviewClause { get; init; }

    /// <summary>A transition period (<c>5 years</c>), if any (taxonomy 3.9).</summary>
    public string? Transition { get; init; }
}
