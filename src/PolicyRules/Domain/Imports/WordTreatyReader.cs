using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyRules.Domain.Imports;

/// <summary>
/// Reads a Word document (.docx) into paragraphs, in document order, tables included. Automatic
/// numbering is written out ("Article 3", "1.", "(a)") so headings numbered by Word are found; the
/// footnotes and endnotes a paragraph refers to travel with it. The line of a paragraph is its
/// number in the document.
/// </summary>
internal static class WordTreatyReader
{
    /// <summary>Reads the paragraphs; throws <see cref="InvalidDataException"/> (or an Open XML exception) when the file is no readable .docx.</summary>
    public static IReadOnlyList<TreatyParagraph> Read(Stream stream)
    {
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new InvalidDataException("the document has no body");
        var notes = Notes(document.MainDocumentPart!);
        var numbering = new WordNumbering(document.MainDocumentPart!.NumberingDefinitionsPart?.Numbering, document.MainDocumentPart.StyleDefinitionsPart?.Styles);
        var paragraphs = new List<TreatyParagraph>();
        var number = 0;
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            number++;
            var text = new StringBuilder(numbering.Label(paragraph));
            var references = new List<string>();
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case Text t:
                        text.Append(t.Text);
                        break;
                    case TabChar or Break or CarriageReturn:
                        text.Append(' ');
                        break;
                    case FootnoteReference f when f.Id?.Value is { } id && notes.TryGetValue(("footnote", id), out var footnote):
                        references.Add(footnote);
                        break;
                    case EndnoteReference e when e.Id?.Value is { } id && notes.TryGetValue(("endnote", id), out var endnote):
                        references.Add(endnote);
                        break;
                }
            }

            var collapsed = PlainTextTreatyReader.Collapse(text.ToString());
            if (collapsed.Length > 0 || references.Count > 0)
            {
                paragraphs.Add(new TreatyParagraph(collapsed, number, references.Count > 0 ? references : null));
            }
        }

        return paragraphs;
    }

    private static Dictionary<(string, long), string> Notes(MainDocumentPart main)
    {
        var notes = new Dictionary<(string, long), string>();
        foreach (var note in main.FootnotesPart?.Footnotes?.Elements<Footnote>() ?? [])
        {
            if (note.Id?.Value is { } id && Text(note) is { Length: > 0 } text)
            {
                notes[("footnote", id)] = text;
            }
        }

        foreach (var note in main.EndnotesPart?.Endnotes?.Elements<Endnote>() ?? [])
        {
            if (note.Id?.Value is { } id && Text(note) is { Length: > 0 } text)
            {
                notes[("endnote", id)] = text;
            }
        }

        return notes;
    }

    private static string Text(DocumentFormat.OpenXml.OpenXmlElement element) =>
        PlainTextTreatyReader.Collapse(string.Join(" ", element.Descendants<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text)))));

    /// <summary>
    /// Word's automatic numbering, counted as Word counts it: per list, per level, deeper levels
    /// restarting. A paragraph is numbered directly or through its style (a "Heading 2" linked to a
    /// list, as legal templates number their articles), the style's own or one it is based on.
    /// </summary>
    private sealed class WordNumbering(Numbering? numbering, Styles? styles)
    {
        private readonly Dictionary<int, int[]> _counters = [];

        public string Label(Paragraph paragraph)
        {
            var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            var properties = paragraph.ParagraphProperties?.NumberingProperties ?? StyleNumbering(styleId);
            if (numbering is null || properties?.NumberingId?.Val?.Value is not { } numId || numId == 0)
            {
                return "";
            }

            var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var definition = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            var levels = definition?.Elements<Level>().ToArray() ?? [];
            // A style-linked paragraph takes the level whose pStyle names its style, when the style gives none.
            var levelIndex = properties.NumberingLevelReference?.Val?.Value
                ?? Math.Max(0, Array.FindIndex(levels, l => styleId is not null && l.ParagraphStyleIdInLevel?.Val?.Value == styleId));
            if (levelIndex < 0 || levelIndex >= levels.Length || levelIndex > 8)
            {
                return "";
            }

            if (!_counters.TryGetValue(numId, out var counters))
            {
                counters = _counters[numId] = new int[9];
                for (var i = 0; i < 9; i++)
                {
                    counters[i] = (i < levels.Length ? levels[i].StartNumberingValue?.Val?.Value ?? 1 : 1) - 1;
                }
            }

            counters[levelIndex]++;
            for (var deeper = levelIndex + 1; deeper < 9; deeper++)
            {
                counters[deeper] = (deeper < levels.Length ? levels[deeper].StartNumberingValue?.Val?.Value ?? 1 : 1) - 1;
            }

            var pattern = levels[levelIndex].LevelText?.Val?.Value ?? "";
            var label = new StringBuilder(pattern);
            for (var i = 0; i <= levelIndex && i < levels.Length; i++)
            {
                label.Replace("%" + (i + 1).ToString(CultureInfo.InvariantCulture), Format(counters[i], levels[i].NumberingFormat?.Val?.InnerText));
            }

            return label.Length == 0 ? "" : label.Append(' ').ToString();
        }

        /// <summary>The numbering a paragraph style gives, following its "based on" chain (a few steps at most).</summary>
        private NumberingProperties? StyleNumbering(string? styleId)
        {
            for (var depth = 0; styleId is not null && styles is not null && depth < 10; depth++)
            {
                var style = styles.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
                if (style?.StyleParagraphProperties?.NumberingProperties is { } own)
                {
                    return own;
                }

                styleId = style?.BasedOn?.Val?.Value;
            }

            return null;
        }

        private static string Format(int value, string? format) => format switch
        {
            "lowerLetter" => Letter(value).ToLowerInvariant(),
            "upperLetter" => Letter(value),
            "lowerRoman" => Roman(value).ToLowerInvariant(),
            "upperRoman" => Roman(value),
            "bullet" or "none" => "",
            _ => value.ToString(CultureInfo.InvariantCulture),
        };

        private static string Letter(int value) => value < 1 ? "" : new string((char)('A' + ((value - 1) % 26)), ((value - 1) / 26) + 1);

        private static string Roman(int value)
        {
            var result = new StringBuilder();
            foreach (var (n, s) in (ReadOnlySpan<(int, string)>)[(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")])
            {
                for (; value >= n; value -= n)
                {
                    result.Append(s);
                }
            }

            return result.ToString();
        }
    }
}
