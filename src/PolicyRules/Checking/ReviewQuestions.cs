using PolicyRules.Language;

namespace PolicyRules.Checking;

/// <summary>
/// What each rule that tags a clause <c>needs-review</c> asks, in its own words: its title, without
/// the reading it applies to ("Text-only: …", "Structured: …"), as a sentence.
/// </summary>
internal static class ReviewQuestions
{
    private static readonly string[] ReadingPrefixes = ["Text-only: ", "Structured: "];

    /// <summary>The question of every rule that has a title, by rule id.</summary>
    public static IReadOnlyDictionary<string, string> Of(IEnumerable<RulebookRule> rules)
    {
        var questions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (rule.Title is { } title && Sentence(title) is { Length: > 0 } question)
            {
                questions.TryAdd(rule.Id, question);
            }
        }

        return questions;
    }

    /// <summary>A title as a sentence: the reading prefix dropped, a capital first, a full stop last.</summary>
    public static string Sentence(string title)
    {
        var text = title.Trim();
        foreach (var prefix in ReadingPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..].TrimStart();
            }
        }

        if (text.Length == 0)
        {
            return text;
        }

        text = char.ToUpperInvariant(text[0]) + text[1..];
        return text[^1] is '.' or '?' or '!' ? text : text + ".";
    }
}
