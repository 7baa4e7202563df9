using PolicyRules.Checking.Baselines;
using PolicyRules.Checking.Verification;
using PolicyRules.Checking.Waivers;
using PolicyRules.Domain.Drafts;
using PolicyRules.Language;
using static PolicyRules.Tests.Language.LanguageFixture;

namespace PolicyRules.Tests.Diagnostics;

/// <summary>
/// Every JSON file the library reads says that it is empty, at its first line: Newtonsoft.Json
/// alone would say "Error reading JToken from JsonReader" at line 0, column 0.
/// </summary>
public class EmptyJsonFileTests
{
    public static TheoryData<string> EmptyTexts => ["", "\n", "  \r\n\t "];

    [Theory]
    [MemberData(nameof(EmptyTexts))]
    public void A_rule_file(string text) =>
        Load(text).Diagnostics.Should().ContainSingle().Which.ToString().Should().Be("test.json(1,1): error PR1001: Malformed JSON: The file is empty.");

    [Theory]
    [MemberData(nameof(EmptyTexts))]
    public void A_waiver_file(string text) =>
        WaiverFile.Parse(text, "waivers.json").Diagnostics.Should().ContainSingle().Which.ToString().Should().Be("waivers.json(1,1): error PR4001: Malformed waiver file: The file is empty.");

    [Theory]
    [MemberData(nameof(EmptyTexts))]
    public void A_rule_test_file(string text) =>
        RuleTestRunner.Parse(text, "tests.json").Diagnostics.Should().ContainSingle().Which.Message.Should().Be("Malformed test file: The file is empty.");

    [Theory]
    [MemberData(nameof(EmptyTexts))]
    public void A_baseline_report(string text) =>
        FluentActions.Invoking(() => Baseline.FromReport(text)).Should().Throw<FormatException>().WithMessage("not JSON (The file is empty.)");

    [Theory]
    [MemberData(nameof(EmptyTexts))]
    public void A_draft(string text) =>
        new DraftReader().Read(text, "d.json").Diagnostics.Should().ContainSingle().Which.ToString().Should().StartWith("d.json(1,1): error PR2001: The draft is empty");

    [Fact]
    public void A_file_that_is_not_empty_keeps_the_place_and_reason_reading_stopped() =>
        WaiverFile.Parse("[\n  { \"rule\": }\n]", "waivers.json").Diagnostics.Should().ContainSingle().Which.ToString()
            .Should().StartWith("waivers.json(2,").And.Contain("Malformed waiver file: Unexpected character").And.NotContain("Path '");
}
