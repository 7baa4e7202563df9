using PolicyRules.Cli;

namespace PolicyRules.Cli.Tests;

/// <summary>The result of one in-process run of policy-check.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs policy-check in process, in the test data folder (or another), with no terminal and a fixed day.</summary>
public static class CliRunner
{
    /// <summary>The test data folder copied next to the tests.</summary>
    public static string TestData { get; } = Path.Combine(AppContext.BaseDirectory, "TestData");

    /// <summary>The test-owned rulebook, so results do not move when the Convention rulebook grows.</summary>
    public static readonly string[] TestRules = ["--no-default-rules", "--rules", "rules/cli-test.json"];

    /// <summary>The repository's root (where PolicyRules.sln is).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static CliResult Run(params string[] args) => Run(new CliEnvironment { WorkingDirectory = TestData, Today = new DateOnly(2025, 6, 1) }, args);

    public static CliResult Run(CliEnvironment environment, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = PolicyCheckApp.Run(args, output, error, environment);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// The test project's source folder, where snapshots live. Found from the repository root, not
    /// from the compiler's file paths, which CI builds map to /_/.
    /// </summary>
    public static string SourceFolder() => Path.Combine(RepositoryRoot, "tests", "PolicyRules.Cli.Tests");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PolicyRules.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Compares text with a snapshot file under Snapshots/; UPDATE_SNAPSHOTS=1 rewrites it.</summary>
public static class Snapshot
{
    public static void Match(string actual, string name)
    {
        var path = Path.Combine(CliRunner.SourceFolder(), "Snapshots", name);
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal).Replace(PolicyRules.Checking.PolicyChecker.Version, "<version>", StringComparison.Ordinal);
        if (!File.Exists(path) && Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new Xunit.Sdk.XunitException($"Snapshot {name} is missing at {path}; CI does not write snapshots.");
        }

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" || !File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized);
            if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") != "1")
            {
                throw new Xunit.Sdk.XunitException($"Snapshot {name} did not exist; it was written. Review it and run again.");
            }
        }

        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        normalized.Should().Be(expected, $"the output must match Snapshots/{name} (run with UPDATE_SNAPSHOTS=1 to accept a change)");
    }
}
