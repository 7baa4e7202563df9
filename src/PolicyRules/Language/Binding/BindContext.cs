using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PolicyRules.Language.Catalog;
using PolicyRules.Diagnostics;

namespace PolicyRules.Language.Binding;

/// <summary>What binding a rule file needs around it: the catalog, the named sets in force, limits, and where diagnostics go.</summary>
internal sealed class BindContext(FactCatalog catalog, IReadOnlyDictionary<string, IReadOnlyList<object>> sets, RulebookLimits limits, DiagnosticBag diagnostics)
{
    // Shared by the contexts of one rule file's rules, which are bound in parallel: one pattern, one instance.
    private readonly ConcurrentDictionary<(string, bool), RulePattern> _regexes = new();

    private BindContext(BindContext file, DiagnosticBag diagnostics)
        : this(file.Catalog, file.Sets, file.Limits, diagnostics)
    {
        _regexes = file._regexes;
    }

    public FactCatalog Catalog { get; } = catalog;

    public IReadOnlyDictionary<string, IReadOnlyList<object>> Sets { get; } = sets;

    public RulebookLimits Limits { get; } = limits;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>A context for binding one rule: diagnostics of its own, the file's patterns shared.</summary>
    public BindContext ForRule(DiagnosticBag ruleDiagnostics) => new(this, ruleDiagnostics);

    /// <summary>
    /// One non-backtracking expression per pattern, checked now and built on first use: matching
    /// time is linear in the input, and rules that use the same pattern share a node.
    /// </summary>
    public RulePattern? Regex(string pattern, bool ignoreCase, SourceSpan at)
    {
        if (pattern.Length > Limits.MaxRegexLength)
        {
            Diagnostics.Error(RuleDiagnosticCodes.RegexTooLong, at, $"The regular expression is {pattern.Length:N0} characters long; the limit is {Limits.MaxRegexLength:N0}.");
            return null;
        }

        if (_regexes.TryGetValue((pattern, ignoreCase), out var regex))
        {
            return regex;
        }

        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        try
        {
            regex = RulePattern.Create(pattern, options, Limits.RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            Diagnostics.Error(RuleDiagnosticCodes.InvalidRegex, at, $"Invalid regular expression: {ex.Message}");
            return null;
        }
        catch (NotSupportedException ex)
        {
            Diagnostics.Error(RuleDiagnosticCodes.InvalidRegex, at, $"The regular expression uses a construct the non-backtracking engine does not run (backreferences, lookarounds, atomic groups): {ex.Message}");
            return null;
        }

        return _regexes.GetOrAdd((pattern, ignoreCase), regex);
    }
}
