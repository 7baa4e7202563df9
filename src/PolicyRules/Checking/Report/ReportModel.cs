using Newtonsoft.Json;
using PolicyRules.Diagnostics;

namespace PolicyRules.Checking.Report;

// The JSON report contract (REPORT-FORMAT.md). Names are a contract: add, never rename or drop.

/// <summary>The whole report of a run.</summary>
public sealed record CheckReport
{
    /// <summary>The tool that made it.</summary>
    public required ToolInfo Tool { get; init; }

    /// <summary>The rulebooks used, with version and content hash.</summary>
    public required IReadOnlyList<RulebookReport> Rulebooks { get; init; }

    /// <summary>When and how long; the only part that may differ between two runs on the same input.</summary>
    public required RunInfo Run { get; init; }

    /// <summary>The documents checked, by path.</summary>
    public required IReadOnlyList<DocumentReport> Documents { get; init; }

    /// <summary>Totals that reconcile with the documents.</summary>
    public required SummaryReport Summary { get; init; }

    /// <summary>
    /// With <c>--waivers</c> (an extension of the contract): how many conflicts were waived and which
    /// waivers did not apply: expired, stale, or naming no rule of the rulebooks.
    /// </summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public WaiversReport? Waivers { get; init; }

    /// <summary>
    /// With <c>--baseline</c> (an extension of the contract): how many counting conflicts are new and
    /// how many the baseline already had, and the baseline's conflicts no longer found.
    /// </summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public BaselineReport? Baseline { get; init; }
}

/// <summary>A run compared with a baseline report.</summary>
/// <param name="Source">The baseline file.</param>
/// <param name="New">Counting conflicts the baseline does not have: only these fail the run.</param>
/// <param name="Existing">Counting conflicts the baseline already had.</param>
/// <param name="Resolved">The baseline's conflicts no longer found in the documents this run checked.</param>
public sealed record BaselineReport(string Source, int New, int Existing, IReadOnlyList<Baselines.BaselineEntry> Resolved)
{
    /// <summary>The baseline's conflicts in documents this run did not check: neither found nor resolved. Written when not 0.</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public int NotChecked { get; init; }

    /// <summary>The mark of a conflict the baseline does not have.</summary>
    public const string NewConflict = "new";

    /// <summary>The mark of a conflict the baseline already had.</summary>
    public const string ExistingConflict = "existing";
}

/// <summary>What the waivers of a run did.</summary>
/// <param name="Applied">Conflicts and findings waived.</param>
/// <param name="Expired">Waivers past their expiry: the conflicts they matched count again.</param>
/// <param name="Stale">Waivers in force that matched no conflict.</param>
/// <param name="UnknownRules">Waivers whose rule selector names no rule of the rulebooks (a typo, or a rule since removed).</param>
public sealed record WaiversReport(int Applied, IReadOnlyList<WaiverReport> Expired, IReadOnlyList<WaiverReport> Stale, IReadOnlyList<WaiverReport> UnknownRules);

/// <summary>One waiver as its file states it, with the line it stands on.</summary>
/// <param name="Rule">Its rule selector.</param>
/// <param name="Document">Its document selector, or null for any.</param>
/// <param name="Clause">Its clause selector, or null for any.</param>
/// <param name="By">Who accepted the conflict.</param>
/// <param name="Expires">Its last day (yyyy-MM-dd), or null.</param>
/// <param name="Line">Its line in the waivers file.</param>
public sealed record WaiverReport(string Rule, string? Document, string? Clause, string By, string? Expires, int Line)
{
    /// <summary>Why the conflict is accepted.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Reason { get; init; }
}

/// <summary>The tool's name and version.</summary>
public sealed record ToolInfo(string Name, string Version);

/// <summary>A rulebook used.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Sha256">The hash of its files' content.</param>
/// <param name="Rules">How many rules it defines.</param>
public sealed record RulebookReport(string Name, string Version, string Sha256, int Rules)
{
    /// <summary>Its rules the checker's options switched off, in order; null when none. An extension of the contract.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public IReadOnlyList<string>? Disabled { get; init; }

    /// <summary>Its rules the checker's options gave another severity, by rule id; null when none. An extension of the contract.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public IReadOnlyDictionary<string, string>? SeverityOverrides { get; init; }
}

/// <summary>When the run started and how long it took.</summary>
public sealed record RunInfo(DateTimeOffset StartedAt, long DurationMs);

/// <summary>One draft's results.</summary>
public sealed record DocumentReport
{
    /// <summary>The draft's path as given, or <c>-</c> for standard input.</summary>
    public required string Path { get; init; }

    /// <summary>The agreement, or null when the draft could not be read.</summary>
    public required AgreementReport? Agreement { get; init; }

    /// <summary>The assessed party, or null for every party.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public required string? Perspective { get; init; }

    /// <summary>The worst of its clauses and findings.</summary>
    public required string Verdict { get; init; }

