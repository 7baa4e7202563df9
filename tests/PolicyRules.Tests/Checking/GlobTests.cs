using PolicyRules.Checking.Waivers;

namespace PolicyRules.Tests.Checking;

/// <summary>Globs as Microsoft.Extensions.FileSystemGlobbing reads them, over the '/'-separated paths reports show.</summary>
public class GlobTests
{
    [Theory]
    [InlineData("drafts/*.json", "drafts/a.json", true)]
    [InlineData("drafts/*.json", "drafts/x/a.json", false)]
    [InlineData("drafts/**/*.json", "drafts/x/y/a.json", true)]
    [InlineData("**/waivers.json", "briefs/waivers.json", true)]
    [InlineData("**/waivers.json", "waivers.json", true)]
    [InlineData("**/waivers.json", "briefs/waivers.jsonc", false)]
    [InlineData("./drafts/*.json", "drafts/a.json", true)]
    [InlineData("drafts/*.json", "./drafts/a.json", true)]
    [InlineData("Drafts/*.json", "drafts/a.json", false)]
    public void A_path_matches_a_pattern_as_a_whole(string pattern, string path, bool expected)
    {
        Glob.IsMatch(pattern, path).Should().Be(expected);
    }
}
