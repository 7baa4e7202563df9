using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PolicyRules.Checking;
using PolicyRules.Checking.Baselines;
using PolicyRules.Checking.Report;
using PolicyRules.Checking.Waivers;
using PolicyRules.Diagnostics;
using PolicyRules.Domain.Drafts;
using PolicyRules.Domain.Imports;
using PolicyRules.Reporting;

namespace PolicyRules.Cli;

/// <summary><c>policy-check check &lt;paths…&gt;</c>: checks drafts and writes the report.</summary>
internal static class CheckCommand
{
    public static readonly string[] Formats = ["text", "json", "sarif", "junit", "github", "markdown", "html"];

    /// <summary>How many inputs make progress worth showing on a terminal.</summary>
    private const int ProgressThreshold = 5;

    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Draft files, folders (every *.json below, recursively) and globs (\"drafts/**/*.json\"); - reads standard input. Default: 'include' of policy-check.json.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var rules = new PolicyCheckApp.RuleOptions();
        var texts = new TreatyTextOptions();
        var perspective = new Option<string>("--perspective", "-p")
        {
            Description = "Assess this party's policy space (a party code), overriding the drafts' own perspective.",
            HelpName = "party",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "The report's format: text (default), json (the report contract), sarif (2.1.0), junit, github (workflow annotations and job summary), markdown, html (one self-contained page: heat map, clause texts with evidence, filters).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string>("--output", "-o")
        {
            Description = "Write the report to this file (its folder is created) instead of standard output.",
            HelpName = "file",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when an open (or partially mitigated) conflict has this severity or worse: critical, high, medium, low, info, or none.",
            DefaultValueFactory = _ => FailThreshold.Default,
        };
        failOn.AcceptOnlyFromAmong([.. FailThreshold.Values]);
        var waivers = new Option<string>("--waivers", "-w")
        {
            Description = "A JSON file of accepted conflicts (rule, document, clause, reason, by, expires): matched conflicts are reported as waived and do not fail the run.",
            HelpName = "file",
        };
        var baseline = new Option<string>("--baseline", "-b")
        {
            Description = "A JSON report of an earlier run (--format json): only conflicts it does not have fail the run, and those it had that are gone are listed as resolved — a pull-request gate.",
            HelpName = "report.json",
        };
        var exclude = new Option<string[]>("--exclude", "-x")
        {
            Description = "Leave out input files that match this glob (* within a folder, ** across folders), e.g. --exclude '**/waivers.json'. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Treat unknown values (PR2008) and misspelt fields (PR2009) of drafts as errors: their clauses are not checked and the run exits 2.",
        };
        var config = new Option<string>("--config", "-c")
        {
            Description = $"The configuration file; by default the nearest {CheckConfiguration.FileName} in the working folder or above it (rules, waivers, baseline, failOn, perspective, strict, include, exclude; the command line wins).",
            HelpName = "file",
        };
        var quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "No progress and no rule warnings on standard error; the text report leaves out compliant clauses.",
        };

        var command = new Command("check", "Check drafts against the Convention rulebook and report conflicts, mitigations and supports per clause.");
        command.Arguments.Add(paths);
        rules.AddTo(command);
        command.Options.Add(perspective);
        texts.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(failOn);
        command.Options.Add(waivers);
        command.Options.Add(baseline);
        command.Options.Add(exclude);
        command.Options.Add(strict);
        command.Options.Add(config);
        command.Options.Add(quiet);
        PathArguments.RefuseUnknownOptions(paths, command, environment);

        command.SetAction(parse => Configure(
            parse,
            environment,
            parse.GetValue(config),
            parse.GetResult(failOn) is { Implicit: false },
            new Settings(
                parse.GetValue(paths) ?? [],
                parse.GetValue(perspective),
                parse.GetValue(format) ?? "text",
                parse.GetValue(output),
                parse.GetValue(failOn) ?? FailThreshold.Default,
                parse.GetValue(waivers),
                parse.GetValue(baseline),
                parse.GetValue(exclude) ?? [],
                parse.GetValue(strict),
                parse.GetValue(quiet))
            {
                Texts = texts.ImportOptions(parse),
            },
            rules));
        return command;
    }

