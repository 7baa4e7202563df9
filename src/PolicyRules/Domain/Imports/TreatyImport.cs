using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyRules.Diagnostics;
using PolicyRules.Domain.Drafts;

namespace PolicyRules.Domain.Imports;

/// <summary>
/// A treaty text read into the draft format: the agreement, its clauses with where each starts in
/// the source, and what the import found wrong. Write it with <see cref="ToJson"/>, or check it
/// directly with <see cref="ToDraft"/>.
/// </summary>
public sealed class TreatyImport
{
    internal TreatyImport(string? path, string format, ImportedAgreement? agreement, IReadOnlyList<ImportedClause> clauses, IReadOnlyList<Diagnostic> diagnostics, string? perspective)
    {
        Path = path;
        Format = format;
        Agreement = agreement;
        Clauses = clauses;
        Diagnostics = diagnostics;
        Perspective = perspective;
    }

    /// <summary>The file read, or null.</summary>
    public string? Path { get; }

    /// <summary>How it was read: <c>text</c>, <c>docx</c> or <c>tota-xml</c>.</summary>
    public string Format { get; }

    /// <summary>The agreement; null when the file could not be read or its parties are unknown.</summary>
    public ImportedAgreement? Agreement { get; }

    /// <summary>The clauses in source order.</summary>
    public IReadOnlyList<ImportedClause> Clauses { get; }

    /// <summary>What the import found: errors (nothing to check), warnings and notes.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The assessed party given in the options, or null.</summary>
    public string? Perspective { get; }

    /// <summary>True when the import cannot give a draft (see <see cref="Diagnostics"/>).</summary>
    public bool HasErrors => Agreement is null || Diagnostics.Any(d => d.IsError);

    /// <summary>The draft as JSON in the format of DRAFT-FORMAT.md, indented; the same input gives the same bytes.</summary>
    public string ToJson()
    {
        if (HasErrors)
        {
            throw new InvalidOperationException("The import has errors and gives no draft: " + string.Join(" ", Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
        }

        return Build().ToString(Formatting.Indented) + "\n";
    }

    /// <summary>
    /// The draft, read as <paramref name="reader"/> reads drafts, with this import's diagnostics
    /// first and every position pointing into the source file. A failed import gives a draft with
    /// no agreement whose diagnostics say why.
    /// </summary>
    public Draft ToDraft(DraftReader? reader = null)
    {
        reader ??= new DraftReader();
        return HasErrors
            ? DraftReader.Unreadable(Path, Diagnostics)
            : reader.ReadBuilt(Build(), Path, Diagnostics);
    }

    private JObject Build()
    {
        var agreement = Agreement!;
        var parties = new JArray(agreement.Parties.Select(p =>
        {
            var (code, status) = PartyStatus(p);
            return new JObject { ["code"] = code, ["status"] = status };
        }));
        var head = new JObject
        {
            ["id"] = agreement.Id,
            ["name"] = agreement.Name,
            ["type"] = agreement.Type,
        };
        if (agreement.Signed is not null)
        {
            head["signed"] = agreement.Signed;
        }

        head["parties"] = parties;
        head.AddAnnotation(new SourceLine(1));
        var draft = new JObject { ["agreement"] = head };
        if (Perspective is not null)
        {
            draft["perspective"] = Perspective;
        }

        draft["clauses"] = new JArray(Clauses.Select(c =>
        {
            var clause = new JObject { ["id"] = c.Id };
            Optional(clause, "chapter", c.Chapter);
            Optional(clause, "article", c.Article);
            Optional(clause, "title", c.Title);
            clause["text"] = c.Text;
            clause.AddAnnotation(new SourceLine(c.Line));
            return clause;
        }));
        return draft;
    }

    /// <summary>"PER:developing" → (PER, developing); "PER" → its status in the table, developing when unknown.</summary>
    internal static (string Code, string Status) PartyStatus(string party)
    {
        var colon = party.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            ? (party[..colon], party[(colon + 1)..])
            : (party, CountryNames.Default.StatusOf(party) ?? "developing");
    }

    private static void Optional(JObject obj, string name, string? value)
    {
        if (value is not null)
        {
            obj[name] = value;
        }
    }
}
