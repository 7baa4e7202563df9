namespace PolicyRules.Analysis;

/// <summary>A word of a clause's text, folded for matching, with where it stands in the original.</summary>
/// <param name="Folded">Lower case, accents removed (<c>artículo</c> → <c>articulo</c>).</param>
/// <param name="Start">Offset of its first character in the clause text.</param>
/// <param name="End">Offset just after its last character.</param>
/// <param name="Sentence">The index of the sentence it belongs to.</param>
internal readonly record struct TextToken(string Folded, int Start, int End, int Sentence);
