using System.Diagnostics;

namespace PolicyRules.Cli.Tests;

/// <summary>
/// Both packages as their users get them: the library restored from a local folder feed by a
/// throwaway project outside the solution, and the tool installed into a temporary tool path.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class PackageTests : IDisposable
{
    private const string Draft = """
        { "agreement": { "id": "pkg", "parties": [ { "code": "AAA" } ] },
          "clauses": [ { "id": "8.4", "text": "Each Party shall accord national treatment …", "kind": "national-treatment", "sectors": ["av-radio-tv"] } ] }
        """;

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("policyrules-packages-");

    // A version no earlier run used, so the machine's package cache cannot answer for the feed.
    private readonly string _version = $"0.0.1-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void The_library_restores_from_a_folder_feed_and_the_tool_installs_and_runs()
    {
        var feed = Path.Combine(_work.FullName, "feed");
        Pack("src/PolicyRules/PolicyRules.csproj", feed);
        Pack("src/PolicyRules.Samples/PolicyRules.Samples.csproj", feed);
        Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).Should().BeEquivalentTo(
            [$"PolicyRules.{_version}.nupkg", $"PolicyRules.Tool.{_version}.nupkg"]);
        File.WriteAllText(Path.Combine(_work.FullName, "draft.json"), Draft);

        // An analyst's tool: a console project that references the package and checks a draft.
        var app = Directory.CreateDirectory(Path.Combine(_work.FullName, "app")).FullName;
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><add key="local" value="{feed}" /></packageSources></configuration>
            """);
        File.WriteAllText(Path.Combine(app, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="PolicyRules" Version="{_version}" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using PolicyRules.Checking;
            using PolicyRules.Domain.Drafts;
            var document = new PolicyChecker().Check(new DraftReader().ReadFile(args[0]));
            foreach (var clause in document.Clauses)
                Console.WriteLine($"{clause.Id} {clause.Verdict} {string.Join(",", clause.Conflicts.Select(c => c.Principle))}");
            """);
        var run = Dotnet(app, "run", "--", Path.Combine(_work.FullName, "draft.json"));
        run.Output.Should().Contain("8.4 conflict no-culture-liberalisation");

        // The tool, installed as a user installs it.
        var tools = Path.Combine(_work.FullName, "tools");
        Dotnet(_work.FullName, "tool", "install", "PolicyRules.Tool", "--version", _version, "--tool-path", tools, "--add-source", feed);
        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "policy-check.exe" : "policy-check");
        Run(tool, _work.FullName, ["--version"]).Output.Trim().Should().Be($"policy-check {_version}");
        var check = Run(tool, _work.FullName, ["check", "draft.json", "--format", "json"], expectedExit: 1);
        check.Output.Should().Contain("\"principle\": \"no-culture-liberalisation\"");
    }

    private void Pack(string project, string feed) =>
        Dotnet(CliRunner.RepositoryRoot, "pack", Path.Combine(CliRunner.RepositoryRoot, project), "-c", "Release", "-o", feed, $"-p:Version={_version}");

    private static (int Exit, string Output) Dotnet(string directory, params string[] args) => Run("dotnet", directory, args);

    private static (int Exit, string Output) Run(string file, string directory, string[] args, int expectedExit = 0)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit((int)TimeSpan.FromMinutes(5).TotalMilliseconds).Should().BeTrue($"{file} {string.Join(' ', args)} should finish");
        process.ExitCode.Should().Be(expectedExit, $"{file} {string.Join(' ', args)} printed:\n{output.Result}\n{error.Result}");
        return (process.ExitCode, output.Result);
    }
}
