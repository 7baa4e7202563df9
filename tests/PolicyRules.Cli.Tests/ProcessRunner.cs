using System.Diagnostics;

namespace PolicyRules.Cli.Tests;

/// <summary>The result of a child process: its exit code and what it printed.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error);

/// <summary>Runs a program as a user would (dotnet, an installed tool, bash), with telemetry off.</summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="file"/> in <paramref name="directory"/> and waits up to five minutes.</summary>
    public static ProcessResult Run(string file, string directory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit((int)TimeSpan.FromMinutes(5).TotalMilliseconds).Should().BeTrue($"{file} {string.Join(' ', args)} should finish");
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs and expects <paramref name="expectedExit"/>, showing everything printed when it differs.</summary>
    public static ProcessResult Expect(int expectedExit, string file, string directory, params string[] args)
    {
        var result = Run(file, directory, args);
        result.ExitCode.Should().Be(expectedExit, $"{file} {string.Join(' ', args)} printed:\n{result.Output}\n{result.Error}");
        return result;
    }
}

/// <summary>
/// Tests that build or pack the repository's projects run one at a time: two builds of the same
/// project at once would write the same obj/ files.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackagingCollection
{
    public const string Name = "Packaging";
}
