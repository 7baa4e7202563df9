using System.Runtime.ExceptionServices;
using PolicyRules.Language.Binding;
using PolicyRules.Language.Catalog;
using PolicyRules.Diagnostics;
using PolicyRules.Language.Parsing;
using PolicyRules.Language.Syntax;

namespace PolicyRules.Language;

/// <summary>
/// Loads rule files at run time: reads, checks and translates them into the engine's rule model,
/// and composes several rulebooks in order (a later one may add rules, override a rule by id with
/// <c>"override": true</c>, or disable rules by id).
/// </summary>
/// <example>
/// <code>
/// var catalog = new FactCatalog().Register&lt;Clause&gt;().Register&lt;Agreement&gt;();
/// var set = new RulebookLoader(catalog).Load(RulebookSource.FromPath("rules"));
/// foreach (var d in set.Diagnostics) Console.Error.WriteLine(d);   // path(line,col): error PR1004: …
/// var network = set.Compile();
/// </code>
/// </example>
public sealed class RulebookLoader
{
    private readonly FactCatalog _catalog;
    private readonly RulebookLimits _limits;

    /// <summary>Creates a loader for the fact types of <paramref name="catalog"/>.</summary>
    public RulebookLoader(FactCatalog catalog, RulebookLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _limits = limits ?? new RulebookLimits();
    }

    /// <summary>
    /// How many of a file's rules are bound at once, on the thread pool. Default: the processor
    /// count; 1 binds them on the calling thread. What is loaded does not depend on it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1.</exception>
    public int MaxParallelism
    {
        get => _maxParallelism;
        init => _maxParallelism = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxParallelism is at least 1.");
    }

    private readonly int _maxParallelism = Environment.ProcessorCount;

    /// <summary>Loads rule files in order; each may use the sets of those before it.</summary>
    public RulebookSet Load(IEnumerable<RulebookSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var diagnostics = new DiagnosticBag();
        var sets = new Dictionary<string, IReadOnlyList<object>>(StringComparer.Ordinal);
        var rules = new List<RulebookRule>();
        var books = new List<(RulebookSyntax Syntax, string? Path)>();

        foreach (var source in sources)
        {
            if (Read(source, diagnostics) is not { } text)
            {
                continue;
            }

            var syntax = new RulebookParser(source.Path, _limits, diagnostics).Parse(text);
            if (syntax is null)
            {
                continue;
            }

            // Reports name each rule's rulebook, and count a rulebook's rules, by its name.
            if (books.FirstOrDefault(b => b.Syntax.Name == syntax.Name) is { Syntax: not null } same)
            {
                diagnostics.Error(RuleDiagnosticCodes.InvalidValue, new SourceSpan(source.Path, 1, 1), $"A rulebook named '{syntax.Name}' is already loaded ({same.Path ?? "given as text"}): give this one a name of its own, so that reports tell their rules apart.");
                continue;
            }

            books.Add((syntax, source.Path));
            foreach (var set in syntax.Sets)
            {
                if (sets.ContainsKey(set.Name))
                {
                    diagnostics.Warning(RuleDiagnosticCodes.SetRedefined, set.Span, $"The set '@{set.Name}' of an earlier rulebook is defined again: the rules of this rulebook and of later ones read this list, the earlier rules keep theirs. Give it a name of its own unless that is meant.");
                }

                sets[set.Name] = set.Values.Select(v => v.Value).ToArray();
            }

            Disable(syntax, rules, diagnostics);
            CheckPrinciples(syntax, rules, diagnostics);
            var context = new BindContext(_catalog, sets, _limits, diagnostics);
            // A repeated id is reported where it stands, and its rule is not bound.
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var repeated = syntax.Rules.Select(r => !ids.Add(r.Id)).ToArray();
            var bound = Bind(syntax, repeated, context, _maxParallelism);
            for (var i = 0; i < syntax.Rules.Count; i++)
            {
                var ruleSyntax = syntax.Rules[i];
                if (repeated[i])
                {
                    diagnostics.Error(RuleDiagnosticCodes.DuplicateRuleId, ruleSyntax.Span, $"Rule id '{ruleSyntax.Id}' is used twice in this rulebook.");
                    continue;
                }

                diagnostics.AddRange(bound[i].Diagnostics);
                if (bound[i].Rule is { } rule)
                {
                    Compose(rule, ruleSyntax, rules, diagnostics);
                }
            }
        }

        var infos = books
            .Select(b => new RulebookInfo(b.Syntax.Name, b.Syntax.Version, b.Syntax.Sha256, b.Path, rules.Count(r => r.Rulebook == b.Syntax.Name)))
            .ToArray();
        return new RulebookSet(infos, rules, diagnostics.Items);
    }

    /// <summary>Loads one rule file given as text.</summary>
    public RulebookSet Load(string text, string? path = null) => Load([RulebookSource.FromText(text, path)]);

