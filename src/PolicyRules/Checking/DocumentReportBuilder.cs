using PolicyRules.Checking.Report;
using PolicyRules.Diagnostics;
using PolicyRules.Domain;
using PolicyRules.Domain.Drafts;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Checking;

/// <summary>
/// Turns what a session derived for one draft into its part of the report: each clause with its
/// verdict, conflicts with their mitigations and status, supports, candidates; agreement findings.
/// </summary>
internal sealed class DocumentReportBuilder(
    Draft draft,
    string path,
    IReadOnlyDictionary<string, string> severityOverrides,
    IReadOnlyDictionary<string, string> questions)
{
    // What a needs-review asks when its rule states no question of its own (a rule file without titles).
    private const string UnstatedQuestion = "The answer lies in provisions the draft does not hold.";

    // A mitigation whose answer sits in a list the draft does not hold.
    private const string ReviewExtent = "review";

    /// <summary>A tag with this name marks a clause whose answer depends on what the draft does not hold; its value names the principle.</summary>
    public const string NeedsReviewTag = "needs-review";

    public DocumentReport Build(RuleSession? session)
    {
        var conflicts = session?.Query<Conflict>() ?? [];
        var mitigations = (session?.Query<Mitigation>() ?? []).ToLookup(m => m.Conflict);
        var supports = (session?.Query<Support>() ?? []).ToLookup(s => s.Subject);
        var reviews = (session?.Query<Tag>() ?? []).Where(t => t.Name == NeedsReviewTag).ToLookup(t => t.Subject);
        var readings = (session?.Query<ClauseReading>() ?? []).ToLookup(r => (object)r.Subject);
        var bySubject = conflicts.ToLookup(c => c.Subject);

        var clauses = session is null
            ? draft.Clauses.Select(c => NotChecked(c)).ToArray()
            : draft.Clauses.Select(clause => Clause(clause, bySubject, mitigations, supports, reviews, readings)).ToArray();
        var agreement = draft.Agreement;
        var findings = agreement is null
            ? []
            : bySubject[agreement].Select(c => Finding(c, mitigations[c]))
                .Concat(supports[agreement].Select(Finding))
                .OrderBy(f => f.Kind, StringComparer.Ordinal)
                .ThenBy(f => Severity.Rank(f.Severity))
                .ThenBy(f => f.Rule, StringComparer.Ordinal)
                .ThenBy(f => f.Message, StringComparer.Ordinal)
                .ToArray();

        var verdict = agreement is null || draft.Diagnostics.Any(d => d.IsError) ? Verdict.Error : DocumentVerdict(clauses, findings);

        return new DocumentReport
        {
            Path = path,
            Agreement = agreement is null ? null : new AgreementReport(agreement.Id, agreement.Name)
            {
                Location = draft.AgreementLocation.Line > 0 ? new LocationReport(draft.AgreementLocation.Line, draft.AgreementLocation.Column) : null,
            },
            Perspective = draft.Perspective,
            Verdict = verdict,
            Findings = findings,
            Clauses = clauses,
            Diagnostics = draft.Diagnostics.Select(Diagnostic).ToArray(),
        };
    }

    /// <summary>
    /// The report of a draft the engine failed on: the document and every clause with the verdict
    /// <c>error</c>, and a diagnostic naming the rule and the clause where it failed.
    /// </summary>
    public static DocumentReport Faulted(Draft draft, string path, Exception fault)
    {
        var (rules, facts) = fault switch
        {
            RuleActionException action => ([action.RuleId], action.Match.Bindings.Select(b => b.Value).ToArray()),
            RuleConditionException condition => (condition.RuleIds, condition.Facts.ToArray()),
            _ => ((IReadOnlyList<string>)[], Array.Empty<object?>()),
        };
        var clause = facts.OfType<Clause>().Select(c => c.Id).FirstOrDefault() ?? facts.OfType<Tag>().Select(t => (t.Subject as Clause)?.Id).FirstOrDefault(id => id is not null);
        var where = (rules.Count > 0 ? $" in rule {string.Join(", ", rules)}" : "") + (clause is null ? "" : $" on clause {clause}");
        var message = $"The engine failed{where}: {(fault.InnerException ?? fault).Message} The draft was not checked; the other drafts were.";
        var at = clause is not null && draft.Clauses.FirstOrDefault(c => c.Id == clause) is { } failed ? failed.Location : draft.AgreementLocation;
        var diagnostic = new DiagnosticReport(CheckDiagnosticCodes.EngineFault, "error", message, at.Line, at.Column);
        return new DocumentReport
        {
            Path = path,
            Agreement = draft.Agreement is null ? null : new AgreementReport(draft.Agreement.Id, draft.Agreement.Name),
            Perspective = draft.Perspective,
            Verdict = Verdict.Error,
            Findings = [],
            Clauses = draft.Clauses.Select(c => NotChecked(c, c.Id == clause ? diagnostic : null)).ToArray(),
            Diagnostics = [.. draft.Diagnostics.Select(Diagnostic), diagnostic],
        };
    }

    /// <summary>
    /// A clause of a draft that was not checked (no agreement for it to belong to, or the engine
    /// failed on the draft): <c>error</c>, as the document is, whose diagnostics say why; never a
    /// verdict the rules did not reach. <paramref name="own"/> is a diagnostic about this clause.
    /// </summary>
    private static ClauseReport NotChecked(DraftClause clause, DiagnosticReport? own = null) => new()
    {
        Id = clause.Id,
        Verdict = Verdict.Error,
        Conflicts = [],
        Supports = [],
        Candidates = [],
        Diagnostics = [.. clause.Diagnostics.Select(Diagnostic), .. own is null ? Array.Empty<DiagnosticReport>() : [own]],
        Location = clause.Location.Line > 0 ? new LocationReport(clause.Location.Line, clause.Location.Column) : null,
    };

    public static DiagnosticReport Diagnostic(Diagnostic d) =>
        new(d.Code, d.Severity.ToString().ToLowerInvariant(), d.Message, d.Line, d.Column);

    private ClauseReport Clause(
        DraftClause clause,
        ILookup<object, Conflict> conflicts,
        ILookup<Conflict, Mitigation> mitigations,
        ILookup<object, Support> supports,
        ILookup<object, Tag> reviews,
        ILookup<object, ClauseReading> readings)
    {
        var location = clause.Location.Line > 0 ? new LocationReport(clause.Location.Line, clause.Location.Column) : null;
        if (clause.Fact is not { } fact)
        {
            return NotChecked(clause); // it could not be read; its diagnostics say why
        }

        // One conflict per rule and principle: a finding reached through several matches (several
        // cues or tags) is reported once, with all its evidence and mitigations.
        var found = conflicts[fact]
            .GroupBy(c => (c.RuleId, c.Principle))
            .Select(g => Conflict(g.OrderBy(c => c.Message, StringComparer.Ordinal).ToArray(), fact, g.SelectMany(c => mitigations[c])))
            .OrderBy(c => Severity.Rank(c.Severity))
            .ThenBy(c => c.Rule, StringComparer.Ordinal)
            .ThenBy(c => c.Message, StringComparer.Ordinal)
            .ToArray();
        var supported = supports[fact]
            .Select(s => new SupportReport(s.RuleId, s.Principle, s.Message))
            .Distinct() // one rule matching twice (two cues, same clause) supports once
            .OrderBy(s => s.Rule, StringComparer.Ordinal)
            .ThenBy(s => s.Message, StringComparer.Ordinal)
            .ToArray();
        var candidates = reviews[fact].Select(t => t.Value ?? "")
            .Concat(found.Where(c => c.Status == ConflictStatus.NeedsReview).Select(c => c.Principle))
            .Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray();

        var (verdict, byParty) = ClauseVerdicts(found, candidates.Length > 0, supported.Length > 0);
        return new ClauseReport
        {
            Id = clause.Id,
            Verdict = verdict,
            PartyVerdicts = byParty,
            Conflicts = found,
            Supports = supported,
            Candidates = candidates,
            Reviews = Reviews(reviews[fact], found, readings[fact]),
            Diagnostics = clause.Diagnostics.Select(Diagnostic).ToArray(),
            Location = location,
        };
    }

    /// <summary>A readable document's verdict: the worst of its clauses and agreement-level conflicts.</summary>
    public static string DocumentVerdict(IReadOnlyList<ClauseReport> clauses, IReadOnlyList<FindingReport> findings)
    {
        if (clauses.Count == 0 && findings.Count == 0)
        {
            return Verdict.Compliant;
        }

        return clauses.Select(c => c.Verdict)
            .Concat(findings.Where(f => f.Kind == "conflict").Select(f => Verdict.OfStatus(f.Status)))
            .Aggregate(Verdict.Supports, Verdict.Worst);
    }

    /// <summary>
    /// A clause's verdict, and its verdict for each party when they differ: per party from that
    /// party's conflict statuses; overall the worst across parties.
    /// </summary>
    public static (string Verdict, IReadOnlyDictionary<string, string>? ByParty) ClauseVerdicts(IReadOnlyList<ConflictReport> conflicts, bool needsReview, bool supports)
    {
        var verdict = ClauseVerdict(conflicts.Select(c => c.Status).ToArray(), needsReview, supports);
        if (!conflicts.Any(c => c.PartyStatus is not null))
        {
            return (verdict, null);
        }

        var byParty = conflicts.SelectMany(c => c.Parties).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(
                party => party,
                party => ClauseVerdict(conflicts.Select(c => c.PartyStatus?.GetValueOrDefault(party) ?? c.Status).ToArray(), needsReview, supports),
                StringComparer.Ordinal);
        return (verdict, byParty.Values.Distinct().Count() > 1 ? byParty : null);
    }

    /// <summary>A clause's verdict from its conflicts' statuses: the worst that applies.</summary>
    public static string ClauseVerdict(IReadOnlyList<string> statuses, bool needsReview, bool supports)
    {
        if (statuses.Contains(ConflictStatus.Open))
        {
            return Verdict.Conflict;
        }

        if (statuses.Contains(ConflictStatus.PartiallyMitigated))
        {
            return Verdict.PartiallyMitigated;
        }

        if (needsReview || statuses.Contains(ConflictStatus.NeedsReview))
        {
            return Verdict.NeedsReview;
        }

        if (statuses.Contains(ConflictStatus.Mitigated))
        {
            return Verdict.Mitigated;
        }

        return supports ? Verdict.Supports : Verdict.Compliant;
    }

    /// <summary>
    /// The questions a clause puts to the analyst, one per rule with the principles it puts in
    /// question: its needs-review tags, and the mitigations whose answer sits in a list the draft does
    /// not hold (extent <c>review</c>); with the provisions outside the draft that the clause cites,
    /// where the answer lies. Null when nothing is asked.
    /// </summary>
    private IReadOnlyList<ReviewReport>? Reviews(IEnumerable<Tag> tags, IReadOnlyList<ConflictReport> conflicts, IEnumerable<ClauseReading> readings)
    {
        var asked = tags.Where(t => t.Value is { Length: > 0 }).Select(t => (Rule: t.RuleId, Principle: t.Value!))
            .Concat(conflicts.Where(c => c.Status == ConflictStatus.NeedsReview)
                .SelectMany(c => c.Mitigations.Where(m => m.Extent == ReviewExtent).Select(m => (m.Rule, c.Principle))))
            .GroupBy(r => r.Rule, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        if (asked.Length == 0)
        {
            return null;
        }

        var outside = readings.SelectMany(r => r.ExternalReferences).Distinct(StringComparer.Ordinal).ToArray();
        return asked.Select(rule => new ReviewReport(
            rule.Key,
            rule.Select(r => r.Principle).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            questions.GetValueOrDefault(rule.Key, UnstatedQuestion),
            outside)).ToArray();
    }

    private ConflictReport Conflict(IReadOnlyList<Conflict> matches, Clause clause, IEnumerable<Mitigation> mitigations)
    {
        var conflict = matches[0];
        var answered = Mitigations(mitigations);
        var parties = Parties(clause.Parties);
        var (status, byParty) = Statuses(answered, parties);
        return new ConflictReport
        {
            Rule = conflict.RuleId,
            Principle = conflict.Principle,
            Basis = conflict.Basis,
            Severity = SeverityOf(conflict),
            Parties = parties,
            Message = conflict.Message,
            Remedy = conflict.Remedy,
            Evidence = EvidenceList.Essential(matches.SelectMany(m => m.Evidence)).Select(Evidence).ToArray(),
            Mitigations = answered,
            Status = status,
            PartyStatus = byParty,
        };
    }

    private FindingReport Finding(Conflict conflict, IEnumerable<Mitigation> mitigations)
    {
        var answered = Mitigations(mitigations);
        var (status, _) = Statuses(answered, Parties([]));
        return new FindingReport
        {
            Rule = conflict.RuleId,
            Principle = conflict.Principle,
            Kind = "conflict",
            Basis = conflict.Basis,
            Severity = SeverityOf(conflict),
            Parties = Parties([]),
            Message = conflict.Message,
            Remedy = conflict.Remedy,
            Evidence = conflict.Evidence.Select(Evidence).ToArray(),
            Mitigations = answered,
            Status = status,
        };
    }

    private FindingReport Finding(Support support) => new()
    {
        Rule = support.RuleId,
        Principle = support.Principle,
        Kind = "support",
        Basis = [],
        Severity = Severity.Info,
        Parties = Parties([]),
        Message = support.Message,
        Remedy = null,
        Evidence = [],
        Mitigations = [],
        Status = ConflictStatus.Open,
    };

    private string SeverityOf(Conflict conflict) =>
        severityOverrides.TryGetValue(conflict.RuleId, out var severity) ? severity : conflict.Severity;

    /// <summary>The assessed party; with none, the parties the clause binds, or else all parties.</summary>
    private IReadOnlyList<string> Parties(IReadOnlyList<string> clauseParties) =>
        draft.Perspective is { } perspective ? [perspective]
        : clauseParties.Count > 0 ? clauseParties
        : draft.Agreement?.PartyCodes ?? [];

    private static MitigationReport[] Mitigations(IEnumerable<Mitigation> mitigations) =>
        mitigations
            .Select(m => new MitigationReport(m.RuleId, By(m.By), m.Extent, m.Message) { Parties = m.Parties.Count > 0 ? m.Parties.Order(StringComparer.Ordinal).ToArray() : null })
            // One rule reaching the same answer through two matches (two tags naming one exemption) answers once.
            .DistinctBy(m => (m.Rule, m.By, m.Extent, m.Message, string.Join(",", m.Parties ?? [])))
            .OrderBy(m => m.Rule, StringComparer.Ordinal)
            .ThenBy(m => m.By, StringComparer.Ordinal)
            .ThenBy(m => m.Message, StringComparer.Ordinal)
            .ToArray();

    private static string By(object fact) => fact switch
    {
        Clause clause => clause.Id,
        Agreement agreement => agreement.Id,
        _ => fact.ToString() ?? "",
    };

    /// <summary>
    /// A conflict's status for each party, from the mitigations that answer for it, and overall the
    /// worst of them; the per-party statuses only when they differ.
    /// </summary>
    private static (string Status, IReadOnlyDictionary<string, string>? ByParty) Statuses(IReadOnlyList<MitigationReport> mitigations, IReadOnlyList<string> parties)
    {
        if (parties.Count == 0 || mitigations.All(m => m.Parties is null))
        {
            return (Status(mitigations), null);
        }

        var byParty = parties.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(p => p, p => Status(mitigations.Where(m => m.AppliesTo(p)).ToArray()), StringComparer.Ordinal);
        var worst = byParty.Values.OrderBy(ConflictStatus.Rank).First();
        return (worst, byParty.Values.Distinct().Count() > 1 ? byParty : null);
    }

    private static string Status(IReadOnlyList<MitigationReport> mitigations) =>
        mitigations.Any(m => m.Extent == "full") ? ConflictStatus.Mitigated
        : mitigations.Any(m => m.Extent == ReviewExtent) ? ConflictStatus.NeedsReview
        : mitigations.Count > 0 ? ConflictStatus.PartiallyMitigated
        : ConflictStatus.Open;

    private static EvidenceReport Evidence(Evidence evidence) => new()
    {
        Field = evidence.Field,
        Value = evidence.Value,
        Span = evidence is { Start: { } start, End: { } end } ? [start, end] : null,
    };
}
