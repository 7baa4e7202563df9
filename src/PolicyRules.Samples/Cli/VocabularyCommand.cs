using System.CommandLine;
using PolicyRules.Domain.Drafts;

namespace PolicyRules.Cli;

/// <summary><c>vocabulary [field]</c>: the values drafts use (taxonomy.md), and the aliases the reader maps to them.</summary>
internal static class VocabularyCommand
{
    public static Command Create()
    {
        var vocabulary = DraftVocabulary.Default;
        var field = new Argument<string?>("field")
        {
            Description = $"One field: {string.Join(", ", vocabulary.Fields.Select(f => f.Name))} (a singular such as 'sector' will do). All when left out.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("vocabulary", "List the values of the draft fields that take a controlled vocabulary (kind, sectors, obligations, …), with the aliases read as them.");
        command.Arguments.Add(field);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var name = parse.GetValue(field);
            var fields = name is null ? vocabulary.Fields : Find(vocabulary, name) is { } one ? [one] : [];
            if (fields.Count == 0)
            {
                parse.InvocationConfiguration.Error.WriteLine($"policy-check: error: no field '{name}' in the vocabulary. Fields: {string.Join(", ", vocabulary.Fields.Select(f => f.Name))}.");
                return ExitCodes.Error;
            }

            foreach (var f in fields)
            {
                stdout.WriteLine($"{f.Name}: {f.Description}");
                stdout.WriteLine(TextLayout.Wrap(string.Join(", ", f.Values), 2));
                if (f.Aliases.Count > 0)
                {
                    stdout.WriteLine("  also read:");
                    stdout.WriteLine(TextLayout.Wrap(string.Join("; ", f.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} → {string.Join(", ", a.Value)}")), 4));
                }

                stdout.WriteLine();
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A field by its name, its last segment, or a singular of either (<c>sector</c>, <c>type</c>).</summary>
    private static VocabularyField? Find(DraftVocabulary vocabulary, string name) =>
        vocabulary.Field(name)
        ?? vocabulary.Fields.FirstOrDefault(f => string.Equals(f.Name, name + "s", StringComparison.OrdinalIgnoreCase) || string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? vocabulary.Fields.FirstOrDefault(f => f.Name.Split('.')[^1] is var last && (string.Equals(last, name, StringComparison.OrdinalIgnoreCase) || string.Equals(last, name + "s", StringComparison.OrdinalIgnoreCase)));
}
