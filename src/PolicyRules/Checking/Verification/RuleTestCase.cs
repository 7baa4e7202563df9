using PolicyRules.Diagnostics;
using PolicyRules.Domain.Drafts;

namespace PolicyRules.Checking.Verification;

/// <summary>One rule test: a draft and what the report must say about it.</summary>
/// <param name="File">The test file.</param>
/// <param name="Name">The case's name.</param>
/// <param name="Draft">The draft checked.</param>
/// <param name="Expected">What must hold.</param>
/// <param name="Location">Where the case is written.</param>
public sealed record RuleTestCase(string? File, string Name, Draft Draft, ExpectedDocument Expected, SourceSpan Location);

/// <summary>What a rule test expects of a document; null members are not checked.</summary>
/// <param name="Verdict">The document's verdict.</param>
/// <param name="Clauses">Expectations by clause id.</param>
/// <param name="Findings">The principle ids of the agreement-level conflicts, exactly.</param>
public sealed record ExpectedDocument(string? Verdict, IReadOnlyDictionary<string, ExpectedClause> Clauses, IReadOnlyList<string>? Findings)
{
    /// <summary>The rule ids of the agreement-level conflicts, exactly; null when not checked.</summary>
    public IReadOnlyList<string>? FindingRules { get; init; }
}

/// <summary>What a rule test expects of a clause; null members are not checked.</summary>
/// <param name="Verdicts">The verdicts accepted (one, or several where analysts accept either).</param>
/// <param name="Conflicts">The principle ids of its conflicts, exactly (any status).</param>
/// <param name="Supports">The principle ids it supports, exactly.</param>
/// <param name="Candidates">The candidate principles of a needs-review, exactly.</param>
/// <param name="Rules">The rule ids of its conflicts, exactly.</param>
/// <param name="Statuses">The status of each conflict named by principle or rule id (<c>open</c>, <c>partially-mitigated</c>, <c>mitigated</c>).</param>
/// <param name="Parties">The verdict for each party named.</param>
public sealed record ExpectedClause(
    IReadOnlyList<string>? Verdicts,
    IReadOnlyList<string>? Conflicts,
    IReadOnlyList<string>? Supports,
    IReadOnlyList<string>? Candidates,
    IReadOnlyList<string>? Rules = null,
    IReadOnlyDictionary<string, string>? Statuses = null,
    IReadOnlyDictionary<string, string>? Parties = null);

/// <summary>The outcome of one rule test.</summary>
/// <param name="Case">The test.</param>
/// <param name="Failures">What did not hold, each with expected and actual; empty when it passed.</param>
public sealed record RuleTestResult(RuleTestCase Case, IReadOnlyList<string> Failures)
{
    /// <summary>True when everything expected held.</summary>
    public bool Passed => Failures.Count == 0;
}
