using System.CommandLine;
using PolicyRules.Checking;
using PolicyRules.Checking.Report;
using PolicyRules.Checking.Rounds;
using PolicyRules.Diagnostics;
using PolicyRules.Domain.Drafts;
using PolicyRules.Domain.Imports;
using PolicyRules.Reporting;

namespace PolicyRules.Cli;

/// <summary><c>diff &lt;before&gt; &lt;after&gt;</c>: what changed between two rounds of a draft, or two reports.</summary>
internal static class DiffCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var before = new Argument<string>("before") { Description = "The earlier round: a draft (JSON, text, Word, ToTA XML), a folder of drafts, or a JSON report of check." };
        var after = new Argument<string>("after") { Description = "The later round, likewise." };
        var format = new Option<string>("--format", "-f") { Description = "text (default), markdown, or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var output = new Option<string>("--output", "-o") { Description = "Write the diff to this file (its folder is created) instead of standard output.", HelpName = "file" };
        var perspective = new Option<string>("--perspective", "-p") { Description = "Assess this party's policy space in drafts (a party code).", HelpName = "party" };
        var rules = new PolicyCheckApp.RuleOptions();
        var texts = new TreatyTextOptions();
        var command = new Command("diff", "Show what changed between two rounds of the same draft (or two reports): per clause, the verdict and the conflicts added, resolved and changed.");
        command.Arguments.Add(before);
        command.Arguments.Add(after);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(perspective);
        texts.AddTo(command);
        rules.AddTo(command);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            PolicyChecker? checker = null;
            PolicyChecker? Checker() => checker ??= rules.Build(parse, environment, stderr, quiet: true);
            var reader = new DraftReader { Perspective = parse.GetValue(perspective) };
            var rounds = new List<IReadOnlyList<DocumentReport>>();
            foreach (var given in new[] { parse.GetValue(before)!, parse.GetValue(after)! })
            {
                if (Round(given, environment, reader, texts.ImportOptions(parse), Checker, stderr) is not { } documents)
                {
                    return ExitCodes.Error;
                }

                rounds.Add(documents);
            }

            var diff = RoundComparer.Compare(parse.GetValue(before)!, rounds[0], parse.GetValue(after)!, rounds[1]);
            foreach (var note in diff.Notes)
            {
                stderr.WriteLine($"policy-check: warning: {note}");
            }

            var text = RoundDiffWriter.Format(diff, parse.GetValue(format)!);
            if (parse.GetValue(output) is { } target)
            {
                environment.WriteFile(target, text);
            }
            else
            {
                stdout.Write(text);
            }

            // A round with clauses that could not be checked is compared, and the run says so as check does.
            var incomplete = rounds.SelectMany(r => r).Any(d => d.Verdict == Verdict.Error || d.Clauses.Any(c => c.Verdict == Verdict.Error));
            return incomplete ? ExitCodes.Error : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The documents of one round: a report read back, or a draft checked now; null (with the reason written) when it cannot be had.</summary>
    private static IReadOnlyList<DocumentReport>? Round(string given, CliEnvironment environment, DraftReader reader, TreatyImportOptions texts, Func<PolicyChecker?> checker, TextWriter stderr)
    {
        var path = environment.Resolve(given);
        if (Directory.Exists(path))
        {
            return Folder(given, environment, reader, texts, checker, stderr);
        }

        if (!File.Exists(path))
        {
            stderr.WriteLine($"policy-check: error: no such file or folder '{given}'.");
            return null;
        }

        if (!TreatyImporter.CanImport(path) && JsonReportReader.IsReport(File.ReadAllText(path)))
        {
            try
            {
                return JsonReportReader.Read(File.ReadAllText(path)).Documents;
            }
            catch (FormatException ex)
            {
                stderr.WriteLine($"policy-check: error: {given}: {ex.Message}.");
                return null;
            }
        }

        var draft = DraftFiles.Read(reader, path, texts);
        var errors = draft.Diagnostics.Where(d => d.IsError).ToArray();
        if (draft.Agreement is null || errors.Length > 0)
        {
            foreach (var d in draft.Diagnostics)
            {
                stderr.WriteLine(d with { File = given });
            }

            stderr.WriteLine($"policy-check: error: {given} cannot be compared: it is neither a readable draft nor a JSON report of check.");
            return null;
        }

        // A clause that could not be read is compared as an error: its diagnostics say why, as check says it.
        WriteDiagnostics(draft, given, stderr);

        return checker() is { } built ? [built.Check(draft) with { Path = given.Replace('\\', '/') }] : null;
    }

    /// <summary>
    /// The drafts of a folder, found as <c>check</c> finds them and checked now, each named by its
    /// path inside the folder, so that the same brief in two rounds' folders pairs up.
    /// </summary>
    private static IReadOnlyList<DocumentReport>? Folder(string given, CliEnvironment environment, DraftReader reader, TreatyImportOptions texts, Func<PolicyChecker?> checker, TextWriter stderr)
    {
        var (files, errors) = InputFiles.Expand([given], environment);
        foreach (var problem in errors)
        {
            stderr.WriteLine($"policy-check: error: {problem}.");
        }

        if (errors.Count > 0 || checker() is not { } built)
        {
            return null;
        }

        var prefix = given.Replace('\\', '/').TrimEnd('/') + "/";
        var documents = new List<DocumentReport>();
        foreach (var file in files)
        {
            var draft = DraftFiles.Read(reader, file.FullPath!, texts);
            WriteDiagnostics(draft, file.Display, stderr);

            // A draft that cannot be read is compared as an error document, as check reports it.
            documents.Add(built.Check(draft) with { Path = file.Display[prefix.Length..] });
        }

        return documents;
    }

    // A draft's warnings and errors, and its clauses', under the path the user gave.
    private static void WriteDiagnostics(Draft draft, string shown, TextWriter stderr)
    {
        foreach (var d in draft.Diagnostics.Concat(draft.Clauses.SelectMany(c => c.Diagnostics)).Where(d => d.Severity != DiagnosticSeverity.Info))
        {
            stderr.WriteLine(d with { File = shown });
        }
    }
}
