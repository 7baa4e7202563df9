using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyRules.Language.Binding;

/// <summary>
/// The functions compiled rules call: null-safe list and text tests. This is the whole library a
/// rule file can reach besides the members of registered types.
/// </summary>
internal static class LanguageFunctions
{
    public static bool Overlaps<T>(IEnumerable<T>? list, HashSet<T> values)
    {
        if (list is null)
        {
            return false;
        }

        foreach (var item in list)
        {
            if (values.Contains(item))
            {
                return true;
            }
        }

        return false;
    }

    public static bool OverlapsList<T>(IEnumerable<T>? list, IEnumerable<T>? other) =>
        list is not null && other is not null && Overlaps(list, other as HashSet<T> ?? [.. other]);

    public static bool SubsetOf<T>(IEnumerable<T>? list, HashSet<T> values) => list is null || list.All(values.Contains);

    public static bool SubsetOfList<T>(IEnumerable<T>? list, IEnumerable<T>? other) =>
        list is null || (other is not null && SubsetOf(list, other as HashSet<T> ?? [.. other]));

    public static bool Covers<T>(IEnumerable<T>? list, HashSet<T> values) =>
        values.Count == 0 || (list is not null && values.IsSubsetOf(list));

    public static bool CoversList<T>(IEnumerable<T>? list, IEnumerable<T>? other) =>
        other is null || Covers(list, other as HashSet<T> ?? [.. other]);

    public static T[] Except<T>(IEnumerable<T>? list, HashSet<T> values) =>
        list is null ? [] : list.Where(item => !values.Contains(item)).ToArray();

    public static T[] ExceptList<T>(IEnumerable<T>? list, IEnumerable<T>? other) =>
        other is null ? list?.ToArray() ?? [] : Except(list, other as HashSet<T> ?? [.. other]);

    public static bool InList<T>(T value, IEnumerable<T>? list) => value is not null && list is not null && list.Contains(value);

    /// <summary>A member of every item of a list (nulls left out): <c>exceptions.type</c>.</summary>
    public static TValue[] Each<TItem, TValue>(IEnumerable<TItem>? list, Func<TItem, TValue> read) =>
        list is null ? [] : list.Select(read).Where(v => v is not null).ToArray();

    /// <summary>A list member of every item of a list, joined: <c>exceptions.parties</c>.</summary>
    public static TValue[] JoinEach<TItem, TValue>(IEnumerable<TItem>? list, Func<TItem, IEnumerable<TValue>?> read) =>
        list is null ? [] : list.SelectMany(item => read(item) ?? []).ToArray();

    /// <summary>The distinct items of several lists, in order of first appearance.</summary>
    public static IReadOnlyList<string> Union(IEnumerable<string>?[] lists) =>
        lists.SelectMany(list => list ?? []).Distinct(StringComparer.Ordinal).ToArray();

    public static bool Some<T>(IEnumerable<T>? list, Func<T, bool> test) => list is not null && list.Any(test);

    public static bool Every<T>(IEnumerable<T>? list, Func<T, bool> test) => list is null || list.All(test);

    public static bool NoneOf<T>(IEnumerable<T>? list, Func<T, bool> test) => list is null || !list.Any(test);

    public static bool ContainsIgnoreCase(IEnumerable<string?>? list, string value) =>
        list is not null && list.Any(item => string.Equals(item, value, StringComparison.OrdinalIgnoreCase));

    public static int Count<T>(IEnumerable<T>? list) => list switch
    {
        null => 0,
        IReadOnlyCollection<T> collection => collection.Count,
        _ => list.Count(),
    };

    public static bool IsEmpty<T>(IEnumerable<T>? list) => Count(list) == 0;

    public static bool In<T>(T value, HashSet<T> values) => value is not null && values.Contains(value);

    public static bool ContainsText(string? text, string value, bool ignoreCase) =>
        text is not null && text.Contains(value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    public static bool StartsWith(string? text, string value, bool ignoreCase) =>
        text is not null && text.StartsWith(value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    public static bool EndsWith(string? text, string value, bool ignoreCase) =>
        text is not null && text.EndsWith(value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    public static bool Matches(string? text, RulePattern pattern) => text is not null && pattern.Regex.IsMatch(text);

    /// <summary>Ordinal order of two texts; null when either is missing, so every ordering test on it is false.</summary>
    public static int? CompareText(string? left, string? right) =>
        left is null || right is null ? null : string.CompareOrdinal(left, right);

    public static string? Attribute(IReadOnlyDictionary<string, string>? attributes, string name) =>
        attributes is not null && attributes.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// Evidence from a text field: the span of the first of the rule's text tests on it that
    /// matches, or the whole text when none does.
    /// </summary>
    public static PolicyRules.Domain.Evidence TextEvidence(string field, string? text, RulePattern[] tests)
    {
        if (text is not null)
        {
            foreach (var test in tests)
            {
                var match = test.Regex.Match(text);
                if (match.Success)
                {
                    return new PolicyRules.Domain.Evidence(field, match.Value, match.Index, match.Index + match.Length);
                }
            }
        }

        return new PolicyRules.Domain.Evidence(field, text ?? "");
    }

    /// <summary>How a template shows a value: lists joined with commas, numbers invariant, booleans as JSON writes them, null as empty.</summary>
    public static string Show(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => string.Join(", ", list.Cast<object?>().Select(Show)),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// A conflict's evidence: the fields its rule names, less those the draft leaves empty (a field
    /// that says nothing is no evidence), then what the derived facts it matched on the same clause
    /// rest on — the tags and text cues read from the text, given here by the rule's translation —
    /// without repeats or what another item shows (<see cref="Domain.EvidenceList"/>). A conflict
    /// found in a text-only clause thus shows the words that raised it, not <c>kind ""</c> nor the
    /// whole text.
    /// </summary>
    public static IReadOnlyList<Domain.Evidence> ConflictEvidence(IReadOnlyList<Domain.Evidence> named, IReadOnlyList<Domain.Evidence>[] derived)
    {
        if (derived.Length == 0 && named.All(Says))
        {
            return named;
        }

        return Domain.EvidenceList.Essential(derived.Prepend(named).SelectMany(list => list).Where(Says));
    }

    private static bool Says(Domain.Evidence item) => item.Value.Length > 0 || item.Start is not null;

    /// <summary>Evidence lists joined in order (a rule's fields, then the spans of the text cues it names).</summary>
    public static IReadOnlyList<Domain.Evidence> Concat(IReadOnlyList<Domain.Evidence>[] lists) => lists.Length == 1 ? lists[0] : lists.SelectMany(l => l).ToArray();
}
