using PolicyRules.Checking.Waivers;

namespace PolicyRules.Tests.Checking;

/// <summary>Waiver files: every problem is placed where an editor should put the cursor.</summary>
public class WaiverFileTests
{
    private const string File = "waivers.json";

    [Fact]
    public void A_waiver_is_placed_at_its_opening_brace()
    {
        var (waivers, diagnostics) = WaiverFile.Parse("{ \"waivers\": [\n    { \"rule\": \"LIB-001\", \"reason\": \"Agreed.\", \"by\": \"a.analyst\" }\n] }", File);

        diagnostics.Should().BeEmpty();
        waivers.Should().ContainSingle().Which.Should().Match<Waiver>(w => w.Line == 2 && w.Column == 5);
    }

    [Fact]
    public void An_unknown_field_is_placed_at_its_name_and_the_known_one_it_resembles_is_suggested()
    {
        var (waivers, diagnostics) = WaiverFile.Parse("[\n  { \"rule\": \"LIB-001\", \"reason\": \"Agreed.\", \"by\": \"a.analyst\", \"expiers\": \"2027-01-01\" }\n]", File);

        waivers.Should().ContainSingle("an unknown field is a warning: the waiver still applies");
        diagnostics.Should().ContainSingle().Which.ToString().Should()
            .StartWith("waivers.json(2,64): warning PR4002: Unknown waiver field 'expiers' is ignored.")
            .And.Contain("'expires'");
    }

    [Fact]
    public void A_wrong_value_is_placed_at_its_first_character()
    {
        var (waivers, diagnostics) = WaiverFile.Parse("[\n  { \"rule\": \"LIB-001\", \"reason\": \"Agreed.\", \"by\": \"a.analyst\", \"expires\": \"31/12/2027\" }\n]", File);

        waivers.Should().BeEmpty();
        diagnostics.Should().ContainSingle().Which.ToString().Should()
            .Be("waivers.json(2,75): error PR4002: 'expires' must be a date such as 2026-12-31, not '31/12/2027'.");
    }

    [Fact]
    public void A_missing_field_is_placed_at_the_waiver_that_lacks_it()
    {
        var (_, diagnostics) = WaiverFile.Parse("[\n  { \"rule\": \"LIB-001\", \"by\": \"a.analyst\" }\n]", File);

        diagnostics.Should().ContainSingle().Which.ToString().Should().Be("waivers.json(2,3): error PR4002: Missing required field 'reason'.");
    }
}
