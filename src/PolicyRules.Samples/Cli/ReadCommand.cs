using System.CommandLine;
using PolicyRules.Analysis;
using PolicyRules.Domain;
using PolicyRules.Domain.Drafts;

namespace PolicyRules.Cli;

/// <summary><c>read</c>: how clause analysis reads a draft's clauses, before any rule.</summary>
internal static class ReadCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var path = new Argument<string>("draft") { Description = "A draft file (JSON, or a treaty text: .txt, .docx, ToTA .xml)." };
        var clause = new Option<string[]>("--clause") { Description = "Only these clause ids.", HelpName = "id", AllowMultipleArgumentsPerToken = true };
        var texts = new TreatyTextOptions();
        var command = new Command("read", "Show how clause analysis reads each clause: language, what it does, the lexicon terms found (+ engaged, - in a carve-out, @ only in the title of a cited provision), and what it cites.");
        command.Arguments.Add(path);
        command.Options.Add(clause);
        texts.AddTo(command);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var given = parse.GetValue(path)!;
            var file = environment.Resolve(given);
            if (!File.Exists(file))
            {
                stderr.WriteLine($"policy-check: error: no such draft '{given}'.");
                return ExitCodes.Error;
            }

            var draft = DraftFiles.Read(new DraftReader(), file, texts.ImportOptions(parse));
            foreach (var diagnostic in draft.Diagnostics)
            {
                stderr.WriteLine(diagnostic);
            }

            var wanted = parse.GetValue(clause) is { Length: > 0 } ids ? new HashSet<string>(ids, StringComparer.Ordinal) : null;
            var facts = new TextAnalyzer(EmbeddedLexicons.All).Analyze(draft);
            var cues = facts.OfType<TextCue>().ToLookup(c => c.Subject);
            foreach (var reading in facts.OfType<ClauseReading>().Where(r => wanted is null || wanted.Contains(r.Subject.Id)))
            {
                stdout.WriteLine($"{reading.Subject.Id}  [{reading.Language}] {reading.Function}");
                if (reading.Headings.Count > 0)
                {
                    stdout.WriteLine($"  title: {string.Join(", ", reading.Headings)}");
                }

                foreach (var cue in cues[reading.Subject])
                {
                    var found = string.Join(" | ", cue.Evidence.Select(e => e.Value));
                    stdout.WriteLine($"  {(cue.Cited ? "@" : cue.Excluded ? "-" : "+")} {cue.Name,-24} {found} (sentence {cue.Sentence})");
                }

                if (reading.References.Count + reading.ExternalReferences.Count > 0)
                {
                    stdout.WriteLine($"  cites: {string.Join(", ", reading.References)}{(reading.ExternalReferences.Count > 0 ? $"; outside the draft: {string.Join(", ", reading.ExternalReferences)}" : "")}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
