using System.Globalization;
using System.Text;

namespace PolicyRules.Domain.Imports;

/// <summary>
/// Cuts the paragraphs of a treaty text into clauses: what comes before the first heading is the
/// title and preamble; each article heading opens a clause that runs to the next heading, with its
/// numbered paragraphs and footnotes; chapter headings name the chapter; each annex is a clause of
/// its own (articles inside an annex are named after it).
/// </summary>
internal sealed class ArticleSegmenter
{
    private readonly List<ImportedClause> _clauses = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private Open? _open;
    private string? _chapter;
    private string? _annex;
    private int _headings;
    private bool _closing;

    /// <summary>The paragraphs before the first heading (title, parties, preamble).</summary>
    public List<TreatyParagraph> Front { get; } = [];

    /// <summary>The closing formulas and signatures ("In witness whereof… Done at…"): no clause, but they date the agreement.</summary>
    public List<TreatyParagraph> Closing { get; } = [];

    /// <summary>Whether any article, chapter or annex heading was found.</summary>
    public bool FoundStructure => _headings > 0;

    public IReadOnlyList<ImportedClause> Clauses => _clauses;

    public static ArticleSegmenter Segment(IReadOnlyList<TreatyParagraph> paragraphs)
    {
        var segmenter = new ArticleSegmenter();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            i = segmenter.Add(paragraphs, i);
        }

        segmenter.Close();
        return segmenter;
    }

    /// <summary>Takes paragraph i (and the next, when it is the title of a heading); returns the last index used.</summary>
    private int Add(IReadOnlyList<TreatyParagraph> paragraphs, int i)
    {
        var paragraph = paragraphs[i];
        var heading = TreatyHeadings.Match(paragraph.Text);
        if (heading is null)
        {
            if (_closing)
            {
                Closing.Add(paragraph);
            }
            else if (_open is null && _headings == 0)
            {
                Front.Add(paragraph);
            }
            else
            {
                (_open ??= new Open(NextId("Text"), _chapter, null, null, paragraph.Line)).Add(paragraph);
            }

            return i;
        }

        if (heading.Kind == TreatyHeadingKind.Testimonium)
        {
            Close();
            _closing = true;
            Closing.Add(paragraph);
            return i;
        }

        _closing = false;
        _headings++;
        var title = heading.Title;
        var used = i;
        // A short line under a bare heading is its title ("Article 9.2" / "National Treatment"); a
        // preamble has no title, and its first line ("Canada and the Republic of Peru") is its text.
        if (heading.Kind != TreatyHeadingKind.Preamble && title.Length == 0 && heading.Text.Length == 0
            && i + 1 < paragraphs.Count && TreatyHeadings.LooksLikeTitle(paragraphs[i + 1].Text))
        {
            title = paragraphs[i + 1].Text;
            used = i + 1;
        }

        var label = Label(heading);
        switch (heading.Kind)
        {
            case TreatyHeadingKind.Chapter:
                Close();
                _annex = null;
                _chapter = title.Length > 0 ? title : label;
                break;
            case TreatyHeadingKind.Section:
                // A section heading only groups articles; its words are not clause text.
                break;
            case TreatyHeadingKind.Preamble:
                Close();
                _open = new Open(NextId("Preamble"), "Preamble", null, null, paragraph.Line);
                break;
            case TreatyHeadingKind.Annex:
                Close();
                _annex = label;
                _open = new Open(NextId(label), _chapter, label, NullIfEmpty(title), paragraph.Line);
                break;
            case TreatyHeadingKind.Article:
                Close();
                var id = heading.Number.Length == 0 ? label : _annex is null ? heading.Number : $"{_annex}, {label}";
                _open = new Open(NextId(id), _annex ?? _chapter, label, NullIfEmpty(title), paragraph.Line);
                if (heading.Text.Length > 0)
                {
                    _open.Add(paragraph with { Text = heading.Text });
                }
                else if (paragraph.Notes is { Count: > 0 })
                {
                    _open.Add(paragraph with { Text = "" });
                }

                break;
        }

        return used;
    }

    /// <summary>"ARTICLE 9.2" → "Article 9.2"; "ANEXO I" → "Anexo I": the heading word in sentence case with its number.</summary>
    private static string Label(TreatyHeading heading)
    {
        var word = heading.Word.Length > 1 && heading.Word.All(c => !char.IsLetter(c) || char.IsUpper(c))
            ? heading.Word[0] + heading.Word[1..].ToLower(CultureInfo.InvariantCulture)
            : heading.Word;
        return heading.Number.Length == 0 ? word : $"{word} {heading.Number}";
    }

    private string NextId(string id)
    {
        // A repeated id (an annex restarting its numbering) gets "#n", as the corpus tools write it.
        var count = _ids[id] = _ids.GetValueOrDefault(id) + 1;
        return count == 1 ? id : string.Create(CultureInfo.InvariantCulture, $"{id}#{count}");
    }

    private void Close()
    {
        if (_open is not null)
        {
            _clauses.Add(_open.ToClause());
            _open = null;
        }
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>A clause being collected.</summary>
    private sealed class Open(string id, string? chapter, string? article, string? title, int line)
    {
        private readonly StringBuilder _text = new();
        private readonly List<string> _notes = [];

        public void Add(TreatyParagraph paragraph)
        {
            if (paragraph.Text.Length > 0)
            {
                _text.Append(_text.Length > 0 ? " " : "").Append(paragraph.Text);
            }

            _notes.AddRange(paragraph.Notes ?? []);
        }

        public ImportedClause ToClause()
        {
            // Footnotes go after the text they annotate, marked so a reader can tell them apart.
            foreach (var note in _notes)
            {
                _text.Append(_text.Length > 0 ? " " : "").Append("[Footnote: ").Append(note).Append(']');
            }

            // An article with no text of its own ("Article 7 [Deleted]" as a title) is kept, read as its title.
            var text = _text.Length > 0 ? _text.ToString() : title ?? article ?? id;
            return new ImportedClause(id, chapter, article, title, text, line);
        }
    }
}
