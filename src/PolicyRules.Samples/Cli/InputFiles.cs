using Microsoft.Extensions.FileSystemGlobbing;
using PolicyRules.Checking.Waivers;
using PolicyRules.Domain.Imports;

namespace PolicyRules.Cli;

/// <summary>One input of <c>check</c>: a file (shown as given) or standard input.</summary>
/// <param name="Display">The path as the report shows it (forward slashes), or <c>-</c>.</param>
/// <param name="FullPath">The path to open; null for standard input.</param>
internal sealed record InputFile(string Display, string? FullPath)
{
    public bool IsStandardInput => FullPath is null;
}

/// <summary>
/// Expands the paths of <c>check</c>: files as given, folders recursively (<c>*.json</c>), globs, <c>-</c>.
/// Files that match an <c>--exclude</c> pattern are left out, and so are the run's own files (its
/// waivers, rule files and output) when a folder or pattern would take them in.
/// </summary>
internal static class InputFiles
{
    public static (IReadOnlyList<InputFile> Files, IReadOnlyList<string> Errors) Expand(
        IEnumerable<string> paths,
        CliEnvironment environment,
        IReadOnlyList<string>? exclude = null,
        IEnumerable<string>? ownFiles = null)
    {
        var files = new List<InputFile>();
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var excluded = (exclude ?? []).Select(p => p.Replace('\\', '/')).ToArray();
        var own = new HashSet<string>((ownFiles ?? []).Select(f => Path.GetFullPath(environment.Resolve(f))), StringComparer.Ordinal);
        bool Excluded(InputFile file) => excluded.Any(pattern => Glob.IsMatch(pattern, file.Display));
        void Add(InputFile file)
        {
            if (!Excluded(file) && seen.Add(file.FullPath ?? "-"))
            {
                files.Add(file);
            }
        }

        void AddFound(InputFile file)
        {
            if (file.FullPath is null || !own.Contains(Path.GetFullPath(file.FullPath)))
            {
                Add(file);
            }
        }

        foreach (var given in paths)
        {
            if (given == "-")
            {
                Add(new InputFile("-", null));
                continue;
            }

            var display = given.Replace('\\', '/');
            var full = environment.Resolve(given);
            if (Directory.Exists(full))
            {
                var found = Directory.EnumerateFiles(full, "*.json", SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(full, f).Replace('\\', '/'))
                    .Order(StringComparer.Ordinal)
                    .ToArray();
                if (found.Length == 0)
                {
                    // Treaty texts are read when named, not found in folders (a notes.txt is no treaty).
                    var texts = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Where(TreatyImporter.CanImport).Select(Path.GetExtension).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
                    errors.Add(texts.Length == 0
                        ? $"{display}: the folder holds no *.json draft"
                        : $"{display}: the folder holds no *.json draft, but treaty texts ({string.Join(", ", texts)}): name them, or give a pattern such as \"{display.TrimEnd('/')}/*{texts[0]}\"");
                }

                foreach (var relative in found)
                {
                    AddFound(new InputFile(display.TrimEnd('/') + "/" + relative, Path.Combine(full, relative)));
                }
            }
            else if (Glob.HasWildcards(given) && !File.Exists(full))
            {
                var matches = ExpandGlob(display, environment);
                if (matches.Count == 0)
                {
                    errors.Add($"{display}: no file matches the pattern");
                }

                foreach (var match in matches)
                {
                    AddFound(match);
                }
            }
            else
            {
                // Missing or unreadable files are read anyway: the reader reports them as documents that could not be checked.
                Add(new InputFile(display, full));
            }
        }

        return (files, errors);
    }

    private static List<InputFile> ExpandGlob(string pattern, CliEnvironment environment)
    {
        // The folder before the first segment with a wildcard is where the search starts.
        var segments = pattern.Split('/');
        var fixedCount = segments.TakeWhile(s => !Glob.HasWildcards(s)).Count();
        var prefix = string.Join('/', segments.Take(fixedCount));
        var root = environment.Resolve(prefix.Length == 0 ? "." : prefix + (pattern.StartsWith('/') && fixedCount == 1 ? "/" : ""));
        if (!Directory.Exists(root))
        {
            return [];
        }

        var rest = string.Join('/', segments.Skip(fixedCount));
        return Glob.Matcher(rest).GetResultsInFullPath(root)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(relative => new InputFile(prefix.Length == 0 ? relative : prefix + "/" + relative, Path.Combine(root, relative)))
            .ToList();
    }
}
