namespace PolicyRules.Analysis;

/// <summary>
/// Where a term of a set matched: token range, character span and sentence in the clause text.
/// <c>Negatable</c> is false when the term itself holds a negation word ("shall not apply"), so a
/// negation inside it does not turn it around.
/// </summary>
internal sealed record LexiconHit(string Set, int FirstToken, int LastToken, int Start, int End, int Sentence, bool Negatable);