    private sealed record Settings(string[] Paths, string? Perspective, string Format, string? Output, string FailOn, string? Waivers, string? Baseline, string[] Exclude, bool Strict, bool Quiet)
    {
        /// <summary>What the command line gives in place of what treaty texts state (<c>--party</c>).</summary>
        public TreatyImportOptions Texts { get; init; } = new();

        /// <summary>Rule files and folders beyond <c>--rules</c> (from the configuration).</summary>
        public IReadOnlyList<string> MoreRules { get; init; } = [];

        /// <summary>Rules switched off, and severities changed (from the configuration).</summary>
        public RuleChanges Changes { get; init; } = RuleChanges.None;

        /// <summary>What the command line leaves open, taken from the configuration.</summary>
        public Settings With(CheckConfiguration c, bool failOnGiven) => this with
        {
            Paths = Paths.Length > 0 ? Paths : [.. c.Include],
            Perspective = Perspective ?? c.Perspective,
            FailOn = failOnGiven ? FailOn : c.FailOn ?? FailOn,
            Waivers = Waivers ?? c.Waivers,
            Baseline = Baseline ?? c.Baseline,
            Exclude = [.. Exclude, .. c.Exclude],
            Strict = Strict || c.Strict == true,
            MoreRules = c.Rules,
            Changes = new RuleChanges(c.Disable, c.Severities),
        };
    }

    /// <summary>Reads the configuration file (given, or the nearest one), merges it under the command line, and runs.</summary>
    private static int Configure(ParseResult parse, CliEnvironment environment, string? given, bool failOnGiven, Settings settings, PolicyCheckApp.RuleOptions ruleOptions)
    {
        var stderr = parse.InvocationConfiguration.Error;
        var file = given is null ? CheckConfiguration.Find(environment.WorkingDirectory) : environment.Resolve(given);
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                stderr.WriteLine($"policy-check: error: --config {given}: no such file.");
                return ExitCodes.Error;
            }

            var display = given ?? Path.GetRelativePath(environment.WorkingDirectory, file).Replace('\\', '/');
            var (configuration, diagnostics) = CheckConfiguration.Load(file, display, environment);
            foreach (var diagnostic in diagnostics)
            {
                stderr.WriteLine(diagnostic.ToString());
            }

            if (configuration is null)
            {
                stderr.WriteLine($"policy-check: error: the configuration {display} has errors; nothing was checked.");
                return ExitCodes.Error;
            }