    /// <summary>Agreement-level conflicts and supports; <c>clause</c> is null.</summary>
    public required IReadOnlyList<FindingReport> Findings { get; init; }

    /// <summary>Every clause, in draft order.</summary>
    public required IReadOnlyList<ClauseReport> Clauses { get; init; }

    /// <summary>Problems of the draft as a whole.</summary>
    public required IReadOnlyList<DiagnosticReport> Diagnostics { get; init; }

    /// <summary>What names the document across runs and rounds (fingerprints, baselines, diffs): its agreement's id, or its path when it has none.</summary>
    internal string Identity => Agreement?.Id ?? Path;
}

/// <summary>The agreement's id and name.</summary>
public sealed record AgreementReport(string Id, string? Name)
{
    /// <summary>Where the agreement starts in the draft (an extension of the contract, for annotations of agreement-level findings).</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public LocationReport? Location { get; init; }
}

/// <summary>One clause's verdict and why.</summary>
public sealed record ClauseReport
{
    /// <summary>The clause's id.</summary>
    public required string Id { get; init; }

    /// <summary>Its verdict: the worst across the assessed parties.</summary>
    public required string Verdict { get; init; }

    /// <summary>
    /// The verdict for each assessed party, when they differ (an exemption that shields one party
    /// only); null when every party has <see cref="Verdict"/>. An extension of the contract.
    /// </summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public IReadOnlyDictionary<string, string>? PartyVerdicts { get; init; }

    /// <summary>Conflicts, by severity then rule id.</summary>
    public required IReadOnlyList<ConflictReport> Conflicts { get; init; }

    /// <summary>Principles it advances.</summary>
    public required IReadOnlyList<SupportReport> Supports { get; init; }

    /// <summary>With <c>needs-review</c>: the principles in question.</summary>
    public required IReadOnlyList<string> Candidates { get; init; }

    /// <summary>
    /// With <c>needs-review</c>: the questions an analyst must answer, each with the rule that asks
    /// it and the provisions outside the draft the answer lies in; null when there are none. An
    /// extension of the contract.
    /// </summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public IReadOnlyList<ReviewReport>? Reviews { get; init; }

    /// <summary>Why it could not be checked, when it could not.</summary>
    public required IReadOnlyList<DiagnosticReport> Diagnostics { get; init; }

    /// <summary>Where the clause starts in the draft (an extension of the contract, for annotations).</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public LocationReport? Location { get; init; }
}

/// <summary>A line and column in a file.</summary>
public sealed record LocationReport(int Line, int Column);

/// <summary>A principle broken.</summary>
public sealed class ConflictReport
{
    /// <summary>The rule that found it.</summary>
    public required string Rule { get; init; }

    /// <summary>The principle id.</summary>
    public required string Principle { get; init; }

    /// <summary>Articles and declarations.</summary>
    public required IReadOnlyList<string> Basis { get; init; }

    /// <summary>critical, high, medium, low or info.</summary>
    public required string Severity { get; init; }

    /// <summary>Whose policy space it touches.</summary>
    public required IReadOnlyList<string> Parties { get; init; }

    /// <summary>What is wrong.</summary>
    public required string Message { get; init; }

    /// <summary>What to do about it.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public required string? Remedy { get; init; }

    /// <summary>The fields or text spans that matched.</summary>
    public required IReadOnlyList<EvidenceReport> Evidence { get; init; }

    /// <summary>What answers it.</summary>
    public required IReadOnlyList<MitigationReport> Mitigations { get; init; }

    /// <summary>
    /// open, partially-mitigated, needs-review, mitigated or waived (<see cref="ConflictStatus"/>):
    /// the worst across the parties. needs-review extends the contract's four: only a list the draft
    /// does not hold may answer the conflict.
    /// </summary>
    public required string Status { get; set; }

    /// <summary>
    /// The status for each party, when they differ (mitigated for the party an exemption shields,
    /// open for the other); null when every party has <see cref="Status"/>. An extension of the contract.
    /// </summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public IReadOnlyDictionary<string, string>? PartyStatus { get; set; }

    /// <summary>With <c>--baseline</c>: <c>new</c> or <c>existing</c> for a counting conflict; null otherwise.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Baseline { get; set; }

    /// <summary>The waiver that accepts it, when its status is <c>waived</c>: who, why and until when. An extension of the contract.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public WaiverReport? Waiver { get; set; }
}

/// <summary>An agreement-level finding: a conflict or a support with no clause.</summary>
public sealed class FindingReport
{
    /// <summary>How reports and waivers name where an agreement-level finding stands, in place of a clause id.</summary>
    public const string AgreementLevel = "(agreement)";

    /// <summary>Always null: the finding is about the agreement.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public string? Clause => null;

    /// <summary>The rule.</summary>
    public required string Rule { get; init; }

    /// <summary>The principle id.</summary>
    public required string Principle { get; init; }

