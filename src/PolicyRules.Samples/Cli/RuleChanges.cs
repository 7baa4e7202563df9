namespace PolicyRules.Cli;

/// <summary>What a configuration file changes in the rulebooks in force: rules it switches off, and severities it gives.</summary>
/// <param name="Disable">Rule ids to switch off.</param>
/// <param name="Severities">Rule id → the severity it reports at.</param>
internal sealed record RuleChanges(IReadOnlyList<string> Disable, IReadOnlyDictionary<string, string> Severities)
{
    public static RuleChanges None { get; } = new([], new Dictionary<string, string>());
}
