using System.Text;

namespace PolicyRules.Domain.Imports;

/// <summary>
/// Reads a plain-text treaty into paragraphs. A text with blank lines between its paragraphs is read
/// as wrapped by hand: a blank line ends a paragraph, and a line continues the one before unless it
/// is a heading, the title under a heading, or opens a numbered paragraph ("1.", "(a)"). A text
/// without blank lines has one paragraph per line.
/// </summary>
internal static class PlainTextTreatyReader
{
    public static IReadOnlyList<TreatyParagraph> Read(string text)
    {
        var paragraphs = new List<TreatyParagraph>();
        var current = new StringBuilder();
        var start = 0;
        void Flush()
        {
            if (current.Length > 0)
            {
                paragraphs.Add(new TreatyParagraph(current.ToString(), start));
                current.Clear();
            }
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(Collapse).ToArray();
        var wrapped = lines.Count(l => l.Length == 0) * WrappedBlankShare >= lines.Count(l => l.Length > 0);
        var afterHeading = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            var heading = TreatyHeadings.Match(line);
            var alone = !wrapped || heading is not null || (afterHeading && TreatyHeadings.LooksLikeTitle(line));
            if (alone || TreatyHeadings.StartsNumberedParagraph(line))
            {
                Flush();
            }

            if (current.Length == 0)
            {
                start = i + 1;
            }

            current.Append(current.Length > 0 ? " " : "").Append(line);
            if (alone)
            {
                Flush();
            }

            afterHeading = heading is { Title.Length: 0, Text.Length: 0 };
        }

        Flush();
        return paragraphs;
    }

    /// <summary>One blank line per ten lines of text or more: paragraphs are separated by blank lines, their lines wrapped.</summary>
    private const int WrappedBlankShare = 10;

    /// <summary>Whitespace runs (tabs, no-break spaces) as one space, trimmed.</summary>
    internal static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
