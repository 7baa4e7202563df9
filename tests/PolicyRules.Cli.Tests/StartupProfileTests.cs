using PolicyRules.Cli;

namespace PolicyRules.Cli.Tests;

public class StartupProfileTests
{
    private static readonly string Build = typeof(PolicyRules.Checking.PolicyChecker).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    [Theory]
    [InlineData(new[] { "check", "drafts/a.json" }, "check.jitprofile")]
    [InlineData(new[] { "--version" }, "version.jitprofile")]
    [InlineData(new[] { "../../etc/passwd" }, "other.jitprofile")]
    [InlineData(new[] { "drafts/a.json" }, "other.jitprofile")]
    [InlineData(new string[0], "other.jitprofile")]
    public void A_profile_is_named_by_the_command_word_alone(string[] args, string expected) =>
        StartupProfile.FileName(args).Should().Be(expected);

    [Fact]
    public void Profiles_go_under_local_application_data_one_folder_per_build()
    {
        StartupProfile.Folder(_ => null, "/home/a/.local/share")
            .Should().Be(Path.Combine("/home/a/.local/share", "policy-check", "startup", Build));
    }

    [Theory]
    [InlineData("off")]
    [InlineData("OFF")]
    [InlineData("0")]
    public void The_variable_switches_profiles_off(string value) =>
        StartupProfile.Folder(name => name == StartupProfile.Variable ? value : null, "/home/a/.local/share").Should().BeNull();

    [Fact]
    public void The_variable_moves_profiles_and_without_a_home_there_are_none()
    {
        StartupProfile.Folder(name => name == StartupProfile.Variable ? "/cache/pc" : null, "/home/a/.local/share")
            .Should().Be(Path.Combine("/cache/pc", Build));
        StartupProfile.Folder(_ => null, "").Should().BeNull();
    }

    [Fact]
    public void The_tool_runs_without_profile_guided_instrumentation()
    {
        // Measured in docs/PERFORMANCE.md: a check is too short for PGO to repay its instrumented tier.
        var config = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policy-check.runtimeconfig.json")));
        var pgo = config.SelectToken("runtimeOptions.configProperties['System.Runtime.TieredPGO']");
        pgo.Should().NotBeNull("the tool's project sets TieredPGO");
        pgo!.ToObject<bool>().Should().BeFalse();
    }

    [Fact]
    public void A_run_records_its_command_s_profile_and_a_folder_it_cannot_write_costs_nothing_but_the_profile()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "policy-check.dll");
        var root = Directory.CreateTempSubdirectory("pc-profile-").FullName;
        try
        {
            var recorded = ProcessRunner.Run("dotnet", root, [tool, "--version"], new Dictionary<string, string> { [StartupProfile.Variable] = root });
            recorded.ExitCode.Should().Be(0, recorded.Error);
            File.Exists(Path.Combine(root, Build, "version.jitprofile")).Should().BeTrue("the runtime writes the profile when the process ends");

            // A file where the folder should be: the run goes on as if profiles were off.
            var blocked = Path.Combine(root, "blocked");
            File.WriteAllText(blocked, "");
            var unwritable = ProcessRunner.Run("dotnet", root, [tool, "--version"], new Dictionary<string, string> { [StartupProfile.Variable] = blocked });
            unwritable.ExitCode.Should().Be(0, unwritable.Error);
            unwritable.Output.Should().Be(recorded.Output);
            unwritable.Error.Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
