using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using PolicyRules.Checking;
using PolicyRules.Diagnostics;

namespace PolicyRules.Cli;

/// <summary>
/// The policy-check command line: <c>check</c>, <c>verify</c>, <c>rules</c>, <c>explain</c>, <c>schema</c>.
/// <see cref="Run(string[], TextWriter, TextWriter, CliEnvironment?)"/> is the whole program, callable in process.
/// </summary>
public static class PolicyCheckApp
{
    /// <summary>Runs policy-check with these arguments; returns the exit code (0, 1 or 2; see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, CliEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        environment ??= new CliEnvironment();
        var root = CreateRootCommand(environment);
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"policy-check: error: {problem.Message}");
            }

            var command = parse.CommandResult.Command;
            error.WriteLine($"Run 'policy-check{(command is RootCommand ? "" : " " + command.Name)} --help' for usage and examples.");
            return ExitCodes.Error;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"policy-check: error: {ex.Message}");
            return ExitCodes.Error;
        }
    }

    /// <summary>The command tree, with its actions bound to the environment.</summary>
    public static RootCommand CreateRootCommand(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = new RootCommand(
            "policy-check: checks trade-agreement drafts (JSON, or treaty texts: plain text, Word .docx, ToTA XML) against the principles of the UNESCO 2005 Convention on the " +
            "Diversity of Cultural Expressions. Exit codes: 0 ok; 1 open conflicts at or above --fail-on (check) or failing rule tests (verify); 2 usage or input errors.");

        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Action = new HelpExamples(help);
            }
            else if (option is VersionOption version)
            {
                version.Action = new VersionAction();
            }
        }

        root.Subcommands.Add(CheckCommand.Create(environment));
        root.Subcommands.Add(VerifyCommand.Create(environment));
        root.Subcommands.Add(RuleCommands.CreateRules(environment));
        root.Subcommands.Add(RuleCommands.CreateExplain(environment));
        root.Subcommands.Add(RuleCommands.CreateSchema());
        root.Subcommands.Add(ImportCommand.Create(environment));
        root.Subcommands.Add(DiffCommand.Create(environment));
        root.Subcommands.Add(ReadCommand.Create(environment));
        root.Subcommands.Add(WhyCommand.Create(environment));
        root.Subcommands.Add(VocabularyCommand.Create());
        return root;
    }

    /// <summary>The rule options shared by check, verify, rules and explain.</summary>
    internal sealed class RuleOptions
    {
        public Option<string[]> Rules { get; } = new("--rules", "-r")
        {
            Description = "A rule file or a folder of rule files, added to the embedded Convention rulebook (repeatable).",
            AllowMultipleArgumentsPerToken = false,
            HelpName = "folder|file",
        };

        public Option<bool> NoDefaultRules { get; } = new("--no-default-rules")
        {
            Description = "Do not load the embedded Convention rulebook (use only --rules).",
        };

        public void AddTo(Command command)
        {
            command.Options.Add(Rules);
            command.Options.Add(NoDefaultRules);
        }

        /// <summary>Builds the checker, or writes why it cannot be built and returns null.</summary>
        /// <param name="parse">The command line.</param>
        /// <param name="environment">Where paths are resolved.</param>
        /// <param name="error">Where problems are written.</param>
        /// <param name="quiet">Whether the rule files' warnings are left out.</param>
        /// <param name="moreRules">Rule files a configuration file adds.</param>
        /// <param name="ruleErrors">Told the rule files' diagnostics when they have errors, after they are written: a report format may carry them too.</param>
        /// <param name="changes">Rules a configuration file switches off, and severities it changes.</param>
        public PolicyChecker? Build(ParseResult parse, CliEnvironment environment, TextWriter error, bool quiet, IReadOnlyList<string>? moreRules = null, Action<IReadOnlyList<Diagnostic>>? ruleErrors = null, RuleChanges? changes = null)
        {
            var rules = (moreRules ?? []).Concat(parse.GetValue(Rules) ?? []).ToArray();
            var noDefault = parse.GetValue(NoDefaultRules);
            if (noDefault && rules.Length == 0)
            {
                error.WriteLine("policy-check: error: --no-default-rules needs at least one --rules file or folder.");
                return null;
            }

            var options = new PolicyCheckerOptions { UseDefaultRules = !noDefault };
            foreach (var id in changes?.Disable ?? [])
            {
                options.DisabledRules.Add(id);
            }

            foreach (var (id, severity) in changes?.Severities ?? new Dictionary<string, string>())
            {
                options.SeverityOverrides[id] = severity;
            }

            foreach (var path in rules)
            {
                var full = environment.Resolve(path);
                if (!File.Exists(full) && !Directory.Exists(full))
                {
                    error.WriteLine($"policy-check: error: --rules {path}: no such file or folder.");
                    return null;
                }

                options.RulePaths.Add(full);
            }

            try
            {
                var checker = new PolicyChecker(options);
                if (!quiet)
                {
                    foreach (var warning in checker.RuleDiagnostics)
                    {
                        error.WriteLine(warning.ToString());
                    }
                }

                return checker;
            }
            catch (RulebookException ex)
            {
                // Paths as the user would give them: relative to the working folder, when inside it.
                var shown = ex.Diagnostics.Select(d => d.File is { } file && Path.IsPathRooted(file) && Path.GetRelativePath(environment.WorkingDirectory, file) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)
                    ? d with { File = relative.Replace('\\', '/') }
                    : d).ToArray();
                foreach (var diagnostic in shown)
                {
                    error.WriteLine(diagnostic.ToString());
                }

                error.WriteLine("policy-check: error: the rule files have errors; nothing was checked.");
                ruleErrors?.Invoke(shown);
                return null;
            }
            catch (ArgumentException ex) when (ex.ParamName == "options")
            {
                error.WriteLine($"policy-check: error: {ex.Message.Split(" (Parameter", 2)[0]}");
                return null;
            }
        }
    }

    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"policy-check {PolicyChecker.Version}");
            return ExitCodes.Success;
        }
    }
}
