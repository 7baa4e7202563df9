using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyRules.Diagnostics;
using PolicyRules.Language.Parsing;

namespace PolicyRules.Tests.Language;

/// <summary>
/// The rule file's JSON reader against its oracle, Newtonsoft's <c>JToken.ReadFrom</c> under the
/// same settings: the same values, the same positions for every value and property, and the same
/// errors at the same places, so that moving the parser off <see cref="JToken"/> moved no diagnostic.
/// </summary>
public class RuleJsonReaderTests
{
    private const string File = "test.json";

    // Every kind of token the reader meets, with comments, escapes and numbers written in more than one way.
    private const string Document = """
        // a comment before the document
        {
          "rulebook": "t", /* between members */ "version": "1.0",
          "sets": { "s": [ "a", 1, 2.50, -0, 1e3, 99999999999999999999 ] },
          "esc\"aped": "line\nbreak \u00e9 \\ \"quoted\"",
          "flags": [ true, false, null, undefined, new Date(1) ],
          "empty": {}, "none": [],
          "rules": [ { "id": "R", "when": [ { "match": "Clause", "where": { "kind": "mfn" } } ], "then": [] } ]
        }
        """;

    [Fact]
    public void Reads_every_kind_of_token_as_newtonsoft_does()
    {
        SameAsOracle(Document);
    }

    [Fact]
    public void Reads_the_shipped_rulebook_as_newtonsoft_does()
    {
        SameAsOracle(System.IO.File.ReadAllText(Path.Combine(RepositoryFiles.Rules, "unesco-2005.json")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   // only a comment")]
    [InlineData("{ \"a\": 1, \"a\": 2 }")]
    [InlineData("{ \"a\": { \"b\": 1, \"b\": 2 } }")]
    [InlineData("{ \"a\": [ 1, 2 ")]
    [InlineData("{ \"a\": ")]
    [InlineData("{")]
    [InlineData("[")]
    [InlineData("]")]
    [InlineData("{ \"a\": 1 }")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("[ 1, /* open comment")]
    [InlineData("[ 1, 2")]
    [InlineData("[ { \"a\": [ 1 ] }")]
    public void Reads_small_and_broken_documents_as_newtonsoft_does(string text)
    {
        SameAsOracle(text);
    }

    [Fact]
    public void Every_truncation_and_every_deleted_character_fails_or_reads_as_newtonsoft_does()
    {
        for (var length = 0; length < Document.Length; length++)
        {
            SameAsOracle(Document[..length]);
        }

        for (var at = 0; at < Document.Length; at++)
        {
            SameAsOracle(Document.Remove(at, 1));
        }
    }

    [Fact]
    public void A_property_named_twice_is_an_error_at_the_second()
    {
        var act = () => Read("{\n  \"a\": 1,\n  \"a\": 2\n}");

        act.Should().Throw<JsonReaderException>()
            .Where(e => e.Message.Contains("'a' already exists", StringComparison.Ordinal) && e.LineNumber == 3);
    }

    private static void SameAsOracle(string text)
    {
        JToken? expected = null;
        JsonReaderException? expectedError = null;
        try
        {
            expected = JToken.ReadFrom(Reader(text), new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            });
        }
        catch (JsonReaderException ex)
        {
            expectedError = ex;
        }

        RuleJson? actual = null;
        JsonReaderException? actualError = null;
        try
        {
            actual = Read(text);
        }
        catch (JsonReaderException ex)
        {
            actualError = ex;
        }

        if (expectedError is not null)
        {
            actualError.Should().NotBeNull($"Newtonsoft fails on {Show(text)}: {expectedError.Message}");
            FirstSentence(actualError!.Message).Should().Be(FirstSentence(expectedError.Message), Show(text));
            (actualError.LineNumber, actualError.LinePosition).Should().Be((expectedError.LineNumber, expectedError.LinePosition), Show(text));
            return;
        }

        actualError.Should().BeNull($"Newtonsoft reads {Show(text)}");
        Same(expected!, actual!, text);
    }

    private static void Same(JToken expected, RuleJson actual, string text)
    {
        actual.Type.Should().Be(expected.Type, Show(text));
        actual.Span.Should().Be(SourceSpan.Of(expected, File), $"the position of {expected.Path} in {Show(text)}");
        switch (expected)
        {
            case JObject obj:
            {
                var properties = ((RuleJsonObject)actual).Properties;
                properties.Select(p => p.Name).Should().Equal(obj.Properties().Select(p => p.Name));
                foreach (var (property, read) in obj.Properties().Zip(properties))
                {
                    read.Span.Should().Be(SourceSpan.Of(property, File), $"the position of {property.Path}'s name in {Show(text)}");
                    Same(property.Value, read.Value, text);
                }

                break;
            }

            case JArray array:
            {
                var items = ((RuleJsonArray)actual).Items;
                items.Should().HaveSameCount(array);
                foreach (var (item, read) in array.Zip(items))
                {
                    Same(item, read, text);
                }

                break;
            }

            case JValue value:
                ((RuleJsonValue)actual).Value.Should().Be(value.Value, Show(text));
                ((RuleJsonValue)actual).ToJson().Should().Be(value.ToString(Formatting.None));
                break;
            default:
                actual.Should().BeOfType<RuleJsonConstructor>();
                break;
        }
    }

    private static RuleJson Read(string text) => RuleJsonReader.Read(Reader(text), File);

    // The parser's reader settings.
    private static JsonTextReader Reader(string text) => new(new StringReader(text))
    {
        MaxDepth = 40,
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
    };

    private static string FirstSentence(string message) =>
        message.IndexOf(" Path '", StringComparison.Ordinal) is var end and > 0 ? message[..end] : message;

    private static string Show(string text) => text.Length <= 60 ? $"'{text}'" : $"a document of {text.Length} characters";
}
