using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyRules.Analysis;
using PolicyRules.Checking.Explaining;
using PolicyRules.Checking.Report;
using PolicyRules.Diagnostics;
using PolicyRules.Domain.Drafts;
using PolicyRules.Engine;
using PolicyRules.Engine.Compilation;
using PolicyRules.Engine.Runtime;
using PolicyRules.Language;

namespace PolicyRules.Checking;

/// <summary>
/// Checks drafts against the Convention rulebook: the embedded default plus any rule files, loaded
/// and compiled once into a network that every check shares. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var checker = new PolicyChecker();
/// var draft = new DraftReader().ReadFile("drafts/ckfta.json");
/// var report = checker.Check(draft);
/// Console.WriteLine(report.Verdict);
/// </code>
/// </example>
public sealed class PolicyChecker : IPolicyChecker
{
    private readonly RuleNetwork _network;
    private readonly TextAnalyzer _analyzer;
    private readonly PolicyCheckerOptions _options;
    private readonly ILogger _logger;
    private readonly IReadOnlyDictionary<string, string> _severities;
    private readonly IReadOnlyDictionary<string, string> _questions;
    private readonly IReadOnlyList<RulebookReport> _rulebookReports;

    /// <summary>Loads and compiles the rules.</summary>
    /// <exception cref="RulebookException">The rule files have errors.</exception>
    /// <exception cref="ArgumentException">The options name a rule no rulebook defines, a severity that does not exist, or a folder of rules that holds no rule file.</exception>
    public PolicyChecker(PolicyCheckerOptions? options = null, ILogger<PolicyChecker>? logger = null)
    {
        _options = options ?? new PolicyCheckerOptions();
        _logger = logger ?? NullLogger<PolicyChecker>.Instance;
        _severities = new Dictionary<string, string>(_options.SeverityOverrides, StringComparer.Ordinal);

        // The clause analysis's lexicons need nothing of the rulebook: with a core to spare, they are built meanwhile.
        var analyzer = _options.MaxParallelism > 1 ? Task.Run(() => new TextAnalyzer(EmbeddedLexicons.All)) : null;

        var sources = new List<RulebookSource>();
        if (_options.UseDefaultRules)
        {
            sources.AddRange(EmbeddedRulebook.Sources());
        }

        var empty = new List<string>();
        foreach (var path in _options.RulePaths)
        {
            var found = RulebookSource.FromPath(path);
            if (found.Count == 0)
            {
                empty.Add(path);
            }

            sources.AddRange(found);
        }

        sources.AddRange(_options.RuleSources);

        var set = new RulebookLoader(ConventionCatalog.Create()) { MaxParallelism = Math.Max(1, _options.MaxParallelism) }.Load(sources);
        if (set.HasErrors)
        {
            throw new RulebookException(set.Diagnostics);
        }

        Validate(_options, set.Rules, empty);

        Rules = set.Rules.Where(r => !_options.DisabledRules.Contains(r.Id)).ToArray();
        _questions = ReviewQuestions.Of(Rules);
        Rulebooks = set.Rulebooks;
        _rulebookReports = RulebookReports(set, _options);
        RuleDiagnostics = set.Diagnostics;
        // Tiered: a check of one draft calls most conditions a few times, where compiling them all
        // would cost more than interpreting; a corpus compiles the ones it calls often.
        _network = RuleNetwork.Compile(Rules.Select(r => r.Definition), new RuleNetworkOptions { ExpressionCompiler = TieredExpressionCompiler.Instance });
        _analyzer = analyzer?.GetAwaiter().GetResult() ?? new TextAnalyzer(EmbeddedLexicons.All);
        // A rule file's warnings (an unknown field, a `disable` that names no rule) would otherwise reach only RuleDiagnostics.
        foreach (var warning in set.Diagnostics.Where(d => !d.IsError))
        {
            _logger.LogWarning("{Diagnostic}", warning.ToString());
        }

        _logger.LogInformation("Compiled {RuleCount} rules from {Rulebooks}", Rules.Count, string.Join(", ", Rulebooks.Select(b => $"{b.Name} {b.Version}")));
    }

