namespace PolicyRules.Domain.Imports;

/// <summary>A clause found in a treaty text: an article, an annex, the preamble, or a paragraph of an unstructured text.</summary>
/// <param name="Id">The clause id: the article number without its heading word ("9.2"), "Annex I", "Preamble".</param>
/// <param name="Chapter">The chapter it stands in, or null.</param>
/// <param name="Article">The heading as written ("Article 9.2", "Artículo 4"), or null.</param>
/// <param name="Title">The article's title, or null.</param>
/// <param name="Text">Its text: numbered paragraphs, and the footnotes it refers to, in order.</param>
/// <param name="Line">Where it starts in the source: the line of a text file, the paragraph of a Word document, the line of an XML file.</param>
public sealed record ImportedClause(string Id, string? Chapter, string? Article, string? Title, string Text, int Line);