            settings = settings.With(configuration, failOnGiven);
        }

        if (settings.Paths.Length == 0)
        {
            stderr.WriteLine($"policy-check: error: no drafts to check: name files, folders or globs, or list them under 'include' in {CheckConfiguration.FileName} (see policy-check check --help).");
            return ExitCodes.Error;
        }

        return Run(parse, environment, settings, ruleOptions);
    }

    private static int Run(ParseResult parse, CliEnvironment environment, Settings settings, PolicyCheckApp.RuleOptions ruleOptions)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var inputError = false;

        // The run's own files are never drafts, even inside the folder checked (briefs/waivers.json).
        var ownFiles = new[] { settings.Waivers, settings.Output, settings.Baseline }.Concat(parse.GetValue(ruleOptions.Rules) ?? []).Concat(settings.MoreRules).OfType<string>();
        var (files, expandErrors) = InputFiles.Expand(settings.Paths, environment, settings.Exclude, ownFiles);
        foreach (var problem in expandErrors)
        {
            stderr.WriteLine($"policy-check: error: {problem}");
            inputError = true;
        }

        if (files.Count(f => f.IsStandardInput) > 1)
        {
            stderr.WriteLine("policy-check: error: standard input (-) can be read once.");
            return ExitCodes.Error;
        }

        var checker = ruleOptions.Build(parse, environment, stderr, settings.Quiet, settings.MoreRules, errors => RuleFileErrors(errors, settings, environment, stdout, stderr), settings.Changes);
        if (checker is null)
        {
            return ExitCodes.Error;
        }

        Baseline? previous = null;
        if (settings.Baseline is { } baselinePath)
        {
            try
            {
                previous = Baseline.FromReport(File.ReadAllText(environment.Resolve(baselinePath)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                stderr.WriteLine($"policy-check: error: --baseline {baselinePath}: {(ex is FormatException ? ex.Message : ex.Message.TrimEnd('.'))}.");
                return ExitCodes.Error;
            }
        }

        IReadOnlyList<Waiver> waiverList = [];
        string? waiverDisplay = null;
        if (settings.Waivers is { } waiverPath)
        {
            waiverDisplay = waiverPath.Replace('\\', '/');
            var (loaded, diagnostics) = WaiverFile.Load(environment.Resolve(waiverPath), waiverDisplay);
            foreach (var diagnostic in diagnostics)
            {
                stderr.WriteLine(diagnostic.ToString());
            }

            if (diagnostics.Any(d => d.IsError))
            {
                stderr.WriteLine("policy-check: error: the waiver file has errors; nothing was checked.");
                return ExitCodes.Error;
            }

            waiverList = loaded;
        }

        var started = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var reader = new DraftReader { Perspective = settings.Perspective, Strict = settings.Strict };
        var progress = environment.ErrorIsTerminal && !settings.Quiet && files.Count >= ProgressThreshold ? new Progress(stderr, files.Count) : null;
        // The HTML report shows the clause texts, so it keeps the drafts; the other formats let them go.
        var keepDrafts = settings.Format == "html";
        var checkedFiles = files
            .AsParallel()
            .AsOrdered()
            .Select(file =>
            {
                var draft = Read(file, reader, settings.Texts, environment);
                var report = checker.Check(draft);
                progress?.Tick(file.Display);
                return (Report: Relabel(report, file.Display), Draft: keepDrafts ? draft : null);
            })
            .ToArray();
        var documents = checkedFiles.Select(f => f.Report).OrderBy(d => d.Path, StringComparer.Ordinal).ToArray();
        var drafts = keepDrafts ? checkedFiles.ToDictionary(f => f.Report.Path, f => f.Draft!, StringComparer.Ordinal) : null;
        progress?.Done();

        var report = checker.Report(documents, new RunInfo(started, watch.ElapsedMilliseconds));

        var waived = settings.Waivers is null ? null : WaiverApplier.Apply(report, waiverList, environment.Today, waiverDisplay, checker.Rules.Select(r => r.Id).ToArray());
        if (waived is not null)
        {
            report = waived.Report;
            foreach (var warning in waived.Warnings)
            {
                stderr.WriteLine(warning.ToString());
            }
        }

        if (previous is not null)
        {
            report = BaselineApplier.Apply(report, previous, settings.Baseline!.Replace('\\', '/'));
            if (previous.RulebookChange(report.Rulebooks) is { } change)
            {
                stderr.WriteLine($"policy-check: warning: --baseline {settings.Baseline} was made with other rules ({change}): what they find differently shows as new or resolved.");
            }
        }

        // Diagnostics of the drafts, in the form editors and CI annotate.
        foreach (var document in report.Documents)
        {
            // In file order; notes (an alias read as the taxonomy spells it) only when not quiet.
            foreach (var d in document.Diagnostics.Concat(document.Clauses.SelectMany(c => c.Diagnostics))
                .Where(d => !(settings.Quiet && d.Severity == "info"))
                .OrderBy(d => d.Line).ThenBy(d => d.Column))
            {
                stderr.WriteLine(d.Describe(document.Path));
            }

            if (document.Verdict == Verdict.Error || document.Clauses.Any(c => c.Verdict == Verdict.Error) || document.Diagnostics.Any(d => d.Severity == "error"))
            {
                inputError = true;
            }
        }

        var options = new ReportOptions
        {
            Rules = checker.Rules,
            FailOn = settings.FailOn,
            BasePath = environment.WorkingDirectory,
            Quiet = settings.Quiet,
            Drafts = drafts,
            Color = settings.Format == "text" && settings.Output is null && environment.OutputIsTerminal && string.IsNullOrEmpty(environment.Variable("NO_COLOR")),
        };

        if (!Write(report, settings, options, environment, stdout, stderr))
        {
            return ExitCodes.Error;
        }

        if (inputError)
        {
            return ExitCodes.Error;
        }

        return FailThreshold.Failing(report, settings.FailOn).Count > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }

    /// <summary>
    /// The rule files' errors in the formats CI reads, since no report follows: GitHub annotations, and
    /// a SARIF log with no results (an upload step would otherwise find no file). Other formats have
    /// nothing to carry them; standard error has them already.
    /// </summary>
    private static void RuleFileErrors(IReadOnlyList<Diagnostic> errors, Settings settings, CliEnvironment environment, TextWriter stdout, TextWriter stderr)
    {
        string text;
        switch (settings.Format)
        {
            case "github":
                text = string.Concat(errors.Select(d => GitHubReportWriter.Command(d.IsError ? "error" : d.Severity == DiagnosticSeverity.Warning ? "warning" : "notice", d.File ?? "", d.Line, d.Column, d.Code, d.Message) + "\n"));
                break;
            case "sarif":
                text = SarifReportWriter.ToSarif(errors, new ToolInfo("policy-check", PolicyChecker.Version)).ToString(Newtonsoft.Json.Formatting.Indented) + "\n";
                break;
            default:
                return;
        }

        if (settings.Output is { } path)
        {
            try
            {
                environment.WriteFile(path, text);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"policy-check: error: cannot write the report to {path}: {ex.Message}");
            }
        }
        else
        {
            stdout.Write(text);
        }
    }

    private static bool Write(CheckReport report, Settings settings, ReportOptions options, CliEnvironment environment, TextWriter stdout, TextWriter stderr)
    {
        using var buffer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        switch (settings.Format)
        {
            case "json":
                JsonReportWriter.Write(report, buffer);
                break;
            case "sarif":
                SarifReportWriter.Write(report, buffer, options);
                break;
            case "junit":
                JUnitReportWriter.Write(report, buffer, options);
                break;
            case "github":
                GitHubReportWriter.Write(report, buffer, options);
                if (environment.Variable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
                {
                    try
                    {
                        File.AppendAllText(environment.Resolve(summary), MarkdownReportWriter.ToMarkdown(report, options) + "\n");
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        stderr.WriteLine($"policy-check: warning: cannot append the job summary to {summary}: {ex.Message}");
                    }
                }

                break;
            case "html":
                HtmlReportWriter.Write(report, buffer, options);
                break;
            case "markdown":
                MarkdownReportWriter.Write(report, buffer, options);
                break;
            default:
                TextReportWriter.Write(report, buffer, options);
                break;
        }

        if (settings.Output is { } path)
        {
            try
            {
                environment.WriteFile(path, buffer.ToString());
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"policy-check: error: cannot write the report to {path}: {ex.Message}");
                return false;
            }
        }
        else
        {
            stdout.Write(buffer.ToString());
            stdout.Flush();
        }

        return true;
    }

    private static Draft Read(InputFile file, DraftReader reader, TreatyImportOptions texts, CliEnvironment environment)
    {
        if (file.FullPath is not null && TreatyImporter.CanImport(file.FullPath))
        {
            // A treaty text is imported on the way in; its positions point into the text itself.
            return DraftFiles.Read(reader, file.FullPath, texts);
        }

        string text;
        if (file.FullPath is null)
        {
            text = environment.Input.ReadToEnd();
        }
        else
        {
            try
            {
                if (new FileInfo(file.FullPath).Length > reader.MaxFileBytes)
                {
                    return reader.ReadFile(file.FullPath); // reports the size
                }

                text = File.ReadAllText(file.FullPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return reader.ReadFile(file.FullPath); // reports why it cannot be read
            }
        }

        return reader.Read(text, file.Display);
    }

    /// <summary>The document as the user named it (an unreadable file is reported by its full path).</summary>
    private static DocumentReport Relabel(DocumentReport report, string display) =>
        report.Path == display ? report : report with { Path = display };

    private sealed class Progress(TextWriter error, int total)
    {
        private readonly Lock _gate = new();
        private int _done;

        public void Tick(string path)
        {
            lock (_gate)
            {
                _done++;
                var name = path.Length > 50 ? "…" + path[^49..] : path;
                error.Write($"\rchecking {_done}/{total} {name}".PadRight(72));
            }
        }

        public void Done()
        {
            lock (_gate)
            {
                error.Write("\r" + new string(' ', 72) + "\r");
            }
        }
    }
}
