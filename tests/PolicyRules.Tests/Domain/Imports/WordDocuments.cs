using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyRules.Tests.Domain.Imports;

/// <summary>Writes real Word documents (.docx) for the import tests: paragraphs, automatic numbering, footnotes.</summary>
internal static class WordDocuments
{
    /// <summary>
    /// One paragraph: its text, whether Word numbers it as "Article N" (the automatic list), the
    /// footnote it refers to, and its style ("ArticleTitle" is linked to the list; "LegalHeading" is
    /// based on it, so numbered through it).
    /// </summary>
    public sealed record Line(string Text, bool NumberedArticle = false, string? Footnote = null, string? Style = null);

    public static byte[] Create(IEnumerable<Line> lines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "Article %1" }) { LevelIndex = 0 })
                { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
            var footnotes = main.AddNewPart<FootnotesPart>();
            footnotes.Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "Article Title" }, new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = 1 }))) { Type = StyleValues.Paragraph, StyleId = "ArticleTitle" },
                new Style(new StyleName { Val = "Legal Heading" }, new BasedOn { Val = "ArticleTitle" }) { Type = StyleValues.Paragraph, StyleId = "LegalHeading" });
            var body = new Body();
            long nextNote = 1;
            foreach (var line in lines)
            {
                var paragraph = new Paragraph();
                if (line.NumberedArticle)
                {
                    paragraph.ParagraphProperties = new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 }));
                }
                else if (line.Style is not null)
                {
                    paragraph.ParagraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = line.Style });
                }

                paragraph.AppendChild(new Run(new Text(line.Text) { Space = SpaceProcessingModeValues.Preserve }));
                if (line.Footnote is not null)
                {
                    var id = nextNote++;
                    footnotes.Footnotes.AppendChild(new Footnote(new Paragraph(new Run(new Text(line.Footnote)))) { Id = id });
                    paragraph.AppendChild(new Run(new FootnoteReference { Id = id }));
                }

                body.AppendChild(paragraph);
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>A plain-text treaty as a Word document: one paragraph per paragraph of the text (blank-line separated, lines joined).</summary>
    public static byte[] FromText(string text) =>
        Create(text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => new Line(string.Join(" ", p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))));
}
