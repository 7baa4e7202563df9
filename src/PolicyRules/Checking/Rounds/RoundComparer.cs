using PolicyRules.Checking.Report;

namespace PolicyRules.Checking.Rounds;

/// <summary>
/// Compares two rounds of the same negotiation, as reports: documents are paired by agreement id (by
/// id and path where documents of one round share an id; two single-document reports are paired
/// whatever their ids, as two rounds of one draft, with a note when their ids and names differ), clauses by id,
/// conflicts by rule and principle within their clause.
/// </summary>
public static class RoundComparer
{
    /// <summary>The clause id under which the agreement's own findings are compared.</summary>
    public const string AgreementLevel = FindingReport.AgreementLevel;

    /// <summary>Compares the documents of two reports.</summary>
    public static RoundDiff Compare(string before, IReadOnlyList<DocumentReport> earlier, string after, IReadOnlyList<DocumentReport> later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var documents = new List<DocumentDiff>();
        var notes = new List<string>();
        if (earlier.Count == 1 && later.Count == 1)
        {
            documents.Add(Compare(earlier[0], later[0]));
            // Texts take their file's name as id, so two rounds' ids may differ: only a different name as well says they are two agreements.
            if (earlier[0].Identity != later[0].Identity && earlier[0].Agreement?.Name != later[0].Agreement?.Name)
            {
                notes.Add($"{before} and {after} name different agreements ({earlier[0].Identity}, {later[0].Identity}); they are compared as two rounds of one draft.");
            }
        }
        else
        {
            var earlierKeys = Keys(earlier);
            var laterKeys = Keys(later);
            var byKey = earlier.Select((d, i) => (Key: earlierKeys[i], Document: d)).ToDictionary(p => p.Key, p => p.Document, StringComparer.Ordinal);
            for (var i = 0; i < later.Count; i++)
            {
                documents.Add(Compare(byKey.GetValueOrDefault(laterKeys[i]), later[i]) with { Agreement = laterKeys[i] });
            }

            var seen = laterKeys.ToHashSet(StringComparer.Ordinal);
            documents.AddRange(earlier.Select((d, i) => (Key: earlierKeys[i], Document: d)).Where(p => !seen.Contains(p.Key)).Select(p => Compare(p.Document, null) with { Agreement = p.Key }));
        }

        return new RoundDiff(before, after, documents) { Notes = notes };
    }

    /// <summary>
    /// Each document's key in its round: the agreement id, or, for an agreement that several
    /// documents of the round share, the id and the path ("ckfta (briefs/a.json)"), so none is dropped.
    /// </summary>
    private static string[] Keys(IReadOnlyList<DocumentReport> documents)
    {
        var shared = documents.GroupBy(d => d.Identity, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return documents.Select(d => shared.Contains(d.Identity) ? $"{d.Identity} ({d.Path})" : d.Identity).ToArray();
    }

    /// <summary>Compares one document with its next round; either may be null (an agreement added or dropped).</summary>
    public static DocumentDiff Compare(DocumentReport? before, DocumentReport? after)
    {
        if (before is null && after is null)
        {
            throw new ArgumentException("At least one round must have the document.");
        }

        var earlier = Clauses(before);
        var later = Clauses(after);
        var clauses = new List<ClauseDiff>();
        foreach (var (id, (verdict, conflicts)) in later)
        {
            if (!earlier.TryGetValue(id, out var old))
            {
                clauses.Add(new ClauseDiff(id, ClauseChange.Added, null, verdict, Conflicts([], conflicts, ConflictChange.Resolved)));
                continue;
            }

            var changes = Conflicts(old.Conflicts, conflicts, ConflictChange.Resolved);
            if (changes.Count > 0 || old.Verdict != verdict)
            {
                clauses.Add(new ClauseDiff(id, ClauseChange.Changed, old.Verdict, verdict, changes));
            }
        }

        // A document the later round does not have was not compared: its conflicts are not resolved.
        var gone = after is null ? ConflictChange.NotCompared : ConflictChange.Resolved;
        clauses.AddRange(earlier.Where(e => !later.ContainsKey(e.Key))
            .Select(e => new ClauseDiff(e.Key, ClauseChange.Removed, e.Value.Verdict, null, Conflicts(e.Value.Conflicts, [], gone))));
        var named = after ?? before!;
        return new DocumentDiff(named.Identity, after?.Agreement?.Name ?? before?.Agreement?.Name, before?.Verdict, after?.Verdict, clauses);
    }

    /// <summary>Clause id → verdict and conflicts, in report order; the agreement's findings first.</summary>
    private static Dictionary<string, (string? Verdict, IReadOnlyList<(string Rule, string Principle, ConflictState State)> Conflicts)> Clauses(DocumentReport? document)
    {
        var clauses = new Dictionary<string, (string?, IReadOnlyList<(string, string, ConflictState)>)>(StringComparer.Ordinal);
        if (document is null)
        {
            return clauses;
        }

        var findings = document.Findings.Where(f => f.Kind == "conflict")
            .Select(f => (f.Rule, f.Principle, State(f.Status, f.Severity, f.Parties, f.Mitigations, f.Message)))
            .ToArray();
        if (findings.Length > 0)
        {
            clauses[AgreementLevel] = (null, findings);
        }

        foreach (var clause in document.Clauses)
        {
            clauses[clause.Id] = (clause.Verdict, clause.Conflicts.Select(c => (c.Rule, c.Principle, State(c.Status, c.Severity, c.Parties, c.Mitigations, c.Message))).ToArray());
        }

        return clauses;
    }

    private static ConflictState State(string status, string severity, IReadOnlyList<string> parties, IReadOnlyList<MitigationReport> mitigations, string message) =>
        new(status, severity, parties, mitigations.Select(m => m.By).Distinct(StringComparer.Ordinal).ToArray(), message);

    /// <param name="before">The clause's conflicts in the earlier round.</param>
    /// <param name="after">Its conflicts in the later round.</param>
    /// <param name="gone">The change of a conflict only in the earlier round: resolved, or not compared when the later round lacks the document.</param>
    private static List<ConflictDiff> Conflicts(IReadOnlyList<(string Rule, string Principle, ConflictState State)> before, IReadOnlyList<(string Rule, string Principle, ConflictState State)> after, string gone)
    {
        var changes = new List<ConflictDiff>();
        var earlier = before.GroupBy(c => (c.Rule, c.Principle)).ToDictionary(g => g.Key, g => g.First().State);
        var laterKeys = new HashSet<(string, string)>();
        foreach (var (rule, principle, state) in after)
        {
            laterKeys.Add((rule, principle));
            if (!earlier.TryGetValue((rule, principle), out var old))
            {
                changes.Add(new ConflictDiff(ConflictChange.Added, rule, principle, null, state));
            }
            else if (!Same(old, state))
            {
                changes.Add(new ConflictDiff(ConflictChange.Changed, rule, principle, old, state));
            }
        }

        changes.AddRange(before.Where(c => !laterKeys.Contains((c.Rule, c.Principle)))
            .Select(c => new ConflictDiff(gone, c.Rule, c.Principle, c.State, null)));
        return changes;
    }

    /// <summary>The same standing: status, severity, parties and what mitigates it (the message may be reworded).</summary>
    private static bool Same(ConflictState a, ConflictState b) =>
        a.Status == b.Status && a.Severity == b.Severity && a.Parties.SequenceEqual(b.Parties) && a.MitigatedBy.SequenceEqual(b.MitigatedBy);
}
