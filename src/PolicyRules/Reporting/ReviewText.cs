using PolicyRules.Checking.Report;

namespace PolicyRules.Reporting;

/// <summary>A needs-review's question in one line, with where its answer lies, for the human-readable reports.</summary>
internal static class ReviewText
{
    /// <summary>The question, then what the clause cites outside the draft (where the answer lies), when it cites anything.</summary>
    public static string Of(ReviewReport review) =>
        review.DependsOn.Count == 0
            ? review.Question
            : $"{review.Question} The clause cites {string.Join(", ", review.DependsOn)}, which the draft does not hold.";
}
