using FsCheck;
using FsCheck.Fluent;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyRules.Diagnostics;

namespace PolicyRules.Tests.Diagnostics;

/// <summary>Where a JSON token starts: counted, not re-serialised, and the same as Newtonsoft would write it.</summary>
public class SourceSpanTests
{
    [Fact]
    public void The_counted_length_of_a_string_is_the_length_Newtonsoft_writes()
    {
        // Any text, with quotes, backslashes, control characters and the separators Newtonsoft escapes.
        var special = Gen.Elements('"', '\\', '\b', '\t', '\n', '\f', '\r', '\u0001', '\u001f', '\u0085', '\u2028', '\u2029', 'é', 'a', ' ');
        var chars = Gen.OneOf(special, ArbMap.Default.GeneratorFor<char>());
        var texts = chars.ArrayOf().Select(a => new string(a));

        Prop.ForAll(texts.ToArbitrary(), text => SourceSpan.QuotedLength(text) == JsonConvert.ToString(text).Length)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    [Theory]
    [InlineData("{\n  \"name\": \"plain\"\n}", 2, 3, 11)]
    [InlineData("{\n  \"na\\\"me\": \"with \\\"quotes\\\" and \\\\ \\n\"\n}", 2, 3, 13)]
    public void A_property_points_at_its_name_and_a_value_at_its_first_character(string json, int line, int propertyColumn, int valueColumn)
    {
        var document = JObject.Parse(json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        var property = document.Properties().Single();

        SourceSpan.Of(property, "f.json").Should().Be(new SourceSpan("f.json", line, propertyColumn));
        SourceSpan.Of(property.Value, "f.json").Should().Be(new SourceSpan("f.json", line, valueColumn));
    }
}
