using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PolicyRules.Analysis;

/// <summary>
/// Words that text extraction ran together ("Partyshallnot", "marketaccess", "noless"), read apart.
/// A document glues words when many of its rare long words are exactly runs of its own common words
/// with a glue word among them (the short words extraction loses the spaces around: "of", "shall",
/// "the"); in such a document, a word that is not a lexicon word and is exactly a run of common words
/// is read as those words. No word list is needed: an agreement with glued text also writes the same
/// words apart, many times.
/// </summary>
/// <remarks>
/// Splitting only adds readings: the word it replaces is in no lexicon phrase, and the pieces are
/// common words, so a wrong split of a real word ("data base") makes a lexicon phrase only by chance;
/// and it happens only in the few documents whose text extraction broke (fourteen of ToTA's 450). A
/// language whose inflections are themselves words (Spanish "modificar-se", "asistir-a") lists no
/// glue words, and its text is left as written.
/// </remarks>
internal sealed class GluedWords
{
    /// <summary>A word shorter than this is left whole ("ofa", as every word under eight letters, splits only at a glue word: "of a").</summary>
    private const int MinLength = 3;

    /// <summary>A word shorter than this is split only at a glue word ("toits", "tothe"; not "areas").</summary>
    private const int MinLengthWithoutGlue = 8;

    /// <summary>Words this long or longer, split with a glue word among their pieces, tell a document that glues words.</summary>
    private const int MinTellingLength = 8;

    /// <summary>How many distinct telling words a document that glues words has, at least, and how many per thousand words.</summary>
    private const int MinTellingWords = 10;

    private const int MinTellingPerThousand = 4;

    /// <summary>
    /// A word written more often than this in its document is a word of its own, unless each of its
    /// pieces is written apart more often than it ("favorablethan" 5 times, "favorable" 7, "than" 45).
    /// </summary>
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

    /// <summary>True when the document glues words: only then are its words split.</summary>
    public bool GluesWords { get; private set; }

    /// <summary>Counts the words of a document (its clauses' tokens) and tells whether it glues words.</summary>
    /// <param name="documentTokens">The tokens of each clause.</param>
    /// <param name="glue">The glue words of every language read.</param>
    /// <param name="isLexiconWord">Words never split.</param>
    // Called once per document over all its words: optimised at once rather than after tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static GluedWords Of(IReadOnlyCollection<TextToken[]> documentTokens, IReadOnlySet<string> glue, Func<string, bool> isLexiconWord)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = 0;
        foreach (var tokens in documentTokens)
        {
            words += tokens.Length;
            foreach (var token in tokens)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(occurrences, token.Folded, out _)++;
            }
        }

        var document = new GluedWords(occurrences);
        var needed = Math.Max(MinTellingWords, (MinTellingPerThousand * (long)words + 999) / 1000);
        var telling = 0L;
        if (glue.Count > 0)
        {
            foreach (var (word, count) in occurrences)
            {
                if (word.Length >= MinTellingLength && count <= MaxOccurrences && document.IsCandidate(word, isLexiconWord)
                    && document.Pieces(word) is { } pieces && pieces.Any(glue.Contains) && ++telling == needed)
                {
                    break;
                }
            }
        }

        document.GluesWords = telling >= needed;
        return document;
    }

    /// <summary>
    /// The tokens with glued words split into their pieces (each piece keeps the offsets of its
    /// letters when folding kept the length, else those of the whole word); the same array when
    /// nothing is split.
    /// </summary>
    /// <param name="tokens">A clause's tokens.</param>
    /// <param name="glue">The glue words of the clause's language; none means no split.</param>
    /// <param name="isLexiconWord">Words never split.</param>
    public TextToken[] Split(TextToken[] tokens, IReadOnlySet<string> glue, Func<string, bool> isLexiconWord)
    {
        if (!GluesWords || glue.Count == 0)
        {
            return tokens;
        }

        List<TextToken>? split = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var pieces = IsCandidate(token.Folded, isLexiconWord) ? Pieces(token.Folded) : null;
            if (pieces is not null && token.Folded.Length < MinLengthWithoutGlue && !pieces.Any(glue.Contains))
            {
                pieces = null;
            }

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

    private bool IsCandidate(string word, Func<string, bool> isLexiconWord) =>
        word.Length is >= MinLength and <= MaxLength
        && word.AsSpan().IndexOfAnyExceptInRange('a', 'z') < 0
        && !isLexiconWord(word);

    // The split into the fewest common words, the first found among equals; null when there is none,
    // or when the word is written too often for its pieces to be glued.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string[]? Pieces(string word)
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

            // The word itself is no piece of it, however often it is written.
            var last = start == 0 ? word.Length - 1 : word.Length;
            for (var end = start + 1; end <= Math.Min(last, start + MaxPieceLength); end++)
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

        var occurrences = _occurrences.GetValueOrDefault(word);
        return occurrences <= MaxOccurrences || pieces.All(p => _occurrences[p] > occurrences) ? pieces : null;
    }

    // One-letter words are glue only ("supplierofa"); others must be written apart often enough.
    private bool IsCommon(ReadOnlySpan<char> piece) =>
        (piece.Length > 1 || piece[0] == 'a')
        && _lookup.TryGetValue(piece, out var count)
        && count >= MinPieceOccurrences;
}
