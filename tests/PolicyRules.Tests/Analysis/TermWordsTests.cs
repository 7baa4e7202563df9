using PolicyRules.Analysis;

namespace PolicyRules.Tests.Analysis;

/// <summary>
/// A lexicon term's words are read as spans of it, without splitting it into strings: they must be
/// the words that splitting gives, each with its prefix and gap marks.
/// </summary>
public class TermWordsTests
{
    public static TheoryData<string> Terms => new()
    {
        "cultural goods",
        "audio-visual",
        "film*",
        "u.s.a.*",
        "measure ~ culture",
        "~ leading gap",
        "trailing gap ~",
        "a ~ ~ b",
        "*",
        "~",
        ".",
        "a..b",
        "-x- /y/ ,z,",
        "l'audiovisuel",
        "foo* bar.baz*",
        "",
    };

    [Theory]
    [MemberData(nameof(Terms))]
    public void A_term_reads_as_splitting_it_gives(string term) =>
        Read(term).Should().Equal(BySplitting(term));

    [Fact]
    public void Every_shipped_term_reads_as_splitting_it_gives()
    {
        var terms = EmbeddedLexicons.All.SelectMany(l => l.Sets.Values).SelectMany(t => t).ToArray();
        terms.Should().HaveCountGreaterThan(1000);

        foreach (var term in terms)
        {
            Read(term).Should().Equal(BySplitting(term), term);
        }
    }

    private static List<string> Read(string term)
    {
        var read = new List<string>();
        var words = new PhraseMatcher.TermWords(Tokenizer.Fold(term));
        while (words.MoveNext())
        {
            read.Add(Show(words.Current.ToString(), words.Prefix, words.GapBefore));
        }

        return read;
    }

    // The reading as string splits, kept here as the oracle.
    private static List<string> BySplitting(string term)
    {
        var read = new List<string>();
        var gap = false;
        foreach (var part in Tokenizer.Fold(term).Split([' ', '-', '\'', '/', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "~")
            {
                gap = true;
                continue;
            }

            var prefix = part.EndsWith('*');
            foreach (var piece in (prefix ? part[..^1] : part).Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                read.Add(Show(piece, prefix, gap));
                gap = false;
            }
        }

        return read;
    }

    private static string Show(string word, bool prefix, bool gap) => (gap ? "~" : "") + word + (prefix ? "*" : "");
}