    /// <summary><c>conflict</c> or <c>support</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Articles and declarations.</summary>
    public required IReadOnlyList<string> Basis { get; init; }

    /// <summary>Severity of a conflict; info for a support.</summary>
    public required string Severity { get; init; }

    /// <summary>Whose policy space it touches.</summary>
    public required IReadOnlyList<string> Parties { get; init; }

    /// <summary>What was found.</summary>
    public required string Message { get; init; }

    /// <summary>What to do about it.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public required string? Remedy { get; init; }

    /// <summary>Why.</summary>
    public required IReadOnlyList<EvidenceReport> Evidence { get; init; }

    /// <summary>What answers it.</summary>
    public required IReadOnlyList<MitigationReport> Mitigations { get; init; }

    /// <summary>open, partially-mitigated, needs-review, mitigated or waived (<see cref="ConflictStatus"/>).</summary>
    public required string Status { get; set; }

    /// <summary>With <c>--baseline</c>: <c>new</c> or <c>existing</c> for a counting conflict; null otherwise.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Baseline { get; set; }

    /// <summary>The waiver that accepts it, when its status is <c>waived</c>: who, why and until when. An extension of the contract.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public WaiverReport? Waiver { get; set; }
}

/// <summary>A field, or a span of it, that made a rule match.</summary>
public sealed class EvidenceReport
{
    /// <summary>The field.</summary>
    public required string Field { get; init; }

    /// <summary>[start, end) character offsets in the field, for text.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public IReadOnlyList<int>? Span { get; init; }

    /// <summary>The value, or the text matched.</summary>
    public required string Value { get; init; }
}

/// <summary>A mitigation of a conflict.</summary>
/// <param name="Rule">The rule that found it.</param>
/// <param name="By">The clause (or agreement) that answers the conflict.</param>
/// <param name="Extent">
/// <c>full</c>, <c>partial</c>, or <c>review</c> (an extension of the contract: the answer sits in a
/// list the draft does not hold, and the conflict's status is <c>needs-review</c>).
/// </param>
/// <param name="Message">How it answers it.</param>
public sealed record MitigationReport(string Rule, string By, string Extent, string Message)
{
    /// <summary>The parties it answers for; null when it answers for every party.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public IReadOnlyList<string>? Parties { get; init; }

    /// <summary>Whether it answers for <paramref name="party"/>.</summary>
    public bool AppliesTo(string party) => Parties is null || Parties.Contains(party, StringComparer.Ordinal);
}

/// <summary>A principle advanced.</summary>
public sealed record SupportReport(string Rule, string Principle, string Message);

/// <summary>
/// What a <c>needs-review</c> asks: whether <paramref name="Principles"/> are engaged turns on
/// <paramref name="Question"/>, whose answer lies in <paramref name="DependsOn"/> (the annexes,
/// schedules and instruments the clause cites that the draft does not hold; empty when it names none).
/// </summary>
/// <param name="Rule">The rule that asks.</param>
/// <param name="Principles">The principles in question, in order.</param>
/// <param name="Question">What the answer turns on, in the rule's words.</param>
/// <param name="DependsOn">The provisions outside the draft that the clause cites.</param>
public sealed record ReviewReport(string Rule, IReadOnlyList<string> Principles, string Question, IReadOnlyList<string> DependsOn)
{
    /// <summary>
    /// The question in one line for people, as every report format and <c>why</c> print it: the
    /// principles and the rule, the question, then what the clause cites outside the draft, when it
    /// cites anything ("no-culture-liberalisation (LIB-REVS): A schedule … The clause cites Annex 8, which the draft does not hold.").
    /// </summary>
    public string Describe()
    {
        var asked = $"{string.Join(", ", Principles)} ({Rule}): {Question}";
        return DependsOn.Count == 0 ? asked : $"{asked} The clause cites {string.Join(", ", DependsOn)}, which the draft does not hold.";
    }
}

/// <summary>A diagnostic in the report.</summary>
public sealed record DiagnosticReport(string Code, string Severity, string Message, int Line, int Column)
{
    /// <summary>The MSBuild form editors and CI annotate, for the document at <paramref name="path"/>: <c>path(line,col): error PR2003: message</c>.</summary>
    public string Describe(string? path) => Diagnostic.Format(path, Line, Column, Severity, Code, Message);
}

/// <summary>Totals.</summary>
public sealed class SummaryReport
{
    /// <summary>Documents checked.</summary>
    public required int Documents { get; init; }

    /// <summary>Clauses reported (equal to the clauses read).</summary>
    public required int Clauses { get; init; }

    /// <summary>Clauses by verdict, every verdict present.</summary>
    public required IReadOnlyDictionary<string, int> Verdicts { get; init; }

    /// <summary>Conflicts by severity, every severity present.</summary>
    public required IReadOnlyDictionary<string, int> Conflicts { get; init; }
}
