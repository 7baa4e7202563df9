using System.Text.RegularExpressions;
using PolicyRules.Domain;
using PolicyRules.Domain.Drafts;

namespace PolicyRules.Analysis;

/// <summary>
/// Clause analysis, the stage between a draft and the rules: per clause it finds the language,
/// the lexicon terms (on word boundaries, folded, one pass for all sets), the carve-outs that take
/// terms out of the clause's reach, what the clause does and what it cites — as facts
/// (<see cref="ClauseReading"/>, <see cref="TextCue"/>) that rules match. Immutable and thread-safe.
/// </summary>
public sealed class TextAnalyzer
{
    /// <summary>Opens a scope that runs to the end of the sentence ("does not apply to …").</summary>
    public const string ScopeOut = "scope-out";

    /// <summary>Closes a scope that began with the sentence ("… is not covered by this Chapter").</summary>
    public const string ScopeOutBefore = "scope-out-before";

    /// <summary>Opens a scope that runs to the next comma, semicolon or colon ("all services <em>except</em> audiovisual").</summary>
    public const string ScopeOutPhrase = "scope-out-phrase";

    /// <summary>
    /// Phrases that defer to the rest of the agreement without taking anything out ("except as
    /// otherwise provided", "salvo disposición en contrario"): a carve-out cue inside one opens no scope.
    /// </summary>
    public const string ScopeDeference = "scope-deference";

    /// <summary>
    /// Phrases whose words other sets would misread ("competition culture" is not culture): a hit of
    /// any other set that overlaps one is dropped.
    /// </summary>
    public const string FalseFriend = "false-friend";

    /// <summary>Words that negate the phrase they stand in ("may <em>not</em> submit a claim").</summary>
    public const string Negation = "negation";

    // Words that open a note ("For greater certainty", "The sole fact"): after a footnote's number
    // glued into the text, they open a footnote.
    private const string FootnoteOpener = "footnote-opener";

    // The heading of a preamble ("Preamble", "Preámbulo"): a title, or the chapter a clause stands in.
    private const string RecitalHeading = "heading-recital";

    // A footnote's number is at least this, unless the paragraphs have already passed it: smaller ones
    // are too easily a paragraph numbered without a full stop.
    private const int MinFootnoteNumber = 5;

    private readonly IReadOnlyList<(Lexicon Lexicon, PhraseMatcher Matcher, HashSet<string> Markers, HashSet<string> Glue)> _languages;

    // The glue words of every language, which tell a document that glues words.
    private readonly HashSet<string> _glue;

    /// <summary>Compiles the lexicons, one per language; the first is the default language.</summary>
    public TextAnalyzer(IEnumerable<Lexicon> lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        _languages = lexicons
            .Select(l => (l, new PhraseMatcher(l), Folded(l.Markers), Folded(l.GlueWords)))
            .ToArray();
        _glue = new HashSet<string>(_languages.SelectMany(l => l.Glue), StringComparer.Ordinal);
        if (_languages.Count == 0)
        {
            throw new ArgumentException("Clause analysis needs at least one lexicon.", nameof(lexicons));
        }
    }

    /// <summary>The languages it reads.</summary>
    public IReadOnlyList<string> Languages => _languages.Select(l => l.Lexicon.Language).ToArray();

    /// <summary>The languages whose phrases have been indexed: those a clause was read in so far.</summary>
    internal IReadOnlyList<string> IndexedLanguages => _languages.Where(l => l.Matcher.IsIndexed).Select(l => l.Lexicon.Language).ToArray();

    /// <summary>The facts analysis adds for every readable clause of <paramref name="draft"/>.</summary>
    public IReadOnlyList<object> Analyze(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var clauses = draft.Clauses.Where(c => c.Fact is not null).Select(c => c.Fact!).ToArray();
        var ids = new HashSet<string>(clauses.Select(c => c.Id), StringComparer.Ordinal);
        foreach (var clause in clauses)
        {
            if (clause.Article is { } article)
            {
                ids.Add(article);
            }
        }

        var annexes = ReferenceFinder.AnnexClauses(clauses.Select(c => (c.Id, c.Title)));
        var tokens = clauses.Select(c => Tokenizer.Tokenize(c.Text)).ToArray();
        var glued = GluedWords.Of(tokens, _glue, IsLexiconWord);
        var chapters = new Chapters(ChapterScope.Numbering(clauses), clauses.Select(c => c.Chapter).OfType<string>().Distinct(StringComparer.Ordinal).ToArray());
        var facts = new List<object>(clauses.Length * 4);
        for (var i = 0; i < clauses.Length; i++)
        {
            facts.AddRange(Analyze(clauses[i], tokens[i], glued, ids, annexes, chapters));
        }

        return facts;
    }

