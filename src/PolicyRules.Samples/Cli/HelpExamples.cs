using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace PolicyRules.Cli;

/// <summary>The default help of each command, followed by examples.</summary>
internal sealed class HelpExamples(HelpAction inner) : SynchronousCommandLineAction
{
    private static readonly Dictionary<string, string[]> Examples = new(StringComparer.Ordinal)
    {
        ["policy-check"] =
        [
            "policy-check check drafts/                       check every draft below drafts/",
            "policy-check check drafts/*.json --format sarif --output policy.sarif",
            "policy-check check treaty.docx --format html -o brief.html",
            "policy-check import treaty.docx -o treaty.json    a Word or text treaty as a draft",
            "policy-check diff round1.docx round2.docx         what changed between two rounds",
            "policy-check verify rules/tests                   run the rulebook's tests",
            "policy-check rules --principle no-culture-liberalisation",
            "policy-check explain LIB-001",
        ],
        ["check"] =
        [
            "policy-check check drafts/ckfta.json",
            "policy-check check drafts/ \"agreements/**/*.json\" --fail-on medium",
            "policy-check check drafts/ --format json --output report.json",
            "policy-check check treaty.docx \"texts/*.txt\"     treaty texts are imported on the way in",
            "policy-check check drafts/ --format html -o brief.html   one self-contained page for a brief",
            "policy-check check drafts/ --format github        (in GitHub Actions: annotations and a job summary)",
            "policy-check check drafts/ --waivers waivers.json --perspective CAN",
            "cat draft.json | policy-check check -",
            "policy-check check drafts/ --rules my-rules/ --no-default-rules",
        ],
        ["verify"] =
        [
            "policy-check verify                               run ./rules/tests",
            "policy-check verify rules/tests my-rules/tests --rules my-rules/ -v",
        ],
        ["rules"] =
        [
            "policy-check rules",
            "policy-check rules --principle no-culture-liberalisation",
            "policy-check rules --rules my-rules/",
        ],
        ["explain"] = ["policy-check explain LIB-001"],
        ["import"] =
        [
            "policy-check import treaty.docx -o treaty.json",
            "policy-check import treaty.txt --party CAN --party PER:developing --signed 2008-05-29",
            "policy-check import pta_1.xml                     a ToTA corpus treaty, to standard output",
        ],
        ["diff"] =
        [
            "policy-check diff round1.docx round2.docx",
            "policy-check diff before.json after.json --format markdown -o changes.md   (drafts or JSON reports)",
        ],
        ["schema"] =
        [
            "policy-check schema draft > draft.schema.json",
            "policy-check schema rules",
        ],
    };

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var result = inner.Invoke(parseResult);
        var command = parseResult.CommandResult.Command;
        var key = command is RootCommand ? "policy-check" : command.Name;
        if (Examples.TryGetValue(key, out var examples))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in examples)
            {
                output.WriteLine("  " + example);
            }

            output.WriteLine();
        }

        return result;
    }
}
