using System.Globalization;
using Newtonsoft.Json;
using PolicyRules.Checking.Baselines;
using PolicyRules.Checking.Report;

namespace PolicyRules.Reporting;

/// <summary>
/// Writes the JSON report of REPORT-FORMAT.md: camelCase names, properties in contract order,
/// deterministic for the same input (only <c>run</c> varies).
/// </summary>
/// <remarks>
/// The report is written member by member on a <see cref="JsonTextWriter"/> rather than by the
/// reflection-based serializer: building the serializer's contracts for the report's types cost a
/// single-draft check 0.1–0.15 s of start-up (docs/PERFORMANCE.md). The output is the serializer's
/// byte for byte, the model's <see cref="JsonPropertyAttribute"/> settings included
/// (<c>JsonReportWriterTests</c> holds the two to it).
/// </remarks>
public static class JsonReportWriter
{
    /// <summary>The report as JSON text, ending with a newline.</summary>
    public static string ToJson(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text) { CloseOutput = false, Formatting = Formatting.Indented, DateFormatHandling = DateFormatHandling.IsoDateFormat, Culture = CultureInfo.InvariantCulture })
        {
            WriteReport(json, report);
        }

        text.Write('\n');
        return text.ToString();
    }

    /// <summary>Writes the report as JSON.</summary>
    public static void Write(CheckReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToJson(report));
    }

    private static void WriteReport(JsonTextWriter w, CheckReport report)
    {
        w.WriteStartObject();
        w.WritePropertyName("tool");
        w.WriteStartObject();
        Property(w, "name", report.Tool.Name);
        Property(w, "version", report.Tool.Version);
        w.WriteEndObject();
        Items(w, "rulebooks", report.Rulebooks, static (w, b) =>
        {
            w.WriteStartObject();
            Property(w, "name", b.Name);
            Property(w, "version", b.Version);
            Property(w, "sha256", b.Sha256);
            Property(w, "rules", b.Rules);
            if (b.Disabled is { } disabled)
            {
                Strings(w, "disabled", disabled);
            }

            if (b.SeverityOverrides is { } severities)
            {
                w.WritePropertyName("severityOverrides");
                w.WriteStartObject();
                foreach (var (rule, severity) in severities)
                {
                    Property(w, rule, severity);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
        w.WritePropertyName("run");
        w.WriteStartObject();
        w.WritePropertyName("startedAt");
        w.WriteValue(report.Run.StartedAt);
        Property(w, "durationMs", report.Run.DurationMs);
        w.WriteEndObject();
        Items(w, "documents", report.Documents, WriteDocument);
        WriteSummary(w, report.Summary);
        if (report.Waivers is { } waivers)
        {
            WriteWaivers(w, waivers);
        }

        if (report.Baseline is { } baseline)
        {
            WriteBaseline(w, baseline);
        }

        w.WriteEndObject();
    }

    private static void WriteDocument(JsonTextWriter w, DocumentReport document)
    {
        w.WriteStartObject();
        Property(w, "path", document.Path);
        w.WritePropertyName("agreement");
        if (document.Agreement is { } agreement)
        {
            w.WriteStartObject();
            Property(w, "id", agreement.Id);
            Property(w, "name", agreement.Name);
            Location(w, agreement.Location);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull();
        }

        Property(w, "perspective", document.Perspective);
        Property(w, "verdict", document.Verdict);
        Items(w, "findings", document.Findings, WriteFinding);
        Items(w, "clauses", document.Clauses, WriteClause);
        Items(w, "diagnostics", document.Diagnostics, WriteDiagnostic);
        w.WriteEndObject();
    }

    private static void WriteClause(JsonTextWriter w, ClauseReport clause)
    {
        w.WriteStartObject();
        Property(w, "id", clause.Id);
        Property(w, "verdict", clause.Verdict);
        Map(w, "partyVerdicts", clause.PartyVerdicts);
        Items(w, "conflicts", clause.Conflicts, WriteConflict);
        Items(w, "supports", clause.Supports, static (w, s) =>
        {
            w.WriteStartObject();
            Property(w, "rule", s.Rule);
            Property(w, "principle", s.Principle);
            Property(w, "message", s.Message);
            w.WriteEndObject();
        });
        Strings(w, "candidates", clause.Candidates);
        if (clause.Reviews is { } reviews)
        {
            Items(w, "reviews", reviews, static (w, r) =>
            {
                w.WriteStartObject();
                Property(w, "rule", r.Rule);
                Strings(w, "principles", r.Principles);
                Property(w, "question", r.Question);
                Strings(w, "dependsOn", r.DependsOn);
                w.WriteEndObject();
            });
        }

        Items(w, "diagnostics", clause.Diagnostics, WriteDiagnostic);
        Location(w, clause.Location);
        w.WriteEndObject();
    }

    private static void WriteConflict(JsonTextWriter w, ConflictReport conflict)
    {
        w.WriteStartObject();
        Property(w, "rule", conflict.Rule);
        Property(w, "principle", conflict.Principle);
        WriteFindingBody(w, conflict.Basis, conflict.Severity, conflict.Parties, conflict.Message, conflict.Remedy, conflict.Evidence, conflict.Mitigations, conflict.Status);
        Map(w, "partyStatus", conflict.PartyStatus);
        Baseline(w, conflict.Baseline);
        Waiver(w, conflict.Waiver);

        w.WriteEndObject();
    }

    private static void WriteFinding(JsonTextWriter w, FindingReport finding)
    {
        w.WriteStartObject();
        Property(w, "clause", finding.Clause);
        Property(w, "rule", finding.Rule);
        Property(w, "principle", finding.Principle);
        Property(w, "kind", finding.Kind);
        WriteFindingBody(w, finding.Basis, finding.Severity, finding.Parties, finding.Message, finding.Remedy, finding.Evidence, finding.Mitigations, finding.Status);
        Baseline(w, finding.Baseline);
        Waiver(w, finding.Waiver);

        w.WriteEndObject();
    }

    // What a clause's conflict and an agreement-level finding share, in the order both declare it.
    private static void WriteFindingBody(
        JsonTextWriter w,
        IReadOnlyList<string> basis,
        string severity,
        IReadOnlyList<string> parties,
        string message,
        string? remedy,
        IReadOnlyList<EvidenceReport> evidence,
        IReadOnlyList<MitigationReport> mitigations,
        string status)
    {
        Strings(w, "basis", basis);
        Property(w, "severity", severity);
        Strings(w, "parties", parties);
        Property(w, "message", message);
        Property(w, "remedy", remedy);
        Items(w, "evidence", evidence, WriteEvidence);
        Items(w, "mitigations", mitigations, WriteMitigation);
        Property(w, "status", status);
    }

    // The waiver of a waived conflict is an extension of the contract: written only with --waivers.
    private static void Waiver(JsonTextWriter w, WaiverReport? waiver)
    {
        if (waiver is not null)
        {
            w.WritePropertyName("waiver");
            WriteWaiver(w, waiver);
        }
    }

    // The baseline mark is an extension of the contract: written only with --baseline.
    private static void Baseline(JsonTextWriter w, string? mark)
    {
        if (mark is not null)
        {
            Property(w, "baseline", mark);
        }
    }

    private static void WriteEvidence(JsonTextWriter w, EvidenceReport evidence)
    {
        w.WriteStartObject();
        Property(w, "field", evidence.Field);
        if (evidence.Span is { } span)
        {
            w.WritePropertyName("span");
            w.WriteStartArray();
            foreach (var offset in span)
            {
                w.WriteValue(offset);
            }

            w.WriteEndArray();
        }

        Property(w, "value", evidence.Value);
        w.WriteEndObject();
    }

    private static void WriteMitigation(JsonTextWriter w, MitigationReport mitigation)
    {
        w.WriteStartObject();
        Property(w, "rule", mitigation.Rule);
        Property(w, "by", mitigation.By);
        Property(w, "extent", mitigation.Extent);
        Property(w, "message", mitigation.Message);
        if (mitigation.Parties is { } parties)
        {
            Strings(w, "parties", parties);
        }

        w.WriteEndObject();
    }

    private static void WriteDiagnostic(JsonTextWriter w, DiagnosticReport diagnostic)
    {
        w.WriteStartObject();
        Property(w, "code", diagnostic.Code);
        Property(w, "severity", diagnostic.Severity);
        Property(w, "message", diagnostic.Message);
        Property(w, "line", diagnostic.Line);
        Property(w, "column", diagnostic.Column);
        w.WriteEndObject();
    }

    private static void WriteSummary(JsonTextWriter w, SummaryReport summary)
    {
        w.WritePropertyName("summary");
        w.WriteStartObject();
        Property(w, "documents", summary.Documents);
        Property(w, "clauses", summary.Clauses);
        Counts(w, "verdicts", summary.Verdicts);
        Counts(w, "conflicts", summary.Conflicts);
        w.WriteEndObject();
    }

    private static void WriteWaivers(JsonTextWriter w, WaiversReport waivers)
    {
        w.WritePropertyName("waivers");
        w.WriteStartObject();
        Property(w, "applied", waivers.Applied);
        Items(w, "expired", waivers.Expired, WriteWaiver);
        Items(w, "stale", waivers.Stale, WriteWaiver);
        Items(w, "unknownRules", waivers.UnknownRules, WriteWaiver);
        w.WriteEndObject();
    }

    private static void WriteWaiver(JsonTextWriter w, WaiverReport waiver)
    {
        w.WriteStartObject();
        Property(w, "rule", waiver.Rule);
        Property(w, "document", waiver.Document);
        Property(w, "clause", waiver.Clause);
        Property(w, "by", waiver.By);
        Property(w, "expires", waiver.Expires);
        Property(w, "line", waiver.Line);
        if (waiver.Reason is { } reason)
        {
            Property(w, "reason", reason);
        }

        w.WriteEndObject();
    }

    private static void WriteBaseline(JsonTextWriter w, BaselineReport baseline)
    {
        w.WritePropertyName("baseline");
        w.WriteStartObject();
        Property(w, "source", baseline.Source);
        Property(w, "new", baseline.New);
        Property(w, "existing", baseline.Existing);
        Items(w, "resolved", baseline.Resolved, static (w, e) =>
        {
            w.WriteStartObject();
            Property(w, "document", e.Document);
            Property(w, "agreement", e.Agreement);
            Property(w, "clause", e.Clause);
            Property(w, "rule", e.Rule);
            Property(w, "principle", e.Principle);
            Property(w, "message", e.Message);
            w.WriteEndObject();
        });
        if (baseline.NotChecked > 0)
        {
            Property(w, "notChecked", baseline.NotChecked);
        }

        w.WriteEndObject();
    }

    // A location is an extension of the contract: written when known, left out otherwise.
    private static void Location(JsonTextWriter w, LocationReport? location)
    {
        if (location is null)
        {
            return;
        }

        w.WritePropertyName("location");
        w.WriteStartObject();
        Property(w, "line", location.Line);
        Property(w, "column", location.Column);
        w.WriteEndObject();
    }

    // Per-party maps are extensions of the contract too: left out when every party agrees (null).
    private static void Map(JsonTextWriter w, string name, IReadOnlyDictionary<string, string>? map)
    {
        if (map is null)
        {
            return;
        }

        w.WritePropertyName(name);
        w.WriteStartObject();
        foreach (var (key, value) in map)
        {
            Property(w, key, value);
        }

        w.WriteEndObject();
    }

    private static void Counts(JsonTextWriter w, string name, IReadOnlyDictionary<string, int> counts)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        foreach (var (key, count) in counts)
        {
            Property(w, key, count);
        }

        w.WriteEndObject();
    }

    private static void Items<T>(JsonTextWriter w, string name, IReadOnlyList<T> items, Action<JsonTextWriter, T> item)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var each in items)
        {
            item(w, each);
        }

        w.WriteEndArray();
    }

    private static void Strings(JsonTextWriter w, string name, IReadOnlyList<string> values)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var value in values)
        {
            w.WriteValue(value);
        }

        w.WriteEndArray();
    }

    private static void Property(JsonTextWriter w, string name, string? value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    private static void Property(JsonTextWriter w, string name, long value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }
}
