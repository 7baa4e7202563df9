using System.Buffers;

namespace PolicyRules.Analysis;

/// <summary>
/// Every term of a lexicon compiled for one pass over a clause: phrases are indexed by their first
/// word (or, for a prefix word, its first three letters), so each text word meets only the phrases
/// that can start there.
/// </summary>
internal sealed class PhraseMatcher
{
    private const int MaxGap = 8;
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);

    // Indexed on the language's first match: every document asks all languages whether they know a
    // word, but a draft in one language matches phrases of that one only.
    private readonly Lazy<PhraseIndex> _index;

    public PhraseMatcher(Lexicon lexicon)
    {
        // Words are read as spans of the folded term: one already known costs no string.
        var known = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (_, terms) in lexicon.Sets)
        {
            foreach (var term in terms)
            {
                var words = new TermWords(Tokenizer.Fold(term));
                while (words.MoveNext())
                {
                    if (!words.Prefix)
                    {
                        known.Add(words.Current);
                    }
                }
            }
        }

        _index = new Lazy<PhraseIndex>(() => new PhraseIndex(lexicon, _words));
    }

    /// <summary>True once the phrases are indexed, at the first match.</summary>
    internal bool IsIndexed => _index.IsValueCreated;

    /// <summary>True when the word (or the singular it is the plural of) is a word of some phrase.</summary>
    public bool Knows(string word)
    {
        foreach (var form in Forms(word))
        {
            if (_words.Contains(form))
            {
                return true;
            }
        }

        return false;
    }

    public List<LexiconHit> Match(TextToken[] tokens)
    {
        var (byWord, byPrefix) = _index.Value;
        var hits = new List<LexiconHit>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = tokens[i].Folded;
            foreach (var form in Forms(word))
            {
                if (byWord.TryGetValue(form, out var phrases))
                {
                    Try(phrases, tokens, i, hits);
                }
            }

            if (word.Length >= 3 && byPrefix.TryGetValue(word[..3], out var prefixed))
            {
                Try(prefixed, tokens, i, hits);
            }
        }

        return hits;
    }

    private static void Try(List<Phrase> phrases, TextToken[] tokens, int at, List<LexiconHit> hits)
    {
        foreach (var phrase in phrases)
        {
            if (phrase.MatchAt(tokens, at) is { } last)
            {
                hits.Add(new LexiconHit(phrase.Set, at, last, tokens[at].Start, tokens[last].End, tokens[at].Sentence, phrase.Negatable));
            }
        }
    }

    /// <summary>The word and the singulars it may be the plural of, for lookup by first word.</summary>
    private static IEnumerable<string> Forms(string word)
    {
        yield return word;
        if (word.Length > 3 && word.EndsWith('s'))
        {
            yield return word[..^1];
            if (word.EndsWith("es", StringComparison.Ordinal))
            {
                yield return word[..^2];
            }

            if (word.EndsWith("ies", StringComparison.Ordinal))
            {
                yield return word[..^3] + "y";
            }
        }
        else if (word.Length > 3 && word.EndsWith("aux", StringComparison.Ordinal))
        {
            yield return word[..^3] + "al";
        }
    }

    // On the hot path (every candidate phrase, every gap step): no allocation, the same forms as Forms().
    internal static bool WordMatches(PhraseWord term, string word)
    {
        var t = term.Text;
        if (term.Prefix || word == t)
        {
            return word.StartsWith(t, StringComparison.Ordinal);
        }

        if (word.Length <= 3)
        {
            return false;
        }

        if (word.EndsWith('s'))
        {
            return IsStemOf(word, t, 1, "") || word.EndsWith("es", StringComparison.Ordinal) && IsStemOf(word, t, 2, "")
                || word.EndsWith("ies", StringComparison.Ordinal) && IsStemOf(word, t, 3, "y");
        }

        return word.EndsWith("aux", StringComparison.Ordinal) && IsStemOf(word, t, 3, "al");
    }

    // True when the word without its last `cut` letters, plus `ending`, is the term.
    private static bool IsStemOf(string word, string term, int cut, string ending) =>
        term.Length == word.Length - cut + ending.Length
        && string.CompareOrdinal(word, 0, term, 0, word.Length - cut) == 0
        && term.EndsWith(ending, StringComparison.Ordinal);

    /// <summary>A language's phrases by their first word (or, for a prefix word, its first three letters).</summary>
    private sealed record PhraseIndex(Dictionary<string, List<Phrase>> ByWord, Dictionary<string, List<Phrase>> ByPrefix)
    {
        /// <param name="lexicon">The lexicon whose phrases are indexed.</param>
        /// <param name="known">The lexicon's words, whose strings the phrases share.</param>
        public PhraseIndex(Lexicon lexicon, HashSet<string> known)
            : this(new Dictionary<string, List<Phrase>>(StringComparer.Ordinal), new Dictionary<string, List<Phrase>>(StringComparer.Ordinal))
        {
            var negations = lexicon.Sets.TryGetValue(TextAnalyzer.Negation, out var words)
                ? words.Select(Tokenizer.Fold).ToHashSet(StringComparer.Ordinal)
                : [];
            var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
            var scratch = new List<PhraseWord>();
            foreach (var (set, terms) in lexicon.Sets)
            {
                foreach (var term in terms)
                {
                    var phrase = Phrase.Parse(set, term, negations, lookup, scratch);
                    if (phrase.Words.Length == 0)
                    {
                        continue;
                    }

                    var first = phrase.Words[0];
                    var index = first.Prefix ? ByPrefix : ByWord;
                    var key = first.Prefix ? first.Text[..Math.Min(3, first.Text.Length)] : first.Text;
                    if (!index.TryGetValue(key, out var list))
                    {
                        index[key] = list = [];
                    }

                    list.Add(phrase);
                }
            }
        }
    }

    // A struct in its phrase's array: the matchers of the three languages hold some 15,000 words for
    // as long as the checker lives, and every object that survives start-up is one more to move.
    internal readonly record struct PhraseWord(string Text, bool Prefix, bool GapBefore);

    private sealed record Phrase(string Set, PhraseWord[] Words, bool Negatable)
    {
        public static Phrase Parse(string set, string term, IReadOnlySet<string> negations, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> known, List<PhraseWord> scratch)
        {
            scratch.Clear();
            var negatable = true;
            var words = new TermWords(Tokenizer.Fold(term));
            while (words.MoveNext())
            {
                var text = known.TryGetValue(words.Current, out var shared) ? shared : words.Current.ToString();
                scratch.Add(new PhraseWord(text, words.Prefix, words.GapBefore));
                negatable &= !negations.Contains(text);
            }

            return new Phrase(set, [.. scratch], negatable);
        }

        /// <summary>The index of the last token matched when the phrase starts at <paramref name="at"/>.</summary>
        public int? MatchAt(TextToken[] tokens, int at)
        {
            if (!WordMatches(Words[0], tokens[at].Folded))
            {
                return null;
            }

            var position = at;
            for (var w = 1; w < Words.Length; w++)
            {
                var word = Words[w];
                var limit = word.GapBefore ? MaxGap + 1 : 1;
                var found = -1;
                for (var step = 1; step <= limit && position + step < tokens.Length; step++)
                {
                    var token = tokens[position + step];
                    if (token.Sentence != tokens[at].Sentence)
                    {
                        break;
                    }

                    if (WordMatches(word, token.Folded))
                    {
                        found = position + step;
                        break;
                    }
                }

                if (found < 0)
                {
                    return null;
                }

                position = found;
            }

            return position;
        }
    }

    /// <summary>
    /// The words of a folded term, as spans of it: words are separated by spaces, hyphens,
    /// apostrophes, slashes, commas and full stops; a <c>~</c> asks for a gap before the next word,
    /// and a part that ends in <c>*</c> makes prefixes of its words.
    /// </summary>
    internal ref struct TermWords(string folded)
    {
        private static readonly SearchValues<char> Separators = SearchValues.Create(" -'/,");

        private ReadOnlySpan<char> _rest = folded;
        private ReadOnlySpan<char> _part;
        private bool _partIsPrefix;
        private bool _gap;

        /// <summary>The word read last.</summary>
        public ReadOnlySpan<char> Current { get; private set; }

        /// <summary>Whether the word read last is a prefix.</summary>
        public bool Prefix { get; private set; }

        /// <summary>Whether a gap of other words may come before the word read last.</summary>
        public bool GapBefore { get; private set; }

        public bool MoveNext()
        {
            while (true)
            {
                while (!_part.IsEmpty)
                {
                    var dot = _part.IndexOf('.');
                    var piece = dot < 0 ? _part : _part[..dot];
                    _part = dot < 0 ? default : _part[(dot + 1)..];
                    if (!piece.IsEmpty)
                    {
                        Current = piece;
                        Prefix = _partIsPrefix;
                        GapBefore = _gap;
                        _gap = false;
                        return true;
                    }
                }

                if (!NextPart())
                {
                    return false;
                }
            }
        }

        private bool NextPart()
        {
            while (!_rest.IsEmpty)
            {
                var end = _rest.IndexOfAny(Separators);
                var part = end < 0 ? _rest : _rest[..end];
                _rest = end < 0 ? default : _rest[(end + 1)..];
                if (part is "~")
                {
                    _gap = true;
                }
                else if (!part.IsEmpty)
                {
                    _partIsPrefix = part[^1] == '*';
                    _part = _partIsPrefix ? part[..^1] : part;
                    return true;
                }
            }

            return false;
        }
    }
}
