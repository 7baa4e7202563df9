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
        var words = new List<PhraseWord>();
        foreach (var (_, terms) in lexicon.Sets)
        {
            foreach (var term in terms)
            {
                Phrase.Split(term, words);
                foreach (var word in words)
                {
                    if (!word.Prefix)
                    {
                        _words.Add(word.Text);
                    }
                }
            }
        }

        _index = new Lazy<PhraseIndex>(() => new PhraseIndex(lexicon));
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
        public PhraseIndex(Lexicon lexicon)
            : this(new Dictionary<string, List<Phrase>>(StringComparer.Ordinal), new Dictionary<string, List<Phrase>>(StringComparer.Ordinal))
        {
            var negations = lexicon.Sets.TryGetValue(TextAnalyzer.Negation, out var words)
                ? words.Select(Tokenizer.Fold).ToHashSet(StringComparer.Ordinal)
                : [];
            foreach (var (set, terms) in lexicon.Sets)
            {
                foreach (var term in terms)
                {
                    var phrase = Phrase.Parse(set, term, negations);
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
        private static readonly char[] Separators = [' ', '-', '\'', '/', ','];

        public static Phrase Parse(string set, string term, IReadOnlySet<string> negations)
        {
            var words = new List<PhraseWord>();
            Split(term, words);
            var negatable = true;
            foreach (var word in words)
            {
                negatable &= !negations.Contains(word.Text);
            }

            return new Phrase(set, [.. words], negatable);
        }

        /// <summary>The words of a term, folded, into <paramref name="words"/> (cleared first).</summary>
        public static void Split(string term, List<PhraseWord> words)
        {
            words.Clear();
            var gap = false;
            foreach (var part in Tokenizer.Fold(term).Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == "~")
                {
                    gap = true;
                    continue;
                }

                var prefix = part.EndsWith('*');
                var text = prefix ? part[..^1] : part;
                foreach (var piece in text.Split('.', StringSplitOptions.RemoveEmptyEntries))
                {
                    words.Add(new PhraseWord(piece, prefix, gap));
                    gap = false;
                }
            }
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
}
