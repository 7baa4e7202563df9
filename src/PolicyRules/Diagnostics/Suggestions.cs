namespace PolicyRules.Diagnostics;

/// <summary>"Did you mean" for misspelt names: the closest candidate by edit distance, if close enough.</summary>
public static class Suggestions
{
    /// <summary><c> Did you mean 'x'?</c> (with a leading space), or empty when no candidate is close.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } best ? $" Did you mean '{best}'?" : "";

    /// <summary>The candidate closest to <paramref name="name"/> by edit distance, when close enough; also one that starts with it.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        var list = candidates as IReadOnlyCollection<string> ?? candidates.ToArray();
        var best = list
            .Select(c => (Candidate: c, Distance: Distance(name.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(p => p.Distance <= Math.Max(2, name.Length / 3))
            .OrderBy(p => p.Distance)
            .ThenBy(p => p.Candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Candidate is not null)
        {
            return best.Candidate;
        }

        // "audio" for "av-…" is beyond repair, but "national" for "national-treatment" is a prefix worth naming.
        return name.Length >= 4
            ? list.Where(c => c.StartsWith(name, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
