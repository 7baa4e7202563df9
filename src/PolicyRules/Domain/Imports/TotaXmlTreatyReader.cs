using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace PolicyRules.Domain.Imports;

/// <summary>
/// Reads a treaty in the XML of the Texts of Trade Agreements corpus (ToTA: <c>treaty/meta</c>,
/// <c>treaty/body/chapter/article</c>). Its structure is explicit, so nothing is guessed: each
/// article with text is a clause, its id the article number without its heading word (else the
/// corpus's article identifier, "#identifier" added to a repeated one), as the corpus's labels use.
/// </summary>
internal static partial class TotaXmlTreatyReader
{
    /// <summary>The agreement's metadata and clauses; throws <see cref="XmlException"/> for malformed XML and <see cref="InvalidDataException"/> for XML of another shape.</summary>
    public static (ImportedAgreement Agreement, IReadOnlyList<ImportedClause> Clauses) Read(Stream stream, string defaultId)
    {
        var document = XDocument.Load(stream, LoadOptions.SetLineInfo);
        var root = document.Root;
        if (root?.Name.LocalName != "treaty" || root.Element("body") is not { } body)
        {
            throw new InvalidDataException($"the root element is <{root?.Name.LocalName}>; a ToTA treaty is <treaty> with <meta> and <body>");
        }

        var meta = root.Element("meta");
        // The original parties and today's, as the corpus lists them (an ended agreement lists only the first).
        var parties = meta?.Descendants("partyisocode")
            .Select(p => Norm(p.Value))
            .Where(p => p.Length > 0 && p != "?")
            .Distinct(StringComparer.Ordinal)
            .ToArray() ?? [];
        var name = Norm(meta?.Element("name")?.Value);
        if (parties.Length == 0)
        {
            parties = [.. CountryNames.Default.Find(name)];
        }

        var signed = Norm(meta?.Element("date_signed")?.Value);
        var agreement = new ImportedAgreement(
            defaultId,
            name.Length > 0 ? name : defaultId,
            AgreementHeader.TypeOf(name),
            signed.Length > 0 ? signed : null,
            parties,
            Norm(meta?.Element("language")?.Value) is { Length: > 0 } language ? language : null);

        var clauses = new List<ImportedClause>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in body.Descendants("article"))
        {
            var text = Norm(string.Concat(article.DescendantNodes().OfType<XText>().Select(t => t.Value)));
            if (text.Length == 0)
            {
                continue;
            }

            var identifier = (string?)article.Attribute("article_identifier") ?? "";
            var number = Norm((string?)article.Attribute("number"));
            var id = HeadingWord().Replace(number.Length > 0 ? number : identifier, "").Trim();
            if (id.Length == 0)
            {
                id = identifier;
            }

            if (!seen.Add(id))
            {
                id = id + "#" + identifier;
                seen.Add(id);
            }

            var chapter = Norm((string?)article.Ancestors("chapter").FirstOrDefault()?.Attribute("name"));
            var title = Norm((string?)article.Attribute("name"));
            clauses.Add(new ImportedClause(
                id,
                chapter.Length > 0 ? chapter : null,
                number.Length > 0 ? number : null,
                title.Length > 0 ? title : null,
                text,
                ((IXmlLineInfo)article).LineNumber));
        }

        return (agreement, clauses);
    }

    private static string Norm(string? text) => PlainTextTreatyReader.Collapse(text ?? "");

    [GeneratedRegex(@"^(?:ARTICLE|ARTÍCULO|Article|Art\.)\s*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HeadingWord();
}
