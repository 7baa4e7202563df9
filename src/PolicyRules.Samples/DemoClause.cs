namespace PolicyRules.Samples;

/// <summary>A clause of the demonstration, with the few fields its rule reads.</summary>
internal sealed record DemoClause(string AgreementId, string Id, string Title, string Kind, string[] Sectors)
{
    public static IReadOnlyList<DemoClause> Bundled { get; } =
    [
        new("AGR-A", "8.4", "Market access for audiovisual services", "market-access", ["audiovisual", "telecom"]),
        new("AGR-A", "8.5", "Market access for publishing", "market-access", ["publishing"]),
        new("AGR-A", "22.6", "Cultural industries", "cultural-exemption", ["publishing"]),
        new("AGR-B", "9.2", "National treatment in services", "national-treatment", ["music"]),
        new("AGR-B", "9.3", "Market access for music and retail", "market-access", ["music", "retail"]),
    ];
}

/// <summary>What the demonstration rule derives.</summary>
internal sealed record DemoConflict(string RuleId, DemoClause Clause, string Sector);
