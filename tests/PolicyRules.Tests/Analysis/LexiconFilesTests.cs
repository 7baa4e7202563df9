using NJsonSchema;
using PolicyRules.Analysis;
using PolicyRules.Checking;
using PolicyRules.Tests.Language;

namespace PolicyRules.Tests.Analysis;

/// <summary>The lexicons that ship: valid, embedded, and speaking of the same sets in every language.</summary>
public class LexiconFilesTests
{
    private static readonly string Folder = Path.Combine(RepositoryFiles.Rules, "lexicons");

    public static TheoryData<string> LexiconFiles() => [.. Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(LexiconFiles))]
    public async Task Every_lexicon_validates_against_its_schema(string file)
    {
        var schema = await JsonSchema.FromJsonAsync(EmbeddedRulebook.Schema("lexicon"));
        schema.Validate(File.ReadAllText(Path.Combine(Folder, file))).Select(e => e.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void Every_language_names_the_sets_the_english_lexicon_names()
    {
        var english = EmbeddedLexicons.All.Single(l => l.Language == "en");
        EmbeddedLexicons.All.Select(l => l.Language).Should().BeEquivalentTo("en", "es", "fr");
        foreach (var lexicon in EmbeddedLexicons.All)
        {
            lexicon.Sets.Keys.Should().BeEquivalentTo(english.Sets.Keys, $"{lexicon.Source} speaks of the same sets");
            lexicon.Markers.Should().NotBeEmpty();
        }
    }

    [Fact]
    public void A_broken_lexicon_is_named_with_its_position()
    {
        var read = () => LexiconReader.Read(new StringReader("""{ "language": "en", "sets": { "culture": [ 3 ] } }"""), "mine.json");
        read.Should().Throw<FormatException>().WithMessage("mine.json(1,*): error PR1204: set 'culture'*");
    }
}
