using Newtonsoft.Json.Linq;
using PolicyRules.Cli;

namespace PolicyRules.Cli.Tests;

/// <summary><c>diff</c> of two rounds, as an analyst compares what the other side sent back.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policy-diff-").FullName;
    private static readonly string Treaties = Path.Combine(CliRunner.RepositoryRoot, "src", "PolicyRules.Samples", "treaties");

    public DiffCommandTests()
    {
        File.Copy(Path.Combine(Treaties, "cpfta-round1.txt"), Path.Combine(_folder, "round1.txt"));
        File.Copy(Path.Combine(Treaties, "cpfta.txt"), Path.Combine(_folder, "round2.txt"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CliResult Run(params string[] args) =>
        CliRunner.Run(new CliEnvironment { WorkingDirectory = _folder, Today = new DateOnly(2025, 6, 1) }, args);

    [Fact]
    public void Diff_of_two_rounds_shows_the_exemption_the_analyst_added_and_what_it_mitigates()
    {
        var result = Run("diff", "round1.txt", "round2.txt");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        result.Output.Should().StartWith("round1.txt → round2.txt\n");
        result.Output.Should().Contain("round2  Canada–Peru Free Trade Agreement: conflict (unchanged)", "a text names no id: the file name is the id");
        result.Output.Should().MatchRegex(@"\n  1503 +partially-mitigated → mitigated\n +~ DUTY-001 no-permanent-etransmission-duty-ban  partially-mitigated → mitigated \(by 2205, 1503\)\n");
        result.Output.Should().MatchRegex(@"\n  2205 +added: supports\n");
        result.Output.Should().Contain("- CEX-001 cultural-exemption-present  resolved (was high open)");
        result.Output.Should().EndWith("0 conflicts added, 1 resolved, 1 changed.\n");
    }

    [Fact]
    public void Diff_reads_json_reports_as_rounds_and_writes_json_and_markdown()
    {
        Run("check", "round1.txt", "--format", "json", "-o", "r1.json").ExitCode.Should().NotBe(ExitCodes.Error);
        Run("check", "round2.txt", "--format", "json", "-o", "r2.json").ExitCode.Should().NotBe(ExitCodes.Error);

        var json = Run("diff", "r1.json", "r2.json", "--format", "json");
        var markdown = Run("diff", "r1.json", "round2.txt", "--format", "markdown", "-o", "out/diff.md");

        json.ExitCode.Should().Be(ExitCodes.Success, json.Error);
        var diff = JObject.Parse(json.Output);
        diff["summary"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be("""{"added":0,"resolved":1,"changed":1,"notCompared":0}""");
        diff["documents"]![0]!["clauses"]!.Select(c => $"{c["id"]} {c["change"]}").Should().Equal("(agreement) changed", "1503 changed", "2205 added");
        markdown.ExitCode.Should().Be(ExitCodes.Success, markdown.Error);
        File.ReadAllText(Path.Combine(_folder, "out", "diff.md")).Should().Contain("| 1503 | changed | partially-mitigated → mitigated | ~ `DUTY-001`");
    }

    [Fact]
    public void Diff_of_two_folders_pairs_the_briefs_by_agreement_and_does_not_count_a_dropped_one_as_resolved()
    {
        var drafts = Path.Combine(CliRunner.RepositoryRoot, "src", "PolicyRules.Samples", "drafts");
        Directory.CreateDirectory(Path.Combine(_folder, "r1"));
        Directory.CreateDirectory(Path.Combine(_folder, "r2", "nested"));
        File.Copy(Path.Combine(drafts, "ausfta-no-exemption.json"), Path.Combine(_folder, "r1", "ausfta.json"));
        File.Copy(Path.Combine(drafts, "cptpp-digital-trade.json"), Path.Combine(_folder, "r1", "cptpp.json"));
        var cptpp = JObject.Parse(File.ReadAllText(Path.Combine(drafts, "cptpp-digital-trade.json")));
        ((JArray)cptpp["clauses"]!).Add(new JObject { ["id"] = "29.4", ["text"] = "Nothing in this Agreement shall be construed to apply to measures adopted or maintained by a Party with respect to cultural industries." });
        File.WriteAllText(Path.Combine(_folder, "r2", "nested", "cptpp-round2.json"), cptpp.ToString());

        var result = Run("diff", "r1", "r2/", "--format", "json");

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        var diff = JObject.Parse(result.Output);
        diff["documents"]!.Select(d => $"{d["agreement"]} {d["verdictBefore"]} → {d["verdictAfter"]}").Should().Equal("cptpp conflict → conflict", "ausfta conflict → ");
        diff["documents"]![0]!["clauses"]!.Should().Contain(c => c["id"]!.Value<string>() == "29.4" && c["change"]!.Value<string>() == "added");
        diff["summary"]!["resolved"]!.Value<int>().Should().Be(1, "the exemption resolves the agreement's own finding");
        diff["summary"]!["notCompared"]!.Value<int>().Should().BeGreaterThan(0, "the brief left out of the second folder is not compared");
    }

    [Fact]
    public void Diff_of_something_that_is_neither_a_draft_nor_a_report_exits_2_saying_so()
    {
        File.WriteAllText(Path.Combine(_folder, "notes.json"), """{ "title": "my notes" }""");

        var result = Run("diff", "notes.json", "round2.txt");
        var missing = Run("diff", "round1.txt", "round3.txt");

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("notes.json cannot be compared: it is neither a readable draft nor a JSON report of check");
        missing.ExitCode.Should().Be(ExitCodes.Error);
        missing.Error.Should().Contain("no such file or folder 'round3.txt'");
    }

    [Fact]
    public void Diff_with_a_clause_that_could_not_be_read_says_why_and_exits_2()
    {
        const string Round = """
            { "agreement": { "id": "a", "name": "A", "parties": [ { "code": "CAN" } ] },
              "clauses": [ { "id": "1", "text": "Each Party shall accord national treatment." }{{more}} ] }
            """;
        File.WriteAllText(Path.Combine(_folder, "a1.json"), Round.Replace("{{more}}", "", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_folder, "a2.json"), Round.Replace("{{more}}", """, { "id": "2", "text": "x", "sectors": "music" }""", StringComparison.Ordinal));

        var result = Run("diff", "a1.json", "a2.json");

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("a2.json(2,123): error PR2003: 'sectors' must be a list of strings.");
        result.Output.Should().MatchRegex(@"\n  2 +added: error\n");
    }
}
