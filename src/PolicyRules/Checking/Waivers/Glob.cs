using System.Text;
using System.Text.RegularExpressions;

namespace PolicyRules.Checking.Waivers;

/// <summary>Glob patterns over '/'-separated paths: <c>*</c> within a segment, <c>**</c> across segments, <c>?</c> one character.</summary>
public static class Glob
{
    /// <summary>True when the text holds glob wildcards.</summary>
    public static bool HasWildcards(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.IndexOfAny(['*', '?', '[']) >= 0;
    }

    /// <summary>Whether a '/'-separated path matches the pattern, as a whole.</summary>
    public static bool IsMatch(string pattern, string path)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(path);
        return ToRegex(pattern).IsMatch(path);
    }

    /// <summary>The pattern as an anchored regular expression.</summary>
    public static Regex ToRegex(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches zero or more folders; a final "**" anything.
                if (i + 2 < pattern.Length && pattern[i + 2] == '/')
                {
                    regex.Append("(?:[^/]*/)*");
                    i += 2;
                }
                else
                {
                    regex.Append(".*");
                    i++;
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
