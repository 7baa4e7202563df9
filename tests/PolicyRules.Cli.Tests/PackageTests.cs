using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PolicyRules.Cli.Tests;

/// <summary>
/// Both packages as their users get them: the library restored from a local folder feed by a
/// throwaway project outside the solution, and the tool installed into a temporary tool path.
/// </summary>
[Trait("Category", "Packaging")]
[Collection(PackagingCollection.Name)]
public sealed class PackageTests(PackedFeed packages) : IClassFixture<PackedFeed>, IDisposable
{
    private const string Draft = """
        { "agreement": { "id": "pkg", "parties": [ { "code": "AAA" } ] },
          "clauses": [ { "id": "8.4", "text": "Each Party shall accord national treatment …", "kind": "national-treatment", "sectors": ["av-radio-tv"] } ] }
        """;

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("policyrules-packages-");
    private readonly string _version = packages.Version;

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void The_library_restores_from_a_folder_feed_and_the_tool_installs_and_runs()
    {
        var feed = packages.Folder;
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

    [Fact]
    public void Both_packages_name_their_licence_and_repository_and_carry_a_readme_that_works_outside_the_repository()
    {
        foreach (var (id, readmeSays) in new[] { ("PolicyRules", "dotnet add package PolicyRules"), ("PolicyRules.Tool", "dotnet tool install --global PolicyRules.Tool") })
        {
            using var package = ZipFile.OpenRead(Path.Combine(packages.Folder, $"{id}.{_version}.nupkg"));
            var nuspec = XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open());
            var ns = nuspec.Root!.GetDefaultNamespace();
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            metadata.Element(ns + "license")!.Value.Should().Be("MIT");
            var repository = metadata.Element(ns + "repository")!;
            repository.Attribute("url")!.Value.Should().Be("https://github.com/policyrules/policyrules");
            repository.Attribute("commit")!.Value.Should().MatchRegex("^[0-9a-f]{40}$", "Source Link and the package name the commit they were built from");
            metadata.Element(ns + "readme")!.Value.Should().Be("README.md");

            using var reader = new StreamReader(package.GetEntry("README.md")!.Open());
            var readme = reader.ReadToEnd();
            readme.Should().Contain(readmeSays);
            readme.Should().NotContain("dotnet run --project", "a package's reader has the package, not the repository");
            var links = Regex.Matches(readme, @"\]\((?<target>[^)\s]+)\)").Select(m => m.Groups["target"].Value).ToArray();
            links.Should().NotBeEmpty().And.OnlyContain(l => l.StartsWith("https://", StringComparison.Ordinal), $"nuget.org cannot resolve a link relative to {id}'s README");
        }
    }

    private static ProcessResult Dotnet(string directory, params string[] args) => Run("dotnet", directory, args);

    private static ProcessResult Run(string file, string directory, string[] args, int expectedExit = 0) =>
        ProcessRunner.Expect(expectedExit, file, directory, args);
}

/// <summary>
/// Both packages packed once for the class, with a version no earlier run used, so the machine's
/// package cache cannot answer for the feed.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("policyrules-feed-");

    public PackedFeed()
    {
        foreach (var project in new[] { "src/PolicyRules/PolicyRules.csproj", "src/PolicyRules.Samples/PolicyRules.Samples.csproj" })
        {
            // A configuration of its own, so the test version never lands in the Release build's bin/ and obj/.
            ProcessRunner.Expect(0, "dotnet", CliRunner.RepositoryRoot, "pack", Path.Combine(CliRunner.RepositoryRoot, project), "-c", "PackageTest", "-p:Optimize=true", "-o", Folder, $"-p:Version={Version}");
        }
    }

    public string Version { get; } = $"0.0.1-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

    public string Folder => _folder.FullName;

    public void Dispose() => _folder.Delete(recursive: true);
}
