using System.CommandLine;
using PolicyRules.Domain.Imports;

namespace PolicyRules.Cli;

/// <summary><c>import &lt;file&gt;</c>: a treaty as analysts receive it (text, Word, ToTA XML) becomes a draft.</summary>
internal static class ImportCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var path = new Argument<string>("file") { Description = "A treaty text: .txt, .docx (Word), or .xml (ToTA)." };
        var output = new Option<string>("--output", "-o") { Description = "Write the draft to this file (default: standard output).", HelpName = "draft.json" };
        var id = new Option<string>("--id") { Description = "The agreement id (default: the file name).", HelpName = "id" };
        var name = new Option<string>("--name") { Description = "The agreement's name, in place of the title the text states.", HelpName = "name" };
        var signed = new Option<string>("--signed") { Description = "The date of signature (YYYY-MM-DD), in place of the one the text states.", HelpName = "date" };
        var texts = new TreatyTextOptions(forEveryFormat: false);
        var perspective = new Option<string>("--perspective", "-p") { Description = "The party whose policy space the draft assesses.", HelpName = "party" };
        var command = new Command("import", "Turn a treaty text (plain text, Word .docx, ToTA XML) into a draft: chapters, articles, titles, annexes and footnotes, with the agreement's name, parties and date where the text states them. `check` reads these formats directly too.");
        command.Arguments.Add(path);
        command.Options.Add(output);
        command.Options.Add(id);
        command.Options.Add(name);
        command.Options.Add(signed);
        texts.AddTo(command);
        command.Options.Add(perspective);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var given = parse.GetValue(path)!;
            var file = environment.Resolve(given);
            if (!File.Exists(file))
            {
                stderr.WriteLine($"policy-check: error: no such file '{given}'.");
                return ExitCodes.Error;
            }

            if (parse.GetValue(signed) is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", out _))
            {
                stderr.WriteLine($"policy-check: error: --signed '{date}' is not a date written YYYY-MM-DD.");
                return ExitCodes.Error;
            }

            var options = texts.ImportOptions(parse);
            options.AgreementId = parse.GetValue(id);
            options.AgreementName = parse.GetValue(name);
            options.Signed = parse.GetValue(signed);
            options.Perspective = parse.GetValue(perspective);

            TreatyImport imported;
            using (var stream = File.OpenRead(file))
            {
                imported = new TreatyImporter(options).Import(stream, given.Replace('\\', '/'));
            }

            foreach (var diagnostic in imported.Diagnostics)
            {
                stderr.WriteLine(diagnostic.ToString());
            }

            if (imported.HasErrors)
            {
                stderr.WriteLine($"policy-check: error: {given} was not imported.");
                return ExitCodes.Error;
            }

            var json = imported.ToJson();
            if (parse.GetValue(output) is { } target)
            {
                environment.WriteFile(target, json);
            }
            else
            {
                stdout.Write(json);
            }

            var agreement = imported.Agreement!;
            stderr.WriteLine(
                $"Imported {imported.Clauses.Count} clause{(imported.Clauses.Count == 1 ? "" : "s")} from {given} ({imported.Format}): " +
                $"'{agreement.Name}', parties {string.Join(", ", agreement.Parties)}{(agreement.Signed is null ? ", no date of signature found" : $", signed {agreement.Signed}")}" +
                $"{(parse.GetValue(output) is { } o ? $"; written to {o}" : "")}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
