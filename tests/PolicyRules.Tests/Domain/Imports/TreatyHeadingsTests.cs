using PolicyRules.Domain.Imports;

namespace PolicyRules.Tests.Domain.Imports;

public class TreatyHeadingsTests
{
    [Theory]
    [InlineData("ARTICLE 9.2", "Article", "9.2", "")]
    [InlineData("Article 22.6: Cultural Industries", "Article", "22.6", "Cultural Industries")]
    [InlineData("Article 1503 - Customs Duties", "Article", "1503", "Customs Duties")]
    [InlineData("Artículo 1º", "Article", "1", "")]
    [InlineData("ARTÍCULO 4 – Definiciones", "Article", "4", "Definiciones")]
    [InlineData("Article premier", "Article", "1", "")]
    [InlineData("Article 1er", "Article", "1", "")]
    [InlineData("ARTICLE 1ER - Objet", "Article", "1", "Objet")]
    [InlineData("Article 1re", "Article", "1", "")]
    [InlineData("Article 3 bis", "Article", "3 bis", "")]
    [InlineData("Art. 12. Transparence", "Article", "12", "Transparence")]
    [InlineData("ARTICLE - 1: Definitions", "Article", "1", "Definitions")]
    [InlineData("ARTICLE: 1.1", "Article", "1.1", "")]
    [InlineData("Article G-01: Definitions", "Article", "G-01", "Definitions")]
    [InlineData("ARTICLE ONE", "Article", "1", "")]
    [InlineData("Artículo Segundo", "Article", "2", "")]
    [InlineData("Article 20.4 (Disclosure of Information)", "Article", "20.4", "(Disclosure of Information)")]
    [InlineData("CHAPTER TWENTY-TWO", "Chapter", "22", "")]
    [InlineData("Capítulo III: Comercio Transfronterizo de Servicios", "Chapter", "III", "Comercio Transfronterizo de Servicios")]
    [InlineData("Chapitre 8", "Chapter", "8", "")]
    [InlineData("Section B", "Section", "B", "")]
    [InlineData("ANNEX I", "Annex", "I", "")]
    [InlineData("Annexe 9-A : Réserves", "Annex", "9-A", "Réserves")]
    [InlineData("ANEXO", "Annex", "", "")]
    [InlineData("PRÉAMBULE", "Preamble", "", "")]
    [InlineData("IN WITNESS WHEREOF, the undersigned have signed this Agreement.", "Testimonium", "", "")]
    [InlineData("EN FE DE LO CUAL, los infrascritos firman el presente Tratado.", "Testimonium", "", "")]
    public void Reads_headings_in_english_spanish_and_french(string line, string kind, string number, string title)
    {
        var heading = TreatyHeadings.Match(line);

        heading.Should().NotBeNull();
        heading!.Kind.ToString().Should().Be(kind);
        heading.Number.Should().Be(number);
        heading.Title.Should().Be(title);
    }

    [Theory]
    [InlineData("Article 5 shall apply mutatis mutandis to the measures of regional governments.")]
    [InlineData("Part of the costs shall be borne by the requesting Party.")]
    [InlineData("Annex I to this Agreement sets out the schedules.")]
    [InlineData("Chapter 9 applies to measures affecting investors.")]
    [InlineData("Articles 3 and 4 do not apply.")]
    [InlineData("Article 2, paragraph 1 of the Agreement shall be amended and reads:")]
    [InlineData("Article 20.4 (Disclosure of Information) does not apply to this Chapter.")]
    [InlineData("Annex O-06 applies to the Parties with respect to cultural industries.")]
    [InlineData("Annex 10-F (Panama Canal Authority) sets out additional provisions.")]
    [InlineData("1. Each Party shall accord national treatment.")]
    public void A_sentence_that_starts_with_a_heading_word_is_not_a_heading(string line) =>
        TreatyHeadings.Match(line).Should().BeNull();

    [Fact]
    public void Text_on_the_heading_line_that_reads_as_a_sentence_is_the_article_text_not_its_title()
    {
        var heading = TreatyHeadings.Match("Article 3: Each Party shall accord to services and service suppliers of the other Party treatment no less favourable than that it accords to its own.");

        heading!.Title.Should().BeEmpty();
        heading.Text.Should().StartWith("Each Party shall accord");
    }
}
