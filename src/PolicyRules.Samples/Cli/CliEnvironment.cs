namespace PolicyRules.Cli;

/// <summary>
/// What a run of policy-check takes from its surroundings, so tests can give their own: standard input,
/// whether the outputs are terminals, environment variables, the working folder and the day.
/// </summary>
public sealed class CliEnvironment
{
    private static readonly System.Text.UTF8Encoding Utf8WithoutMark = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Standard input (read by <c>check -</c>).</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>Whether standard output is a terminal (colours in the text report).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Whether standard error is a terminal (progress when checking many files).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Reads an environment variable (NO_COLOR, GITHUB_STEP_SUMMARY).</summary>
    public Func<string, string?> Variable { get; init; } = _ => null;

    /// <summary>Relative paths are resolved against this folder; reports show them as given.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The day waiver expiries are compared with.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.Now);

    /// <summary>The real console and process environment.</summary>
    public static CliEnvironment FromConsole() => new()
    {
        Input = Console.In,
        OutputIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
        Variable = Environment.GetEnvironmentVariable,
        WorkingDirectory = Directory.GetCurrentDirectory(),
        Today = DateOnly.FromDateTime(DateTime.Now),
    };

    /// <summary>A path as the process would open it.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>
    /// Writes an output file (a report, an imported draft, a diff) in UTF-8 without a byte-order mark,
    /// creating its folder first, as <c>--output reports/check.json</c> in a fresh CI workspace expects.
    /// </summary>
    public void WriteFile(string path, string text)
    {
        var full = Resolve(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(full, text, Utf8WithoutMark);
    }
}
