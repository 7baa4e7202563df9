using System.CommandLine;
using PolicyRules.Diagnostics;

namespace PolicyRules.Cli;

/// <summary>
/// An argument that takes any number of paths would take a misspelt option (<c>--formt json</c>) as
/// two files to read. A value that starts with '-' and names no file or folder is refused as an
/// unknown option instead, with the command's closest option.
/// </summary>
internal static class PathArguments
{
    public static void RefuseUnknownOptions(Argument<string[]> paths, Command command, CliEnvironment environment)
    {
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                var value = token.Value;
                if (value.Length > 1 && value[0] == '-' && !File.Exists(environment.Resolve(value)) && !Directory.Exists(environment.Resolve(value)))
                {
                    var options = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
                    result.AddError($"Unrecognized option '{value}'.{Suggestions.DidYouMean(value, options)}");
                }
            }
        });
    }
}
