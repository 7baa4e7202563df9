using System.CommandLine;
using PolicyRules.Domain.Imports;

namespace PolicyRules.Cli;

/// <summary>
/// What a command that reads treaty texts (<c>import</c>, and <c>check</c>, <c>read</c>, <c>why</c> and
/// <c>diff</c>, which import them on the way in) can give in place of what a text states: its
/// parties, which a text may not name in a form the importer knows (PR7003, PR7007), and without
/// which no principle owed to a party can be judged.
/// </summary>
/// <param name="forEveryFormat">True where the command reads JSON drafts too, which keep their own parties.</param>
internal sealed class TreatyTextOptions(bool forEveryFormat = true)
{
    private const string Party = "a party, in place of those the text names: an ISO 3166 alpha-3 code (EU for the European Union), optionally with its status (PER:developing). Repeat for each party.";

    public Option<string[]> Parties { get; } = new("--party")
    {
        Description = forEveryFormat ? $"For treaty texts (.txt, .docx, ToTA .xml): {Party} JSON drafts keep their own." : char.ToUpperInvariant(Party[0]) + Party[1..],
        HelpName = "code",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command) => command.Options.Add(Parties);

    /// <summary>The import options the command line gives.</summary>
    public TreatyImportOptions ImportOptions(ParseResult parse)
    {
        var options = new TreatyImportOptions();
        foreach (var party in parse.GetValue(Parties) ?? [])
        {
            options.Parties.Add(party.Trim());
        }

        return options;
    }
}
