using System.Text.RegularExpressions;

namespace PolicyRules.Language.Binding;

/// <summary>
/// A rule's regular expression, checked when the rule is loaded and built for the non-backtracking
/// engine on first use: building that engine's automaton is the costly part of loading a rulebook,
/// and a run that never tests a pattern never pays for it.
/// </summary>
internal sealed class RulePattern
{
    // Constructs the non-backtracking engine refuses: lookarounds, atomic groups, conditionals, backreferences.
    private static readonly Regex Unsupported = new(@"(?<!\\)\((?:\?[=!]|\?<[=!]|\?>|\?\()|(?<!\\)\\(?:[1-9]|k<)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly Lazy<Regex> _regex;

    private RulePattern(string pattern, RegexOptions options, TimeSpan timeout)
    {
        Pattern = pattern;
        _regex = new Lazy<Regex>(() => new Regex(pattern, options | RegexOptions.NonBacktracking, timeout), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>The compiled expression (built on first use).</summary>
    public Regex Regex => _regex.Value;

    /// <summary>Checks a pattern (syntax by the parser alone, constructs the non-backtracking engine refuses by a scan) and defers building it.</summary>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    /// <exception cref="NotSupportedException">The pattern uses a construct the non-backtracking engine does not run.</exception>
    public static RulePattern Create(string pattern, RegexOptions options, TimeSpan timeout)
    {
        _ = new Regex(pattern, options, timeout); // parses only: the backtracking interpreter is built lazily too
        if (Unsupported.Match(pattern) is { Success: true } construct)
        {
            throw new NotSupportedException($"'{construct.Value}' at offset {construct.Index}");
        }

        return new RulePattern(pattern, options, timeout);
    }

    /// <inheritdoc/>
    public override string ToString() => $"/{Pattern}/";
}
