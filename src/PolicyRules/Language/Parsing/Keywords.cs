namespace PolicyRules.Language.Parsing;

/// <summary>The closed vocabulary of rule files.</summary>
internal static class Keywords
{
    public static readonly string[] RulebookFields = ["$schema", "rulebook", "version", "description", "sets", "disable", "rules"];

    public static readonly string[] RuleFields =
    [
        "id", "title", "description", "principle", "basis", "severity", "priority", "tags", "remedy",
        "references", "verification", "confidence", "override", "when", "then",
    ];

    public static readonly string[] Elements = ["match", "none", "exists", "count", "collect"];

    public static readonly string[] PatternFields = ["match", "as", "is", "where"];

    public static readonly string[] AggregateFields = ["as", "having"];

    public static readonly string[] Combinators = ["all", "any", "not"];

    public const string IgnoreCase = "ignoreCase";

    public static readonly string[] Severities = ["critical", "high", "medium", "low", "info"];

    public static readonly string[] Verifications = ["V", "V-sec", "M", "U"];
}
