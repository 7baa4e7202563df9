using PolicyRules.Checking;
using PolicyRules.Checking.Report;
using PolicyRules.Domain.Drafts;
using PolicyRules.Domain.Imports;
using PolicyRules.Tests.Language;

namespace PolicyRules.Tests.Domain.Imports;

/// <summary>
/// The bundled Canada–Peru excerpt as an analyst receives it — plain text, and the same text as a
/// Word document — checks as the bundled JSON draft does.
/// </summary>
public class ImportedReportTests
{
    private static readonly string Samples = Path.Combine(RepositoryFiles.Root, "src", "PolicyRules.Samples");
    private static readonly PolicyChecker Checker = new();

    [Fact]
    public void The_text_and_the_word_version_of_a_bundled_agreement_report_as_its_json_draft_does()
    {
        var textPath = Path.Combine(Samples, "treaties", "cpfta.txt");
        var fromJson = Checker.Check(new DraftReader().ReadFile(Path.Combine(Samples, "drafts", "cpfta-ecommerce.json")));
        var fromText = Checker.Check(new TreatyImporter().Import(textPath).ToDraft());
        var fromWord = Checker.Check(new TreatyImporter().Import(new MemoryStream(WordDocuments.FromText(File.ReadAllText(textPath))), "cpfta.docx").ToDraft());

        foreach (var imported in new[] { fromText, fromWord })
        {
            imported.Agreement.Should().BeEquivalentTo(fromJson.Agreement, o => o.Excluding(a => a!.Location));
            Clauses(imported).Should().Equal(Clauses(fromJson));

            // The JSON draft's analyst also recorded that the agreement's preamble echoes the
            // Convention's concepts (conventionReference), which the excerpt's text does not
            // hold: the only finding the text cannot give is that flag's absence.
            Findings(imported).Should().Equal([.. Findings(fromJson), "CONV-001 convention-reference open low"]);
        }
    }

    private static IEnumerable<string> Clauses(DocumentReport report) =>
        report.Clauses.Select(c => $"{c.Id} {c.Verdict}: " + string.Join("; ", c.Conflicts.Select(k =>
            $"{k.Principle} {k.Status} {k.Severity} by {string.Join(",", k.Mitigations.Select(m => $"{m.By}/{m.Rule}/{m.Extent}"))}")));

    private static IEnumerable<string> Findings(DocumentReport report) =>
        report.Findings.Select(f => $"{f.Rule} {f.Principle} {f.Status} {f.Severity}");
}
