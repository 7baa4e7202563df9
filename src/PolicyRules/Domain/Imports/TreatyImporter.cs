using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using PolicyRules.Diagnostics;

namespace PolicyRules.Domain.Imports;

/// <summary>
/// Turns a treaty as analysts receive it — plain text, a Word document, or ToTA XML — into a draft:
/// chapters, articles (Article/Artículo/Article N), titles, numbered paragraphs, annexes and
/// footnotes kept with their article; the agreement's name, parties and date where the text states
/// them. It never throws for bad input: an unreadable file, an unsupported format or a text that
/// names no party gives a located diagnostic, and a text without articles becomes one clause per
/// paragraph, with a warning.
/// </summary>
public sealed class TreatyImporter
{
    private readonly TreatyImportOptions _options;

    /// <summary>An importer; <paramref name="options"/> supply what the text may not state.</summary>
    public TreatyImporter(TreatyImportOptions? options = null) => _options = options ?? new TreatyImportOptions();

    /// <summary>The largest file imported, in bytes. Default 64 MiB.</summary>
    public long MaxFileBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>The file extensions imported: <c>.txt</c>, <c>.text</c>, <c>.docx</c>, <c>.xml</c>.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".txt", ".text", ".docx", ".xml"];

    /// <summary>True when the file's extension is one the importer reads.</summary>
    public static bool CanImport(string path) =>
        Extensions.Contains(System.IO.Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Imports a file, its format told by its extension.</summary>
    public TreatyImport Import(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var at = new SourceSpan(path, 0, 0);
        if (!CanImport(path))
        {
            return Unsupported(path);
        }

        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                return Failed(path, FormatOf(path), ImportDiagnosticCodes.Unreadable, at, $"The file is {length:N0} bytes; the limit is {MaxFileBytes:N0}.");
            }

            using var stream = File.OpenRead(path);
            return Import(stream, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(path, FormatOf(path), ImportDiagnosticCodes.Unreadable, at, $"Cannot read the file: {ex.Message}");
        }
    }

    /// <summary>Imports from a stream; <paramref name="path"/> tells the format by its extension and names the source in diagnostics.</summary>
    public TreatyImport Import(Stream stream, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var format = FormatOf(path);
        var at = new SourceSpan(path, 0, 0);
        if (format == "unknown")
        {
            return Unsupported(path);
        }

        var bytes = ReadAll(stream);
        if (bytes.Length > MaxFileBytes)
        {
            return Failed(path, format, ImportDiagnosticCodes.Unreadable, at, $"The file is {bytes.Length:N0} bytes; the limit is {MaxFileBytes:N0}.");
        }

        if (bytes.Length == 0 || (format == "text" && Encoding.UTF8.GetString(bytes).Trim().Length == 0))
        {
            return Failed(path, format, ImportDiagnosticCodes.Unreadable, at, "The file is empty: there is no treaty text to import.");
        }

        try
        {
            return format switch
            {
                "docx" => FromParagraphs(path, format, WordTreatyReader.Read(Docx(bytes, path))),
                "tota-xml" => FromXml(path, bytes),
                _ => FromParagraphs(path, format, PlainTextTreatyReader.Read(TextDecoding.Decode(bytes, out var legacy)), legacy),
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or XmlException or FileFormatException or InvalidOperationException)
        {
            var where = ex is XmlException xml ? new SourceSpan(path, xml.LineNumber, xml.LinePosition) : at;
            var what = format == "docx" ? "Word document" : format == "tota-xml" ? "ToTA XML treaty" : "text";
            return Failed(path, format, ImportDiagnosticCodes.Unreadable, where, $"Not a readable {what}: {ex.Message.TrimEnd('.')}.");
        }
    }

    /// <summary>Imports a treaty given as plain text.</summary>
    public TreatyImport ImportText(string text, string path = "treaty.txt")
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().Length == 0
            ? Failed(path, "text", ImportDiagnosticCodes.Unreadable, new SourceSpan(path, 0, 0), "The text is empty: there is no treaty text to import.")
            : FromParagraphs(path, "text", PlainTextTreatyReader.Read(text));
    }

    private TreatyImport Unsupported(string path) =>
        Failed(path, "unknown", ImportDiagnosticCodes.UnsupportedFormat, new SourceSpan(path, 0, 0), $"'{System.IO.Path.GetExtension(path)}' is not a format the importer reads; it reads {string.Join(", ", Extensions)} (a .json file is already a draft).");

    private TreatyImport Failed(string path, string format, string code, SourceSpan at, string message)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.Error(code, at, message);
        return new TreatyImport(path, format, null, [], diagnostics.Items, _options.Perspective);
    }

    private static string FormatOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".docx" => "docx",
        ".xml" => "tota-xml",
        ".txt" or ".text" => "text",
        _ => "unknown",
    };

    private static Stream Docx(byte[] bytes, string path)
    {
        // An encrypted Word file, like a Word 97-2003 .doc, is an OLE compound file, not a zip package.
        ReadOnlySpan<byte> compound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        if (bytes.AsSpan().StartsWith(compound))
        {
            throw new InvalidDataException($"{System.IO.Path.GetFileName(path)} is password-protected or a Word 97-2003 document; save it as an unprotected .docx");
        }

        if (bytes.Length < 4 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K')
        {
            throw new InvalidDataException("the file is not a .docx package (a .docx is a zip archive)");
        }

        return new MemoryStream(bytes, writable: false);
    }

    private TreatyImport FromXml(string path, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var (read, clauses) = TotaXmlTreatyReader.Read(stream, DefaultId(path));
        var diagnostics = new DiagnosticBag();
        var agreement = Resolve(read, path, diagnostics, new SourceSpan(path, 1, 1));
        return new TreatyImport(path, "tota-xml", agreement, clauses, diagnostics.Items, _options.Perspective);
    }

    private TreatyImport FromParagraphs(string path, string format, IReadOnlyList<TreatyParagraph> paragraphs, bool notUtf8 = false)
    {
        var diagnostics = new DiagnosticBag();
        if (notUtf8)
        {
            diagnostics.Warning(ImportDiagnosticCodes.NotUtf8, new SourceSpan(path, 1, 1), TextDecoding.LegacyMessage);
        }

        var start = new SourceSpan(path, paragraphs.Count > 0 ? paragraphs[0].Line : 1, 1);
        var segmented = ArticleSegmenter.Segment(paragraphs);
        var (name, titleParagraphs) = AgreementHeader.Title(segmented.Front);
        var clauses = segmented.Clauses.ToList();
        var front = segmented.Front.Skip(titleParagraphs).ToArray();
        if (!segmented.FoundStructure)
        {
            // No articles: each paragraph is a clause, numbered as it stands in the source.
            diagnostics.Warning(ImportDiagnosticCodes.NoArticles, start, "No article headings (Article N, Artículo N, Chapter N, Annex …) were found: each paragraph became a clause, its id its paragraph number.");
            clauses = front.Select((p, i) => new ImportedClause(string.Create(CultureInfo.InvariantCulture, $"p{i + 1}"), null, null, null, p.Text, p.Line)).ToList();
        }
        else if (front.Length > 0)
        {
            // What stands between the title and the first heading is the preamble.
            clauses.Insert(0, new ImportedClause("Preamble", "Preamble", null, null, string.Join(" ", front.Select(p => p.Text)), front[0].Line));
        }

        if (name is null && _options.AgreementName is null)
        {
            diagnostics.Add(ImportDiagnosticCodes.NoName, DiagnosticSeverity.Info, start, "No title naming an agreement was found at the top of the text; the agreement is named after the file (give --name to name it).");
        }

        var parties = AgreementHeader.Parties(name, segmented.Front, clauses);
        var signed = AgreementHeader.Signed(segmented.Closing, paragraphs);
        var read = new ImportedAgreement(DefaultId(path), name ?? DefaultId(path), AgreementHeader.TypeOf(_options.AgreementName ?? name), signed, parties);
        var agreement = Resolve(read, path, diagnostics, start);
        if (clauses.Count == 0)
        {
            diagnostics.Error(ImportDiagnosticCodes.Unreadable, start, "The text holds no clause text.");
        }

        return new TreatyImport(path, format, agreement, clauses, diagnostics.Items, _options.Perspective);
    }

    /// <summary>The agreement with the options applied; null (with an error) when no party is known.</summary>
    private ImportedAgreement? Resolve(ImportedAgreement read, string path, DiagnosticBag diagnostics, SourceSpan at)
    {
        var parties = _options.Parties.Count > 0 ? _options.Parties.ToArray() : read.Parties;
        foreach (var party in _options.Parties)
        {
            var (code, _) = TreatyImport.PartyStatus(party);
            if (!party.Contains(':', StringComparison.Ordinal) && CountryNames.Default.StatusOf(code) is null)
            {
                diagnostics.Add(ImportDiagnosticCodes.UnknownParty, DiagnosticSeverity.Info, at, $"The party '{code}' is not in the table of parties; its status is taken as developing (write {code}:developed to say otherwise).");
            }
        }

        if (parties.Count == 0)
        {
            diagnostics.Error(ImportDiagnosticCodes.NoParties, at, $"The text names no party the importer knows (in its title or preamble); give them: --party CAN --party PER on the command line, TreatyImportOptions.Parties in code (ISO 3166 alpha-3 codes, EU for the European Union).");
            return null;
        }

        if (parties.Count == 1 && _options.Parties.Count == 0)
        {
            // A principle owed by or to a party (preferential treatment, a party's own policy space)
            // cannot be judged with the others missing; the draft is still checked.
            diagnostics.Add(ImportDiagnosticCodes.OneParty, DiagnosticSeverity.Warning, at, $"The text names one party the importer knows ({parties[0]}), and a treaty has two or more; give them all: --party {parties[0]} --party … on the command line, TreatyImportOptions.Parties in code.");
        }

        return read with
        {
            Id = _options.AgreementId ?? read.Id,
            Name = _options.AgreementName ?? read.Name,
            Signed = _options.Signed ?? read.Signed,
            Parties = parties,
        };
    }

    /// <summary>The file name without its extension, as an id: "CETA final text.docx" → "ceta-final-text".</summary>
    private static string DefaultId(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var id = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                id.Append(c);
            }
            else if (id.Length > 0 && id[^1] != '-')
            {
                id.Append('-');
            }
        }

        return id.ToString().Trim('-') is { Length: > 0 } result ? result : "treaty";
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
