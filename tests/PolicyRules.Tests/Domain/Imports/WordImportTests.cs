using PolicyRules.Domain.Imports;
using static PolicyRules.Tests.Domain.Imports.WordDocuments;

namespace PolicyRules.Tests.Domain.Imports;

public class WordImportTests
{
    private static TreatyImport Import(byte[] bytes, string name = "treaty.docx") =>
        new TreatyImporter().Import(new MemoryStream(bytes), name);

    [Fact]
    public void Reads_articles_numbered_by_word_and_keeps_footnotes_with_their_article()
    {
        var import = Import(Create(
        [
            new("Agreement between the European Union and Japan for an Economic Partnership"),
            new("CHAPTER 8"),
            new("Trade in Services"),
            new("", NumberedArticle: true),
            new("Definitions"),
            new("1. For the purposes of this Chapter, audio-visual services means the services listed.", Footnote: "For greater certainty, audio-visual services include broadcasting."),
            new("", NumberedArticle: true),
            new("Market Access"),
            new("Neither Party shall adopt limitations on the number of service suppliers."),
        ]));

        import.HasErrors.Should().BeFalse(string.Join("; ", import.Diagnostics));
        import.Agreement.Should().BeEquivalentTo(new { Name = "Agreement between the European Union and Japan for an Economic Partnership", Type = "EPA", Parties = new[] { "EU", "JPN" } });
        import.Clauses.Select(c => (c.Id, c.Chapter, c.Title)).Should().Equal(("1", "Trade in Services", "Definitions"), ("2", "Trade in Services", "Market Access"));
        import.Clauses[0].Text.Should().Be("1. For the purposes of this Chapter, audio-visual services means the services listed. [Footnote: For greater certainty, audio-visual services include broadcasting.]");
        import.Clauses.Select(c => c.Line).Should().Equal([4, 7], "a Word document's positions are its paragraph numbers");
    }

    [Fact]
    public void Reads_articles_numbered_through_their_style_as_legal_templates_number_them()
    {
        var import = Import(Create(
        [
            new("Agreement between Canada and Chile"),
            new("Objectives", Style: "ArticleTitle"),
            new("The Parties establish a free trade area."),
            new("Definitions", Style: "LegalHeading"),
            new("Days means calendar days."),
        ]));

        import.Clauses.Select(c => (c.Id, c.Title, c.Text)).Should().Equal(
            ("1", "Objectives", "The Parties establish a free trade area."),
            ("2", "Definitions", "Days means calendar days."));
    }

    [Fact]
    public void A_corrupt_an_encrypted_and_an_empty_document_each_give_a_located_error()
    {
        var good = Create([new("Agreement between Chile and Peru"), new("Article 1"), new("Text.")]);
        byte[] compound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var truncated = Import(good[..(good.Length / 2)]);
        var encrypted = Import(compound);
        var empty = Import([]);
        var notZip = Import("just text"u8.ToArray());

        foreach (var failed in new[] { truncated, encrypted, empty, notZip })
        {
            failed.HasErrors.Should().BeTrue();
            failed.Diagnostics.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = ImportDiagnosticCodes.Unreadable, File = "treaty.docx" });
        }

        encrypted.Diagnostics[0].Message.Should().Contain("password-protected");
        empty.Diagnostics[0].Message.Should().Contain("empty");
        Import(good).HasErrors.Should().BeFalse();
    }

    [Fact]
    public void An_unsupported_extension_is_named_with_the_formats_that_are_read()
    {
        var import = new TreatyImporter().Import(new MemoryStream("x"u8.ToArray()), "treaty.pdf");

        import.Diagnostics.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = ImportDiagnosticCodes.UnsupportedFormat });
        import.Diagnostics[0].Message.Should().Contain(".docx");
    }
}
