namespace PolicyRules.Analysis;

/// <summary>
/// Words that text extraction ran together ("Partyshallnot", "supplierofa"), read apart. A long word
/// that is rare in its document and not a lexicon word is split when it is exactly a run of the
/// document's own common words, at least one of them a glue word of the clause's language (the
/// short words extraction loses the spaces around: "of", "shall", "the"). No word list is needed:
/// an agreement with glued text also writes the same words apart, many times.
/// </summary>
/// <remarks>
/// Splitting only adds readings: the word it replaces is in no lexicon phrase, and the pieces are
/// common words, so a wrong split of a real word ("as certain") makes a lexicon phrase only by
/// chance. A language whose inflections are themselves words (Spanish "modificar-se", "asistir-a")
/// lists no glue words, and its text is left as written.
/// </remarks>
internal sealed class GluedWords
{
    /// <summary>A word shorter than this is left whole ("within", "thereof", "areas").</summary>
    private const int MinLength = 8;

    /// <summary>A word written more often than this in its document is a word of its own.</summary>
    private const int MaxOccurrences = 2;

    /// <summary>How often a piece must occur, written apart, to count as a common word of the document.</summary>
    private const int MinPieceOccurrences = 5;

    /// <summary>Bounds the search: no glued run is longer, and no piece.</summary>
    private const int MaxLength = 80;

    private const int MaxPieceLength = 24;

    private readonly Dictionary<string, int> _occurrences;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private GluedWords(Dictionary<string, int> occurrences)
    {
        _occurrences = occurrences;
        _lookup = occurrences.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Counts the words of a document (its clauses' tokens).</summary>
    public static GluedWords Of(IEnumerable<TextToken[]> documentTokens)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tokens in documentTokens)
        {
            foreach (var token in tokens)
            {
                occurrences[token.Folded] = occurrences.GetValueOrDefault(token.Folded) + 1;
            }
        }

        return new GluedWords(occurrences);
    }

    /// <summary>
    /// The tokens with glued words split into their pieces (each piece keeps the offsets of its
    /// letters when folding kept the length, else those of the whole word); the same array when
    /// nothing is split.
    /// </summary>
    /// <param name="tokens">A clause's tokens.</param>
    /// <param name="glue">The glue words of the clause's language; none means no split.</param>
    /// <param name="lexicon">The clause's lexicon: its words are never split.</param>
    public TextToken[] Split(TextToken[] tokens, IReadOnlySet<string> glue, PhraseMatcher lexicon)
    {
        if (glue.Count == 0)
        {
            return tokens;
        }

        List<TextToken>? split = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var pieces = IsCandidate(token.Folded, lexicon) ? Pieces(token.Folded, glue) : null;
            if (pieces is null)
            {
                split?.Add(token);
                continue;
            }

            split ??= [.. tokens.AsSpan(0, i)];
            var exact = token.End - token.Start == token.Folded.Length;
            var offset = 0;
            foreach (var piece in pieces)
            {
                split.Add(exact
                    ? new TextToken(piece, token.Start + offset, token.Start + offset + piece.Length, token.Sentence)
                    : token with { Folded = piece });
                offset += piece.Length;
            }
        }

        return split is null ? tokens : [.. split];
    }

    private bool IsCandidate(string word, PhraseMatcher lexicon) =>
        word.Length is >= MinLength and <= MaxLength
        && _occurrences.GetValueOrDefault(word) <= MaxOccurrences
        && word.AsSpan().IndexOfAnyExceptInRange('a', 'z') < 0
        && !lexicon.Knows(word);

    // The split into the fewest common words, the first found among equals; null when there is none
    // or when no piece is a glue word.
    private string[]? Pieces(string word, IReadOnlySet<string> glue)
    {
        // fewest[i]: the fewest pieces that make word[..i]; from[i]: where the last of them starts.
        var fewest = new int[word.Length + 1];
        var from = new int[word.Length + 1];
        Array.Fill(fewest, int.MaxValue);
        fewest[0] = 0;
        for (var start = 0; start < word.Length; start++)
        {
            if (fewest[start] == int.MaxValue)
            {
                continue;
            }

            for (var end = start + 1; end <= Math.Min(word.Length, start + MaxPieceLength); end++)
            {
                if (fewest[start] + 1 < fewest[end] && IsCommon(word.AsSpan(start, end - start)))
                {
                    fewest[end] = fewest[start] + 1;
                    from[end] = start;
                }
            }
        }

        if (fewest[word.Length] is < 2 or int.MaxValue)
        {
            return null;
        }

        var pieces = new string[fewest[word.Length]];
        for (int end = word.Length, k = pieces.Length - 1; k >= 0; end = from[end], k--)
        {
            pieces[k] = word[from[end]..end];
        }

        return pieces.Any(glue.Contains) ? pieces : null;
    }

    // One-letter words are glue only ("supplierofa"); others must be written apart often enough.
    private bool IsCommon(ReadOnlySpan<char> piece) =>
        (piece.Length > 1 || piece[0] == 'a')
        && _lookup.TryGetValue(piece, out var count)
        && count >= MinPieceOccurrences;
}
