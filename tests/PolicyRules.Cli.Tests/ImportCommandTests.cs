using Newtonsoft.Json.Linq;
using PolicyRules.Cli;

namespace PolicyRules.Cli.Tests;

/// <summary><c>import</c>, and <c>check</c> of treaty texts, as an analyst runs them on what they receive.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policy-import-").FullName;
    private static readonly string Treaty = Path.Combine(CliRunner.RepositoryRoot, "src", "PolicyRules.Samples", "treaties", "cpfta.txt");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CliResult Run(params string[] args) =>
        CliRunner.Run(new CliEnvironment { WorkingDirectory = _folder, Today = new DateOnly(2025, 6, 1) }, args);

    [Fact]
    public void Import_prints_a_draft_and_says_what_it_read()
    {
        var result = Run("import", Treaty);

        result.ExitCode.Should().Be(ExitCodes.Success, result.Error);
        var draft = JObject.Parse(result.Output);
        draft["agreement"]!["parties"]!.Select(p => $"{p["code"]}:{p["status"]}").Should().Equal("CAN:developed", "PER:developing");
        draft["clauses"]!.Select(c => c["id"]!.ToString()).Should().Equal("1503", "2205");
        result.Error.Should().Contain("Imported 2 clauses").And.Contain("'Canada–Peru Free Trade Agreement', parties CAN, PER, signed 2008-05-29");
    }

    [Fact]
    public void Import_writes_the_draft_that_check_then_reads_without_a_warning()
    {
        var imported = Run("import", Treaty, "-o", "cpfta.json", "--perspective", "PER");
        var checkedDraft = Run("check", "cpfta.json", "--format", "json");

        imported.ExitCode.Should().Be(ExitCodes.Success, imported.Error);
        imported.Output.Should().BeEmpty();
        imported.Error.Should().Contain("written to cpfta.json");
        checkedDraft.Error.Should().NotContain("warning");
        var document = JObject.Parse(checkedDraft.Output)["documents"]![0]!;
        document["perspective"]!.ToString().Should().Be("PER");
        document["clauses"]!.Select(c => c["verdict"]!.ToString()).Should().Equal("mitigated", "supports");
    }

    [Fact]
    public void Import_without_a_known_party_exits_2_naming_the_option_and_takes_it_when_given()
    {
        File.WriteAllText(Path.Combine(_folder, "draft.txt"), "Agreement on Trade\n\nArticle 1\n\nThe Parties shall trade books.\n");

        var failed = Run("import", "draft.txt");
        var given = Run("import", "draft.txt", "--party", "CAN", "--party", "ATL:developing", "--signed", "2024-02-30");
        var dated = Run("import", "draft.txt", "--party", "CAN", "--party", "ATL:developing", "--signed", "2024-02-03", "--id", "atl-can");

        failed.ExitCode.Should().Be(ExitCodes.Error);
        failed.Output.Should().BeEmpty();
        failed.Error.Should().Contain("draft.txt(1,1): error PR7003:").And.Contain("--party CAN");
        given.ExitCode.Should().Be(ExitCodes.Error, "February has no 30th");
        given.Error.Should().Contain("--signed '2024-02-30'");
        dated.ExitCode.Should().Be(ExitCodes.Success, dated.Error);
        JObject.Parse(dated.Output)["agreement"]!.ToString(Newtonsoft.Json.Formatting.None)
            .Should().Be("""{"id":"atl-can","name":"Agreement on Trade","type":"FTA","signed":"2024-02-03","parties":[{"code":"CAN","status":"developed"},{"code":"ATL","status":"developing"}]}""");
    }

    [Fact]
    public void Check_why_read_and_diff_take_the_parties_of_a_text_that_names_none()
    {
        File.WriteAllText(
            Path.Combine(_folder, "draft.txt"),
            "Agreement on Trade\n\nArticle 1\n\nEach Party shall accord to audiovisual services and service suppliers of the other Party treatment no less favourable than that it accords to its own like services and service suppliers.\n");
        string[] parties = ["--party", "CAN", "--party", "ATL:developing"];

        var unnamed = Run("check", "draft.txt", "--format", "json");
        var named = Run(["check", "draft.txt", "--format", "json", .. parties]);
        var why = Run(["why", "draft.txt", "1", .. parties]);
        var read = Run(["read", "draft.txt", .. parties]);
        var diff = Run(["diff", "draft.txt", "draft.txt", .. parties]);

        unnamed.ExitCode.Should().Be(ExitCodes.Error);
        unnamed.Error.Should().Contain("draft.txt(1,1): error PR7003:").And.Contain("--party CAN");
        named.ExitCode.Should().Be(ExitCodes.Failed, named.Error);
        var document = JObject.Parse(named.Output)["documents"]![0]!;
        document["clauses"]!.Select(c => $"{c["id"]} {c["verdict"]}").Should().Equal("1 conflict");
        document["findings"]!.Select(f => (string)f["rule"]!).Should().Contain("PT-001", "a developing party given on the command line is owed preferential treatment");
        document["findings"]!.SelectMany(f => f["parties"]!.Select(p => (string)p!)).Distinct().Should().Equal("CAN", "ATL");
        why.ExitCode.Should().Be(ExitCodes.Success, why.Error);
        why.Output.Should().StartWith("Clause 1 of draft · all parties · verdict conflict");
        read.ExitCode.Should().Be(ExitCodes.Success, read.Error);
        read.Output.Should().StartWith("1  [en] obligation");
        diff.ExitCode.Should().Be(ExitCodes.Success, diff.Error);
        diff.Output.Should().Contain("no clause changed");
    }

    [Fact]
    public void Why_and_read_take_a_treaty_text_as_check_does()
    {
        var why = Run("why", Treaty, "1503");
        var read = Run("read", Treaty, "--clause", "2205");

        why.ExitCode.Should().Be(ExitCodes.Success, why.Error);
        why.Output.Should().StartWith("Clause 1503 of cpfta · all parties · verdict mitigated");
        read.ExitCode.Should().Be(ExitCodes.Success, read.Error);
        read.Output.Should().StartWith("2205  [en]");
    }

    [Fact]
    public void Check_of_a_folder_of_treaty_texts_says_how_to_name_them()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "texts"));
        File.Copy(Treaty, Path.Combine(_folder, "texts", "cpfta.txt"));

        var folder = Run("check", "texts");
        var pattern = Run("check", "texts/*.txt");

        folder.ExitCode.Should().Be(ExitCodes.Error);
        folder.Error.Should().Contain("texts: the folder holds no *.json draft, but treaty texts (.txt): name them, or give a pattern such as \"texts/*.txt\"");
        folder.Output.Should().Contain("FAIL: no draft was checked.").And.NotContain("PASS", "a run that checked nothing does not pass");
        pattern.ExitCode.Should().Be(ExitCodes.Success, pattern.Error);
        pattern.Output.Should().Contain("Canada–Peru Free Trade Agreement");
    }

    [Fact]
    public void Check_reads_a_treaty_text_directly_and_a_broken_one_is_an_error_document_beside_the_others()
    {
        File.Copy(Treaty, Path.Combine(_folder, "cpfta.txt"));
        File.WriteAllBytes(Path.Combine(_folder, "broken.docx"), [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);

        var result = Run("check", "cpfta.txt", "broken.docx", "--format", "json");

        result.ExitCode.Should().Be(ExitCodes.Error, "an input could not be read");
        result.Error.Should().Contain("broken.docx(0,0): error PR7002: Not a readable Word document");
        var documents = JObject.Parse(result.Output)["documents"]!;
        documents.Select(d => $"{d["path"]} {d["verdict"]}").Should().Equal("broken.docx error", "cpfta.txt conflict");
        documents[1]!["clauses"]!.Select(c => (int)c["location"]!["line"]!).Should().Equal([6, 20], "positions point into the text itself");
    }
}
