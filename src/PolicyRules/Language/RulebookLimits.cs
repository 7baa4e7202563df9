namespace PolicyRules.Language;

/// <summary>
/// Bounds on what a rule file may cost to load and run. Rule files are data from users: each limit
/// has its own diagnostic, so a hostile or broken file is refused before anything runs.
/// </summary>
public sealed class RulebookLimits
{
    /// <summary>The largest rule file read, in bytes (PR1012). Default 4 MiB.</summary>
    public long MaxFileBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The deepest nesting of JSON and of conditions (PR1013). Default 32.</summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>The longest regular expression, in characters (PR1014). Default 1,000.</summary>
    public int MaxRegexLength { get; set; } = 1000;

    /// <summary>
    /// The longest one regular-expression match may run. Expressions use the non-backtracking
    /// engine, whose time is linear in the input, so this bounds only pathological input sizes.
    /// Default 1 second.
    /// </summary>
    public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
