namespace PolicyRules.Checking;

/// <summary>How a <see cref="PolicyChecker"/> is set up: which rules, and how their findings are weighed.</summary>
public sealed class PolicyCheckerOptions
{
    /// <summary>Whether the embedded Convention rulebook is loaded first. Default true.</summary>
    public bool UseDefaultRules { get; set; } = true;

    /// <summary>Rule files or folders loaded after the default rulebook, in order.</summary>
    public IList<string> RulePaths { get; } = [];

    /// <summary>
    /// Rule files given as text or streams (<see cref="Language.RulebookSource.FromText"/>,
    /// <see cref="Language.RulebookSource.FromStream"/>: rules embedded in a tool, say), loaded after
    /// <see cref="RulePaths"/>, in order. A stream is read once, when the checker is built.
    /// </summary>
    public IList<Language.RulebookSource> RuleSources { get; } = [];

    /// <summary>Ids of rules switched off.</summary>
    public ISet<string> DisabledRules { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Severities that replace a rule's own, by rule id.</summary>
    public IDictionary<string, string> SeverityOverrides { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// How many drafts are checked at once by <see cref="IPolicyChecker.CheckAll"/>, and how many rules
    /// are bound at once while the checker is built. Default: the processor count.
    /// </summary>
    public int MaxParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>The name reported as the tool's.</summary>
    public string ToolName { get; set; } = "policy-check";
}
