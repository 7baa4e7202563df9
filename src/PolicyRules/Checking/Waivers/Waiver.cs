using PolicyRules.Checking.Report;

namespace PolicyRules.Checking.Waivers;

/// <summary>
/// An accepted conflict: the rule, where (document and clause), why, who accepted it and until when.
/// A matched conflict takes the status <c>waived</c>: it is still reported, and no longer fails a run.
/// </summary>
/// <param name="Rule">The rule id (<c>LIB-001</c>); <c>*</c> matches any rule, and a trailing <c>*</c> a prefix (<c>DIG-*</c>).</param>
/// <param name="Document">The draft: its path (a glob such as <c>drafts/*.json</c>, matched against the end of the path) or its agreement id; null for any.</param>
/// <param name="Clause">The clause id; null or <c>*</c> for any clause, <c>agreement</c> (or <c>(agreement)</c>, as reports label them) for agreement-level findings only.</param>
/// <param name="Reason">Why the conflict is accepted.</param>
/// <param name="By">Who accepted it.</param>
/// <param name="Expires">The last day it applies; null for no expiry.</param>
/// <param name="Line">The line of the waiver in its file, 0 when unknown.</param>
/// <param name="Column">The column of the waiver's opening brace, 0 when unknown.</param>
public sealed record Waiver(string Rule, string? Document, string? Clause, string Reason, string By, DateOnly? Expires, int Line = 0, int Column = 0)
{
    /// <summary>The clause selector of agreement-level findings.</summary>
    public const string AgreementSelector = "agreement";

    /// <summary>True when the waiver has expired on <paramref name="today"/> (it applies through its expiry day).</summary>
    public bool IsExpired(DateOnly today) => Expires is { } last && today > last;

    /// <summary>A short description: rule, document and clause.</summary>
    public string Describe() =>
        $"{Rule}" + (Document is null ? "" : $" in {Document}") + (Clause is null or "*" ? "" : $" on clause {Clause}");

    /// <summary>Whether the waiver's rule selector matches a rule id.</summary>
    public bool MatchesRule(string ruleId) =>
        Rule == "*" || Rule == ruleId || (Rule.EndsWith('*') && ruleId.StartsWith(Rule[..^1], StringComparison.Ordinal));

    /// <summary>Whether the waiver's clause selector matches a clause id (null: an agreement-level finding).</summary>
    public bool MatchesClause(string? clauseId) =>
        Clause is null or "*" || (clauseId is null ? Clause is AgreementSelector or FindingReport.AgreementLevel : Clause == clauseId);

    /// <summary>Whether the waiver's document selector matches a document path or agreement id.</summary>
    public bool MatchesDocument(string path, string? agreementId)
    {
        if (Document is null or "*")
        {
            return true;
        }

        if (agreementId is not null && string.Equals(Document, agreementId, StringComparison.Ordinal))
        {
            return true;
        }

        var normalized = path.Replace('\\', '/');
        var pattern = Document.Replace('\\', '/');
        return Glob.IsMatch(pattern, normalized) || Glob.IsMatch("**/" + pattern.TrimStart('/'), normalized);
    }
}
