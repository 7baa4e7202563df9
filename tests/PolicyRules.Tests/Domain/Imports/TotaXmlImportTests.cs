using System.Text;
using System.Xml.Linq;
using PolicyRules.Domain.Imports;

namespace PolicyRules.Tests.Domain.Imports;

public class TotaXmlImportTests
{
    private const string Treaty = """
        <?xml version="1.0" encoding="UTF-8"?>
        <treaty>
          <meta>
            <name>Chile - Peru</name>
            <date_signed>2006-08-22</date_signed>
            <parties_original><partyisocode n="1">CHL</partyisocode><partyisocode n="2">PER</partyisocode></parties_original>
            <parties><partyisocode n="1"/></parties>
            <language>es</language>
          </meta>
          <body>
            <chapter name="Preámbulo" chapter_identifier="1">
              <article article_identifier="1">La República de Chile y la República del Perú</article>
            </chapter>
            <chapter name="Comercio de Servicios" chapter_identifier="2">
              <article number="ARTÍCULO 11.2" name="Trato Nacional" article_identifier="2">Cada Parte otorgará <b>trato</b> nacional.</article>
              <article number="Artículo 11.3" article_identifier="3">   </article>
              <article number="ARTÍCULO 11.2" article_identifier="4">Repetido.</article>
            </chapter>
          </body>
        </treaty>
        """;

    private static TreatyImport Import(string xml, string name = "pta_99.xml") =>
        new TreatyImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(xml)), name);

    [Fact]
    public void Reads_the_corpus_structure_with_the_ids_its_labels_use()
    {
        var import = Import(Treaty);

        import.Agreement.Should().BeEquivalentTo(new { Id = "pta_99", Name = "Chile - Peru", Signed = "2006-08-22", Parties = new[] { "CHL", "PER" }, Language = "es" });
        import.Clauses.Select(c => (c.Id, c.Chapter, c.Title, c.Text)).Should().Equal(
            ("1", "Preámbulo", null, "La República de Chile y la República del Perú"),
            ("11.2", "Comercio de Servicios", "Trato Nacional", "Cada Parte otorgará trato nacional."),
            ("11.2#4", "Comercio de Servicios", null, "Repetido."));
        import.Clauses[1].Line.Should().Be(15);
    }

    [Fact]
    public void Malformed_xml_and_xml_of_another_shape_are_located_errors()
    {
        var malformed = Import("<treaty>\n<meta>\n</treaty>");
        var other = Import("<html><body/></html>");

        malformed.Diagnostics.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = ImportDiagnosticCodes.Unreadable, Line = 3 });
        other.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("<treaty>");
    }

    [CorpusFact]
    public void Every_article_of_the_corpus_with_text_is_kept()
    {
        var files = Directory.GetFiles(SharedCorpus.Xml, "*.xml");
        var articles = 0;
        var clauses = 0;
        foreach (var file in files)
        {
            var import = new TreatyImporter().Import(file);
            import.HasErrors.Should().BeFalse($"{file}: {string.Join("; ", import.Diagnostics)}");
            import.Clauses.Select(c => c.Id).Should().OnlyHaveUniqueItems();
            articles += XDocument.Load(file).Descendants("article").Count(a => !string.IsNullOrWhiteSpace(a.Value));
            clauses += import.Clauses.Count;
        }

        files.Should().HaveCountGreaterThan(400);
        clauses.Should().Be(articles);
    }
}
