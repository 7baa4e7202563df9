namespace PolicyRules.Tests.Engine;

/// <summary>Small fact types for engine tests, shaped like the domain: clauses in agreements.</summary>
public sealed class Clause
{
    public int Id { get; set; }

    public string AgreementId { get; set; } = "A";

    public string Kind { get; set; } = "market-access";

    public string[] Sectors { get; set; } = [];

    public override string ToString() => $"Clause#{Id}";
}

public sealed class Agreement
{
    public string Id { get; set; } = "A";

    public bool HasExemption { get; set; }

    public override string ToString() => $"Agreement {Id}";
}

public sealed record Finding(string RuleId, int ClauseId);

/// <summary>A derived fact about one clause, which it names by reference (as the domain's tags name their subject).</summary>
public sealed record Note(string Name, Clause Subject);
