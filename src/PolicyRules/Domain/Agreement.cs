namespace PolicyRules.Domain;

/// <summary>The agreement a draft holds, as a fact: one per draft.</summary>
public sealed class Agreement
{
    /// <summary>A stable id (<c>ckfta</c>).</summary>
    public string Id { get; init; } = "";

    /// <summary>The agreement's title.</summary>
    public string? Name { get; init; }

    /// <summary><c>FTA</c>, <c>EPA</c>, <c>CEPA</c>, <c>BIT</c>, …</summary>
    public string? Type { get; init; }

    /// <summary>ISO date of signature.</summary>
    public string? Signed { get; init; }

    /// <summary>The parties.</summary>
    public IReadOnlyList<Party> Parties { get; init; } = [];

    /// <summary>The parties' codes.</summary>
    public IReadOnlyList<string> PartyCodes => Parties.Select(p => p.Code).ToArray();

    /// <summary>The codes of the parties whose status is <c>developing</c> or <c>ldc</c> (Art. 16 checks).</summary>
    public IReadOnlyList<string> DevelopingPartyCodes => Parties.Where(p => p.Status is "developing" or "ldc").Select(p => p.Code).ToArray();

    /// <summary>The party whose policy space is assessed; null when every party is.</summary>
    public string? Perspective { get; init; }

    /// <summary>Fields of the draft beyond the contract.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <inheritdoc/>
    public override string ToString() => $"Agreement {Id}";
}
