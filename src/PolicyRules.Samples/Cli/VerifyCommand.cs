using System.CommandLine;
using PolicyRules.Checking.Verification;

namespace PolicyRules.Cli;

/// <summary><c>policy-check verify [folders…]</c>: runs rule tests, like <c>opa test</c>.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Rule test files or folders (every *.json below). Default: ./rules/tests.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var rules = new PolicyCheckApp.RuleOptions();
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List passing cases too." };
        var command = new Command("verify", "Run rule tests: each case is a draft and the verdicts and principles expected; prints every failing case with expected and actual.");
        command.Arguments.Add(paths);
        rules.AddTo(command);
        command.Options.Add(verbose);
        PathArguments.RefuseUnknownOptions(paths, command, environment);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var given = parse.GetValue(paths) ?? [];
            if (given.Length == 0)
            {
                if (!Directory.Exists(environment.Resolve("rules/tests")))
                {
                    stderr.WriteLine("policy-check: error: no rule tests given, and there is no ./rules/tests folder. Give a test file or folder: policy-check verify <folder>.");
                    return ExitCodes.Error;
                }

                given = ["rules/tests"];
            }

            var missing = given.Where(p => !File.Exists(environment.Resolve(p)) && !Directory.Exists(environment.Resolve(p))).ToArray();
            foreach (var path in missing)
            {
                stderr.WriteLine($"policy-check: error: {path}: no such file or folder.");
            }

            if (missing.Length > 0)
            {
                return ExitCodes.Error;
            }

            var checker = rules.Build(parse, environment, stderr, quiet: false);
            if (checker is null)
            {
                return ExitCodes.Error;
            }

            var (cases, diagnostics) = RuleTestRunner.Load(given.Select(environment.Resolve));
            foreach (var diagnostic in diagnostics)
            {
                stderr.WriteLine(Shorten(diagnostic.ToString(), environment));
            }

            var results = RuleTestRunner.Run(checker, cases);
            foreach (var result in results)
            {
                var where = result.Case.File is null ? "" : Shorten(result.Case.File, environment) + (result.Case.Location.Line > 0 ? $":{result.Case.Location.Line}" : "") + ": ";
                if (!result.Passed)
                {
                    stdout.WriteLine($"FAIL {where}{result.Case.Name}");
                    foreach (var failure in result.Failures)
                    {
                        stdout.WriteLine($"  {failure}");
                    }
                }
                else if (parse.GetValue(verbose))
                {
                    stdout.WriteLine($"PASS {where}{result.Case.Name}");
                }
            }

            var failed = results.Count(r => !r.Passed);
            stdout.WriteLine(new string('-', 80));
            stdout.WriteLine(failed == 0 ? $"PASS: {results.Count}/{results.Count}" : $"FAIL: {failed}/{results.Count}");
            stdout.WriteLine($"{results.Count - failed} passed, {failed} failed");
            if (diagnostics.Any(d => d.IsError))
            {
                stderr.WriteLine("policy-check: error: some rule tests could not be read.");
                return ExitCodes.Error;
            }

            return failed > 0 ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }

    private static string Shorten(string text, CliEnvironment environment)
    {
        var root = Path.TrimEndingDirectorySeparator(environment.WorkingDirectory) + Path.DirectorySeparatorChar;
        return text.Replace(root, "", StringComparison.Ordinal).Replace('\\', '/');
    }
}