    /// <summary>The facts for one clause read on its own (references resolve to nothing).</summary>
    public IReadOnlyList<object> Analyze(Clause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var tokens = Tokenizer.Tokenize(clause.Text);
        return Analyze(clause, tokens, GluedWords.Of([tokens], _glue, IsLexiconWord), new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal), Chapters.Unknown);
    }

    // A word of any language's terms is never taken for glued words.
    private bool IsLexiconWord(string word) => _languages.Any(l => l.Matcher.Knows(word));

    private static HashSet<string> Folded(IEnumerable<string> words) => new(words.Select(Tokenizer.Fold), StringComparer.Ordinal);

    private List<object> Analyze(Clause clause, TextToken[] written, GluedWords glued, IReadOnlySet<string> ids, IReadOnlyDictionary<string, string> annexes, Chapters chapters)
    {
        var (lexicon, matcher, _, glue) = Detect(written);
        var tokens = glued.Split(written, glue, IsLexiconWord);
        var hits = WithoutDeferences(WithoutFalseFriends(Distinct(matcher.Match(tokens))));
        var excluded = ExcludedTokens(clause.Text, tokens, hits);
        var cited = CitedTokens(clause.Text, tokens);
        MarkGluedFootnotes(clause.Text, tokens, hits, cited);
        var negations = new bool[tokens.Length];
        foreach (var hit in hits.Where(h => h.Set == Negation))
        {
            negations[hit.FirstToken] = true;
        }

        var standing = new List<LexiconHit>(hits.Count);
        var found = new SortedDictionary<(string Set, Standing Standing), List<LexiconHit>>();
        foreach (var hit in hits)
        {
            var where = Standing.Engaged;
            if (hit.Set is not (ScopeOut or ScopeOutPhrase or ScopeOutBefore or ScopeDeference or Negation or FalseFriend))
            {
                where = excluded[hit.FirstToken] || Negated(negations, hit) ? Standing.CarvedOut
                    : cited[hit.FirstToken] ? Standing.Cited
                    : Standing.Engaged;
            }

            if (where == Standing.Engaged)
            {
                standing.Add(hit);
            }

            if (!found.TryGetValue((hit.Set, where), out var list))
            {
                found[(hit.Set, where)] = list = [];
            }

            list.Add(hit);
        }

        var openings = ChapterScope.Openings(clause.Text);
        var facts = new List<object>(found.Count + 1);
        foreach (var ((set, where), list) in found)
        {
            var evidence = Outermost(list).Select(h => new Evidence("text", clause.Text[h.Start..h.End], h.Start, h.End)).ToArray();
            facts.Add(new TextCue(clause, set, where != Standing.Engaged, list[0].Sentence, evidence, cited: where == Standing.Cited)
            {
                ChaptersOutside = openings.Length == 0 ? [] : ChaptersOutside(clause.Text, tokens, list, openings, chapters),
            });
        }

        string[] Only(Standing where, params Standing[] unless) =>
            found.Keys.Where(k => k.Standing == where && !unless.Any(u => found.ContainsKey((k.Set, u)))).Select(k => k.Set).ToArray();
        var cues = Only(Standing.Engaged);
        var excludedCues = Only(Standing.CarvedOut, Standing.Engaged);
        var citedCues = Only(Standing.Cited, Standing.Engaged, Standing.CarvedOut);

        HashSet<string> Headings(string? heading) => heading is { Length: > 0 }
            ? matcher.Match(glued.Split(Tokenizer.Tokenize(heading), glue, IsLexiconWord)).Select(h => h.Set).ToHashSet(StringComparer.Ordinal)
            : [];
        var title = Headings(clause.Title);

        // A clause of the chapter "Preamble" that recites ("RECOGNIZING …", "resolved to") is a recital,
        // whatever else its words say: a preamble glued to its table of contents ("… Monopolies and
        // State Enterprises … Tariff Elimination"), or whose closing formula the scan broke ("HA VE
        // AGREED"), would otherwise read as what it lists. Without recitals it is an article the
        // corpus filed under the preamble ("1. An Association is hereby established …").
        if (standing.Count(h => h.Set == "recital") >= 2 && Headings(clause.Chapter).Contains(RecitalHeading))
        {
            title.Add(RecitalHeading);
        }

        var (inside, outside) = ReferenceFinder.Find(clause.Text, ids, annexes);
        facts.Add(new ClauseReading
        {
            Subject = clause,
            Language = lexicon.Language,
            Function = ClauseFunctions.Classify(standing, title),
            Cues = cues,
            ExcludedCues = excludedCues,
            CitedCues = citedCues,
            Headings = title.Order(StringComparer.Ordinal).ToArray(),
            References = inside.Where(id => id != clause.Id).ToArray(),
            ExternalReferences = outside,
        });
        return facts;
    }

    // The chapters every place of a cue leaves out; none when one place is not limited.
    private static string[] ChaptersOutside(string text, TextToken[] tokens, List<LexiconHit> hits, Match[] openings, Chapters chapters)
    {
        SortedSet<string>? outside = null;
        foreach (var hit in hits)
        {
            var first = hit.FirstToken;
            while (first > 0 && tokens[first - 1].Sentence == hit.Sentence)
            {
                first--;
            }

            if (ChapterScope.Outside(text, openings, tokens[first].Start, hit.Start, chapters.Numbering, chapters.Names) is not { } left)
            {
                return [];
            }

            if (outside is null)
            {
                outside = new SortedSet<string>(left, StringComparer.Ordinal);
            }
            else
            {
                outside.IntersectWith(left);
            }
        }

        return outside is null ? [] : [.. outside];
    }

    // The chapter each number stands for, and the names of the draft's chapters.
    private sealed record Chapters(IReadOnlyDictionary<int, string> Numbering, IReadOnlyCollection<string> Names)
    {
        public static readonly Chapters Unknown = new(new Dictionary<int, string>(), []);
    }

    // The language whose common words the text uses most; ties go to the first lexicon.
    private (Lexicon, PhraseMatcher, HashSet<string>, HashSet<string>) Detect(TextToken[] tokens)
    {
        var best = _languages[0];
        var bestScore = 0;
        foreach (var language in _languages)
        {
            var score = 0;
            foreach (var token in tokens.AsSpan(0, Math.Min(tokens.Length, 400)))
            {
                if (language.Markers.Contains(token.Folded))
                {
                    score++;
                }
            }

            if (score > bestScore)
            {
                best = language;
                bestScore = score;
            }
        }

        return best;
    }

    // One hit per set and start: the longest phrase, in text order.
    private static List<LexiconHit> Distinct(List<LexiconHit> hits) =>
        hits.GroupBy(h => (h.Set, h.Start))
            .Select(g => g.MaxBy(h => h.End)!)
            .OrderBy(h => h.Start)
            .ThenBy(h => h.Set, StringComparer.Ordinal)
            .ToList();

    // Hits that overlap a false friend ("competition culture") are misreadings; the false friend stays.
    private static List<LexiconHit> WithoutFalseFriends(List<LexiconHit> hits)
    {
        var friends = hits.Where(h => h.Set == FalseFriend).ToArray();
        if (friends.Length == 0)
        {
            return hits;
        }

        return hits.Where(h => h.Set == FalseFriend || !friends.Any(f => h.Start < f.End && f.Start < h.End)).ToList();
    }

    // A carve-out cue that is part of a deference ("except as otherwise provided") takes nothing out.
    private static List<LexiconHit> WithoutDeferences(List<LexiconHit> hits)
    {
        var deferences = hits.Where(h => h.Set == ScopeDeference).ToArray();
        if (deferences.Length == 0)
        {
            return hits;
        }

        return hits
            .Where(h => h.Set is not (ScopeOut or ScopeOutPhrase or ScopeOutBefore)
                || !deferences.Any(d => h.FirstToken >= d.FirstToken && h.FirstToken <= d.LastToken))
            .ToList();
    }

    // Two terms of one set may match nested spans ("trato no menos favorable que…" and "no menos
    // favorable que…"): the evidence shows the outer one, once.
    private static IEnumerable<LexiconHit> Outermost(List<LexiconHit> hits) =>
        hits.Where((hit, i) => !hits.Where((other, j) => j != i && other.Start <= hit.Start && hit.End <= other.End
            && (other.End - other.Start > hit.End - hit.Start || j < i)).Any());

    // A phrase that holds a negation word inside it says the opposite ("may not submit a claim").
    private static bool Negated(bool[] negations, LexiconHit hit)
    {
        if (!hit.Negatable)
        {
            return false;
        }

        for (var i = hit.FirstToken + 1; i < hit.LastToken; i++)
        {
            if (negations[i])
            {
                return true;
            }
        }

        return false;
    }

    // Tokens in the title of a cited provision ("Article 9.10 (Performance Requirements)"): they name
    // a provision the clause points to, not what the clause does.
    // Also the heading of the next part that the corpus glues to the end of a clause
    // ("… in this title. COOPERATION IN SOCIAL AND CULTURAL MATTERS"): it names what follows.
    private static bool[] CitedTokens(string text, TextToken[] tokens)
    {
        var cited = new bool[tokens.Length];
        foreach (var (start, end) in ReferenceFinder.CitedTitles(text))
        {
            for (var i = 0; i < tokens.Length && tokens[i].Start < end; i++)
            {
                cited[i] |= tokens[i].Start >= start;
            }
        }

        var heading = GluedHeadingStart(text, tokens);
        for (var i = heading; i < tokens.Length; i++)
        {
            cited[i] = true;
        }

        return cited;
    }

    // A footnote that extraction glued into the text ("… exclusive service 117 For greater certainty,
    // “the supply of financial services” shall mean …"), from its number to the end of its sentence,
    // reads as a note on the clause, as the title of a cited provision does: the financial services it
    // names do not make a market-access article one of financial services. Its number does not go on
    // from the clause's paragraphs ("1. … 2 For the purposes of this Article" is a paragraph).
    private static void MarkGluedFootnotes(string text, TextToken[] tokens, List<LexiconHit> hits, bool[] cited)
    {
        foreach (var opener in hits)
        {
            var mark = opener.FirstToken - 1;
            if (opener.Set != FootnoteOpener || mark < 0 || !IsFootnoteNumber(text, tokens, mark))
            {
                continue;
            }

            for (var i = mark; i < tokens.Length && tokens[i].Sentence <= opener.Sentence; i++)
            {
                cited[i] = true;
            }
        }
    }

    private static bool IsFootnoteNumber(string text, TextToken[] tokens, int at)
    {
        if (NumberAt(text, tokens[at]) is not { } number || text[tokens[at].End] != ' ')
        {
            return false;
        }

        // The last paragraph number before it, written "N." ("4. Each Party …").
        var paragraph = 0;
        for (var i = 0; i < at; i++)
        {
            if (NumberAt(text, tokens[i]) is { } n && tokens[i].End + 1 < text.Length && text[tokens[i].End] == '.' && text[tokens[i].End + 1] == ' ')
            {
                paragraph = n;
            }
        }

        // A number that goes on from the paragraphs is one of them; one that goes back to a paragraph
        // already written ("1. … establishment, 1 For purposes of this Chapter …") cannot be.
        return number != paragraph + 1 && (number >= MinFootnoteNumber || number <= paragraph);
    }

    // The value of a token of one to three digits.
    private static int? NumberAt(string text, TextToken token) =>
        token.End - token.Start is >= 1 and <= 3 && text.AsSpan(token.Start, token.End - token.Start).IndexOfAnyExceptInRange('0', '9') < 0
            ? int.Parse(text.AsSpan(token.Start, token.End - token.Start), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    // The first token of a trailing run of capitalised words (two or more with three letters or more),
    // after text that is not itself in capitals; tokens.Length when there is none.
    private static int GluedHeadingStart(string text, TextToken[] tokens)
    {
        var first = tokens.Length;
        var words = 0;
        while (first > 0 && IsCapitalised(text.AsSpan(tokens[first - 1].Start, tokens[first - 1].End - tokens[first - 1].Start), out var isWord))
        {
            first--;
            words += isWord ? 1 : 0;
        }

        var lowerBefore = first > 0 && text.AsSpan(tokens[first - 1].Start, tokens[first - 1].End - tokens[first - 1].Start).ContainsAnyInRange('a', 'z');
        return words >= 2 && lowerBefore ? first : tokens.Length;
    }

    private static bool IsCapitalised(ReadOnlySpan<char> word, out bool isWord)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                isWord = false;
                return false;
            }

            letters += char.IsLetter(c) ? 1 : 0;
        }

        isWord = letters >= 3;
        return true;
    }

    // A colon after the scope-out cue, in its sentence: what follows is a list of what is taken out.
    private static bool ListFollows(string text, TextToken[] tokens, LexiconHit hit)
    {
        var end = hit.LastToken + 1;
        while (end < tokens.Length && tokens[end].Sentence == hit.Sentence)
        {
            end++;
        }

        var stop = end < tokens.Length ? tokens[end].Start : text.Length;
        return text.AsSpan(hit.End, Math.Max(0, stop - hit.End)).Contains(':');
    }

    // A sentence that opens with a list item's mark: "(b)", "b)", "(iii)", "(2)".
    private static bool OpensWithItemMark(string text, TextToken[] tokens, int first)
    {
        var token = tokens[first];
        return token.End - token.Start <= 4 && token.End < text.Length && text[token.End] == ')';
    }

    // A sentence that opens with a footnote's number glued into the text ("8 The price preference …"),
    // not a paragraph's ("5. Each Party …"): a number of one to three digits, a space, a capital.
    private static bool OpensWithFootnoteMark(string text, TextToken[] tokens, int first)
    {
        var token = tokens[first];
        return token.End - token.Start <= 3
            && first + 1 < tokens.Length
            && text.AsSpan(token.Start, token.End - token.Start).IndexOfAnyExceptInRange('0', '9') < 0
            && text[token.End] == ' '
            && char.IsUpper(text[tokens[first + 1].Start]);
    }

    // Tokens inside a carve-out: after a scope-out cue to the end of its sentence (or of its phrase),
    // and from the start of the sentence to a scope-out-before cue.
    private static bool[] ExcludedTokens(string text, TextToken[] tokens, List<LexiconHit> hits)
    {
        var excluded = new bool[tokens.Length];

        foreach (var hit in hits)
        {
            if (hit.Set is ScopeOut or ScopeOutPhrase)
            {
                // "with the exception of: (a) …; (b) …" takes out the whole list, to the sentence end.
                var toSentenceEnd = hit.Set == ScopeOut
                    || hit.LastToken + 1 < tokens.Length && text.AsSpan(hit.End, tokens[hit.LastToken + 1].Start - hit.End).Contains(':');
                var at = hit.LastToken + 1;
                for (; at < tokens.Length && tokens[at].Sentence == hit.Sentence; at++)
                {
                    if (!toSentenceEnd && at > hit.LastToken + 1 && EndsPhrase(text, tokens[at - 1].End, tokens[at].Start))
                    {
                        break;
                    }

                    excluded[at] = true;
                }

                // "shall not apply to: (a) … organisation. (b) … (c) programme material …": items of
                // the list that full stops split into sentences are still taken out, while each
                // following sentence opens with an item mark (or is a footnote glued into the list).
                if (toSentenceEnd && ListFollows(text, tokens, hit))
                {
                    while (at < tokens.Length && tokens[at].Sentence != hit.Sentence
                        && (OpensWithItemMark(text, tokens, at) || OpensWithFootnoteMark(text, tokens, at)))
                    {
                        var sentence = tokens[at].Sentence;
                        for (; at < tokens.Length && tokens[at].Sentence == sentence; at++)
                        {
                            excluded[at] = true;
                        }
                    }
                }
            }
            else if (hit.Set == ScopeOutBefore)
            {
                for (var i = hit.FirstToken - 1; i >= 0 && tokens[i].Sentence == hit.Sentence; i--)
                {
                    excluded[i] = true;
                }
            }
        }

        return excluded;
    }

    // A comma, semicolon or colon between two words closes a phrase.
    private static bool EndsPhrase(string text, int from, int to) => text.AsSpan(from, to - from).IndexOfAny(",;:") >= 0;

    // Where a term stands: in what the clause does, taken out by a carve-out, or only in the title of
    // a provision it cites. The order is that of the facts emitted.
    private enum Standing
    {
        Engaged,
        CarvedOut,
        Cited,
    }
}
