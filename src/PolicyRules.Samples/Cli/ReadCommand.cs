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
            var wanted = parse.GetValue(clause) is { Length: > 0 } ids ? new HashSet<string>(ids, StringComparer.Ordinal) : null;
            var shown = draft.Clauses.Where(c => wanted is null || wanted.Contains(c.Id)).ToArray();

            // What could not be read is said, as check says it (the path as given), and fails the command.
            var diagnostics = draft.Diagnostics.Concat(shown.SelectMany(c => c.Diagnostics)).Select(d => d with { File = given }).ToArray();
            foreach (var diagnostic in diagnostics)
            {
                stderr.WriteLine(diagnostic);
            }

            var missing = wanted?.Where(id => !draft.Clauses.Any(c => c.Id == id)).Order(StringComparer.Ordinal).ToArray() ?? [];
            if (missing.Length > 0 && draft.Agreement is not null)
            {
                stderr.WriteLine($"policy-check: error: no clause {string.Join(", ", missing.Select(id => $"'{id}'"))} in {given}. Clauses: {string.Join(", ", draft.Clauses.Select(c => c.Id))}.");
            }

            var facts = new TextAnalyzer(EmbeddedLexicons.All).Analyze(draft);
            var cues = facts.OfType<TextCue>().ToLookup(c => c.Subject);
            var readings = facts.OfType<ClauseReading>().ToDictionary(r => r.Subject);
            foreach (var shownClause in shown)
            {
                if (shownClause.Fact is not { } fact || !readings.TryGetValue(fact, out var reading))
                {
                    stdout.WriteLine($"{shownClause.Id}  not read: see its diagnostics");
                    continue;
                }

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
                    var cited = new[] { (reading.References, "in the draft"), (reading.ExternalReferences, "outside the draft") }
                        .Where(r => r.Item1.Count > 0)
                        .Select(r => $"{string.Join(", ", r.Item1)} ({r.Item2})");
                    stdout.WriteLine($"  cites: {string.Join("; ", cited)}");
                }
            }

            return diagnostics.Any(d => d.IsError) || missing.Length > 0 ? ExitCodes.Error : ExitCodes.Success;
        });
        return command;
    }
}