    /// <summary>
    /// The rulebooks as reports state them, each with the rules of it the options switched off or
    /// gave another severity: two reports of one rulebook checked differently say so.
    /// </summary>
    private static RulebookReport[] RulebookReports(RulebookSet set, PolicyCheckerOptions options) =>
        set.Rulebooks.Select(book =>
        {
            var ids = set.Rules.Where(r => r.Rulebook == book.Name).Select(r => r.Id).Distinct().Order(StringComparer.Ordinal).ToArray();
            var disabled = ids.Where(options.DisabledRules.Contains).ToArray();
            var severities = new SortedDictionary<string, string>(ids.Where(options.SeverityOverrides.ContainsKey).ToDictionary(id => id, id => options.SeverityOverrides[id]), StringComparer.Ordinal);
            return new RulebookReport(book.Name, book.Version, book.Sha256, book.Rules)
            {
                Disabled = disabled.Length > 0 ? disabled : null,
                SeverityOverrides = severities.Count > 0 ? severities : null,
            };
        }).ToArray();

    /// <summary>
    /// Checks the options against the rules loaded, all problems at once: a misspelt rule id or
    /// severity would otherwise switch nothing off, or fail later when a report is built, and a
    /// folder of rules with no rule file in it would add nothing without a word.
    /// </summary>
    private static void Validate(PolicyCheckerOptions options, IReadOnlyList<RulebookRule> rules, IReadOnlyList<string> emptyRulePaths)
    {
        var ids = rules.Select(r => r.Id).ToArray();
        var problems = new List<string>();
        foreach (var path in emptyRulePaths)
        {
            problems.Add($"RulePaths names '{path}', a folder with no rule file (*.json outside its schema, tests, lexicons and vocabulary folders).");
        }

        foreach (var id in options.DisabledRules.Where(id => !ids.Contains(id, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
        {
            problems.Add($"DisabledRules names '{id}', which no rulebook defines.{Suggestions.DidYouMean(id, ids)}");
        }

        foreach (var (id, severity) in options.SeverityOverrides.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!ids.Contains(id, StringComparer.Ordinal))
            {
                problems.Add($"SeverityOverrides names '{id}', which no rulebook defines.{Suggestions.DidYouMean(id, ids)}");
            }

            if (!Severity.WorstFirst.Contains(severity, StringComparer.Ordinal))
            {
                problems.Add($"SeverityOverrides gives {id} the severity '{severity}'; severities are {string.Join(", ", Severity.WorstFirst)}.{Suggestions.DidYouMean(severity, Severity.WorstFirst)}");
            }
        }

        if (options.MaxParallelism < 1)
        {
            problems.Add($"MaxParallelism is {options.MaxParallelism}; it must be at least 1.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid PolicyCheckerOptions: " + string.Join(" ", problems), nameof(options));
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<RulebookInfo> Rulebooks { get; }

    /// <inheritdoc/>
    public IReadOnlyList<RulebookRule> Rules { get; }

    /// <summary>
    /// The aliases of a rule's patterns in the order the network joins them, which the engine's
    /// planner may have changed from the written order (<see cref="RuleNetwork.JoinOrder(string)"/>).
    /// </summary>
    /// <exception cref="KeyNotFoundException">No rule in force has this id.</exception>
    public IReadOnlyList<string> JoinOrder(string ruleId) => _network.JoinOrder(ruleId);

    /// <inheritdoc/>
    public IReadOnlyList<Diagnostic> RuleDiagnostics { get; }

    /// <summary>The library's version, reported as the tool's.</summary>
    public static string Version { get; } =
        typeof(PolicyChecker).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Where the library's source, documentation and issues are (the packages' repository URL).</summary>
    public static Uri RepositoryUrl { get; } = new(
        typeof(PolicyChecker).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value
        ?? "https://github.com/policyrules/policyrules");

    /// <inheritdoc/>
    public DocumentReport Check(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var path = draft.Path ?? "-";
        if (draft.Agreement is null)
        {
            return new DocumentReportBuilder(draft, path, _severities, _questions).Build(null);
        }

        try
        {
            using var session = Run(draft);
            return new DocumentReportBuilder(draft, path, _severities, _questions).Build(session);
        }
        catch (Exception ex) when (ex is RuleEngineException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // One draft that breaks a rule never sinks the run: it is reported as an error, the rest are checked.
            _logger.LogError(ex, "Checking {Path} failed", path);
            return DocumentReportBuilder.Faulted(draft, path, ex);
        }
    }

    /// <summary>
    /// Why one clause of a draft got its verdict: the tags rules put on it, its conflicts with their
    /// mitigations, and the rules that took the clause but stopped, with what stopped them.
    /// </summary>
    /// <exception cref="ArgumentException">The draft has no readable clause with this id, or no agreement.</exception>
    public ClauseExplanation Explain(Draft draft, string clauseId)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(clauseId);
        var clause = draft.Clauses.FirstOrDefault(c => c.Id == clauseId)?.Fact;
        if (clause is null || draft.Agreement is null)
        {
            throw new ArgumentException($"The draft has no readable clause '{clauseId}'. Clauses: {string.Join(", ", draft.Clauses.Select(c => c.Id))}.", nameof(clauseId));
        }

        using var session = Run(draft);
        var report = new DocumentReportBuilder(draft, draft.Path ?? "-", _severities, _questions).Build(session).Clauses.First(c => c.Id == clauseId);
        var facts = session.Query<object>();
        var readings = session.Query<Domain.Tag>().Where(t => ReferenceEquals(t.Subject, clause))
            .Select(RuleTracer.Describe).Distinct().OrderBy(f => f.Text, StringComparer.Ordinal).ToArray();
        var concluded = session.Query<Domain.Conflict>().Where(c => ReferenceEquals(c.Subject, clause)).Select(c => c.RuleId)
            .Concat(session.Query<Domain.Support>().Where(s => ReferenceEquals(s.Subject, clause)).Select(s => s.RuleId))
            .ToHashSet(StringComparer.Ordinal);
        var tracer = new RuleTracer(facts);
        var stopped = Rules.Where(r => r.Principle is not null && !concluded.Contains(r.Id))
            .Select(r => tracer.Trace(r, clause)).OfType<BlockedRule>().ToArray();
        return new ClauseExplanation(report, readings, [.. stopped.Where(b => b.By.Count > 0)], [.. stopped.Where(b => b.By.Count == 0)]);
    }

    private RuleSession Run(Draft draft)
    {
        var session = _network.CreateSession();
        try
        {
            session.InsertAll([.. draft.Facts(), .. _analyzer.Analyze(draft)]);
            var fired = session.Fire();
            _logger.LogDebug("Checked {Path}: {Clauses} clauses, {Fired} rules fired", draft.Path ?? "-", draft.Clauses.Count, fired);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public CheckReport CheckAll(IEnumerable<Draft> drafts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var started = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        DocumentReport[] checkedDrafts;
        try
        {
            checkedDrafts = drafts
                .AsParallel()
                .AsOrdered()
                .WithDegreeOfParallelism(Math.Max(1, _options.MaxParallelism))
                .WithCancellation(cancellationToken)
                .Select(Check)
                .ToArray();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            // What the caller's sequence threw, as it threw it, not wrapped by the parallel query.
            ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
            throw;
        }

        return Report(checkedDrafts, new RunInfo(started, watch.ElapsedMilliseconds));
    }

    /// <inheritdoc/>
    public CheckReport Report(IEnumerable<DocumentReport> documents, RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(run);
        var ordered = documents.OrderBy(d => d.Path, StringComparer.Ordinal).ToArray();
        return new CheckReport
        {
            Tool = new ToolInfo(_options.ToolName, Version),
            Rulebooks = _rulebookReports,
            Run = run,
            Documents = ordered,
            Summary = Summarize(ordered),
        };
    }

    /// <summary>Totals over documents: clauses by verdict and counting conflicts by severity (every key present).</summary>
    public static SummaryReport Summarize(IReadOnlyList<DocumentReport> documents)
    {
        var verdicts = Verdict.WorstFirst.ToDictionary(v => v, _ => 0);
        var severities = Severity.WorstFirst.ToDictionary(s => s, _ => 0);
        foreach (var clause in documents.SelectMany(d => d.Clauses))
        {
            verdicts[clause.Verdict]++;
            foreach (var conflict in clause.Conflicts.Where(c => ConflictStatus.Counts(c.Status)))
            {
                severities[conflict.Severity]++;
            }
        }

        foreach (var finding in documents.SelectMany(d => d.Findings).Where(f => f.Kind == "conflict" && ConflictStatus.Counts(f.Status)))
        {
            severities[finding.Severity]++;
        }

        return new SummaryReport
        {
            Documents = documents.Count,
            Clauses = documents.Sum(d => d.Clauses.Count),
            Verdicts = verdicts,
            Conflicts = severities,
        };
    }
}
