using Microsoft.Extensions.FileSystemGlobbing;

namespace PolicyRules.Checking.Waivers;

/// <summary>
/// Glob patterns over '/'-separated paths, as Microsoft.Extensions.FileSystemGlobbing reads them:
/// <c>*</c> within a folder, <c>**</c> across folders.
/// </summary>
public static class Glob
{
    /// <summary>True when the text holds glob wildcards.</summary>
    public static bool HasWildcards(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.Contains('*', StringComparison.Ordinal);
    }

    /// <summary>Whether a '/'-separated path matches the pattern, as a whole (ordinal, case-sensitive).</summary>
    public static bool IsMatch(string pattern, string path)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(path);
        return Matcher(pattern).Match(Relative(path)).HasMatches;
    }

    /// <summary>A matcher for one pattern; a leading <c>./</c> or <c>/</c> is dropped, as it is from the paths matched.</summary>
    public static Matcher Matcher(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(Relative(pattern));
        return matcher;
    }

    private static string Relative(string path)
    {
        path = path.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return path.TrimStart('/');
    }
}
