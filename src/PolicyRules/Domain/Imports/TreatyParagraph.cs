namespace PolicyRules.Domain.Imports;

/// <summary>
/// One paragraph of a treaty text as its reader found it, before articles are recognised.
/// </summary>
/// <param name="Text">The paragraph's text, whitespace collapsed.</param>
/// <param name="Line">Where it starts: the line of a plain-text file, the paragraph number of a Word document.</param>
/// <param name="Notes">Footnote or endnote texts that the paragraph refers to, in order.</param>
internal sealed record TreatyParagraph(string Text, int Line, IReadOnlyList<string>? Notes = null);