    /// <summary>
    /// Binds a file's rules but the skipped ones, each with diagnostics of its own, in parallel: the
    /// rules of a file are independent, and binding is most of what loading the shipped rulebook
    /// costs. The caller takes the results in the file's order, so what it reports does not depend on
    /// the threads.
    /// </summary>
    private static (RulebookRule? Rule, DiagnosticBag Diagnostics)[] Bind(RulebookSyntax syntax, bool[] skip, BindContext context, int maxParallelism)
    {
        var bound = new (RulebookRule?, DiagnosticBag)[syntax.Rules.Count];
        void BindRule(int i)
        {
            if (skip[i])
            {
                return;
            }

            var diagnostics = new DiagnosticBag();
            var rule = new RuleBinder(context.ForRule(diagnostics), syntax.Name).Bind(syntax.Rules[i]);
            bound[i] = (rule, diagnostics);
        }

        if (maxParallelism == 1)
        {
            for (var i = 0; i < bound.Length; i++)
            {
                BindRule(i);
            }

            return bound;
        }

        try
        {
            Parallel.For(0, bound.Length, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, BindRule);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            // As if bound one by one: the binder's own exception, not the parallel loop's wrapper.
            ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        return bound;
    }

    private string? Read(RulebookSource source, DiagnosticBag diagnostics)
    {
        var at = new SourceSpan(source.Path, 0, 0);
        try
        {
            if (source.Length > _limits.MaxFileBytes)
            {
                diagnostics.Error(RuleDiagnosticCodes.FileTooLarge, at, $"The rule file is {source.Length:N0} bytes; the limit is {_limits.MaxFileBytes:N0}.");
                return null;
            }

            return source.Read();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(RuleDiagnosticCodes.UnreadableFile, at, ex is FileNotFoundException or DirectoryNotFoundException
                ? "No rule file or folder of rules is at this path."
                : $"Cannot read the rule file: {ex.Message}");
            return null;
        }
    }

    private static void Disable(RulebookSyntax book, List<RulebookRule> rules, DiagnosticBag diagnostics)
    {
        foreach (var id in book.Disable)
        {
            if (rules.RemoveAll(r => r.Id == id.Value) == 0)
            {
                diagnostics.Warning(RuleDiagnosticCodes.UnknownRuleReference, id.Span, $"No earlier rulebook defines rule '{id.Value}' to disable.");
            }
        }
    }

    /// <summary>
    /// A rule's principle is matched by the mitigations and agreement-level rules of the rulebooks
    /// before it, and names the conflict in reports: one misspelt matches nothing and changes the
    /// verdict without a word. So a principle that no earlier rulebook reports is an error when it
    /// is close to one that does, and a warning otherwise. The first rulebook defines its own.
    /// </summary>
    private static void CheckPrinciples(RulebookSyntax book, List<RulebookRule> earlier, DiagnosticBag diagnostics)
    {
        var known = earlier.Select(r => r.Principle).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (known.Count == 0)
        {
            return;
        }

        var ordered = known.Order(StringComparer.Ordinal).ToArray();
        var said = new HashSet<string>(StringComparer.Ordinal);
        foreach (var principle in book.Rules.Select(r => r.Principle).OfType<Located<string>>())
        {
            // Each new principle is named once, where the book first uses it.
            if (known.Contains(principle.Value) || !said.Add(principle.Value))
            {
                continue;
            }

            if (Suggestions.Closest(principle.Value, ordered) is { } close)
            {
                diagnostics.Error(RuleDiagnosticCodes.UnknownPrinciple, principle.Span, $"'{principle.Value}' is not a principle of the rulebooks before this one. Did you mean '{close}'? A principle of your own needs a name of its own.");
            }
            else
            {
                diagnostics.Warning(RuleDiagnosticCodes.UnknownPrinciple, principle.Span, $"'{principle.Value}' is not a principle of the rulebooks before this one: reports show it as written, and their rules (mitigations, agreement-level findings) do not answer its conflicts. Their principles: {string.Join(", ", ordered)}.");
            }
        }
    }

    private static void Compose(RulebookRule rule, RuleSyntax syntax, List<RulebookRule> rules, DiagnosticBag diagnostics)
    {
        var existing = rules.FindIndex(r => r.Id == rule.Id);
        if (existing < 0)
        {
            if (syntax.Override)
            {
                diagnostics.Warning(RuleDiagnosticCodes.UnknownRuleReference, syntax.Span, $"Rule '{rule.Id}' overrides nothing: no earlier rulebook defines it.");
            }

            rules.Add(rule);
        }
        else if (syntax.Override)
        {
            rules[existing] = rule;
        }
        else
        {
            var previous = rules[existing].Location;
            diagnostics.Error(
                RuleDiagnosticCodes.DuplicateRuleId,
                syntax.Span,
                $"Rule id '{rule.Id}' is already defined by rulebook '{rules[existing].Rulebook}' ({previous.File}({previous.Line},{previous.Column})); add \"override\": true to replace it, or list it under 'disable'.");
        }
    }
}
