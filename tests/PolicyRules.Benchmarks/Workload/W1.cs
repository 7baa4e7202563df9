namespace PolicyRules.Benchmarks.Workload;

/// <summary>The constants of workload W1 (shared/bench/WORKLOAD.md).</summary>
public static class W1
{
    /// <summary>The generator's seed.</summary>
    public const int Seed = 42;

    /// <summary>How many agreements the generator makes.</summary>
    public const int AgreementCount = 50;

    /// <summary>The kind of an exception clause.</summary>
    public const string ExceptionKind = "exception";

    /// <summary>The kinds of ordinary clauses, in the order the generator and the rules index them.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        ["market-access", "national-treatment", "mfn", "performance-requirement", "subsidy"];

    /// <summary>The sectors, in order; the first <see cref="CulturalSectorCount"/> are cultural.</summary>
    public static readonly IReadOnlyList<string> Sectors =
    [
        "audiovisual", "publishing", "music", "broadcasting", "performing-arts", "heritage",
        "telecom", "finance", "energy", "transport", "retail", "construction",
    ];

    /// <summary>How many leading entries of <see cref="Sectors"/> are cultural (exceptions draw only from those).</summary>
    public const int CulturalSectorCount = 6;

    /// <summary>The chapters.</summary>
    public static readonly IReadOnlyList<string> Chapters = ["services", "investment", "goods", "procurement", "ip"];
}
