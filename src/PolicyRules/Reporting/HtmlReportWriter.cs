using System.Globalization;
using System.Net;
using System.Text;
using PolicyRules.Checking.Report;
using PolicyRules.Domain.Drafts;

namespace PolicyRules.Reporting;

/// <summary>
/// One self-contained HTML page (styles and script inline, nothing fetched when it is viewed) for
/// briefing: per agreement its verdict, a principle × clause heat map coloured by the worst status
/// (a cell links to its clause), and per clause its text with the evidence highlighted, its conflicts
/// with basis, remedy and what mitigates them (linked to the mitigating clause); filters by
/// principle, severity, status and party; printable.
/// </summary>
public static class HtmlReportWriter
{
    private static readonly Lazy<string> Style = new(() => Resource("report.css"));
    private static readonly Lazy<string> Script = new(() => Resource("report.js"));

    /// <summary>Writes the report as HTML.</summary>
    public static void Write(CheckReport report, TextWriter writer, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToHtml(report, options));
    }

    /// <summary>The report as one HTML page. Clause texts come from <see cref="ReportOptions.Drafts"/>, when given.</summary>
    public static string ToHtml(CheckReport report, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= new ReportOptions();
        var h = new StringBuilder();
        var all = ReportConflict.All(report).ToArray();
        var failing = all.Count(c => FailThreshold.Fails(c, options.FailOn));
        var errors = TextReportWriter.Unchecked(report);
        var open = TextReportWriter.OpenConflict(report);
        var (outcomeClass, outcome) = errors > 0 ? ("error", $"Error: {TextReportWriter.Plural(errors, "input")} could not be checked.")
            : report.Documents.Count == 0 ? ("error", $"Error: {TextReportWriter.NothingChecked}.")
            : options.FailOn == FailThreshold.None ? ("pass", "Pass (conflicts do not fail the run: --fail-on none).")
            : failing > 0 ? ("fail", $"Fail: {TextReportWriter.Plural(failing, open)} at or above {options.FailOn}.")
            : ("pass", $"Pass: no {open} at or above {options.FailOn}.");

        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>policy-check report</title>\n<style>\n").Append(Style.Value).Append("</style>\n</head>\n<body>\n<header>\n")
            .Append("<h1>policy-check report</h1>\n")
            .Append($"<p class=\"outcome {outcomeClass}\">{E(outcome)}</p>\n")
            .Append($"<p class=\"meta\">{E(report.Tool.Name)} {E(report.Tool.Version)} · rulebooks: {E(string.Join(", ", report.Rulebooks.Select(b => $"{b.Name} {b.Version} ({b.Rules} rules)")))} · {TextReportWriter.Plural(report.Summary.Documents, "document")}, {TextReportWriter.Plural(report.Summary.Clauses, "clause")}, {TextReportWriter.Plural(all.Length, "conflict")}</p>\n");
        Filters(h, all);
        h.Append("</header>\n<main>\n");
        for (var i = 0; i < report.Documents.Count; i++)
        {
            var document = report.Documents[i];
            Document(h, document, $"d{i + 1}", options.Drafts?.GetValueOrDefault(document.Path));
        }

        h.Append("</main>\n<script>\n").Append(Script.Value).Append("</script>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Filters(StringBuilder h, IReadOnlyList<ReportConflict> all)
    {
        void Select(string name, string label, IEnumerable<string> values)
        {
            h.Append($"<label>{label} <select name=\"{name}\"><option value=\"\">all</option>");
            foreach (var value in values)
            {
                h.Append($"<option>{E(value)}</option>");
            }

            h.Append("</select></label>\n");
        }

        h.Append("<form id=\"filters\">\n");
        Select("principle", "Principle", all.Select(c => c.Principle).Distinct().Order(StringComparer.Ordinal));
        Select("severity", "Severity", Severity.WorstFirst.Where(s => all.Any(c => c.Severity == s)));
        Select("status", "Status", all.Select(c => c.Status).Distinct().OrderBy(ConflictStatus.Rank));
        Select("party", "Party", all.SelectMany(c => c.Parties).Distinct().Order(StringComparer.Ordinal));
        h.Append("<button type=\"button\">Clear</button> <span class=\"count\"></span>\n</form>\n");
    }

    private static void Document(StringBuilder h, DocumentReport document, string anchor, Draft? draft)
    {
        var name = document.Agreement is { } a ? $"{a.Name ?? a.Id} ({a.Id})" : document.Path;
        h.Append($"<section class=\"document\" id=\"{anchor}\" data-verdict=\"{E(document.Verdict)}\">\n")
            .Append($"<h2>{E(name)} <span class=\"badge v-{E(document.Verdict)}\">{E(document.Verdict)}</span></h2>\n")
            .Append($"<p class=\"where\">{E(document.Path)}{(draft?.Agreement is { } agreement ? " · parties " + E(string.Join(", ", agreement.Parties.Select(p => p.Status is null ? p.Code : $"{p.Code} ({p.Status})"))) : "")} · {(document.Perspective is null ? "all parties" : "perspective " + E(document.Perspective))}</p>\n");
        foreach (var d in document.Diagnostics)
        {
            h.Append($"<p class=\"where\">{E($"{d.Severity} {d.Code} ({d.Line},{d.Column}): {d.Message}")}</p>\n");
        }

        // Clause anchors by id, so mitigations and heat-map cells can link to them.
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal) { [AgreementLevel] = anchor + "-agreement" };
        for (var i = 0; i < document.Clauses.Count; i++)
        {
            anchors.TryAdd(document.Clauses[i].Id, $"{anchor}-c{i + 1}");
        }

        HeatMap(h, document, anchors);
        // Once per document: a draft of thousands of clauses must not be scanned once per clause.
        var conflicts = ReportConflict.Of(document).ToLookup(c => c.Where, StringComparer.Ordinal);
        var findings = conflicts[AgreementLevel].ToArray();
        if (findings.Length > 0)
        {
            h.Append($"<article class=\"clause\" id=\"{anchors[AgreementLevel]}\" data-clause=\"{AgreementLevel}\">\n<h4>The agreement as a whole</h4>\n");
            foreach (var conflict in findings)
            {
                Conflict(h, conflict, anchors);
            }

            h.Append("</article>\n");
        }

        var texts = draft?.Clauses.Where(c => c.Fact is not null).GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First().Fact!, StringComparer.Ordinal);
        foreach (var clause in document.Clauses)
        {
            var fact = texts?.GetValueOrDefault(clause.Id);
            h.Append($"<article class=\"clause\" id=\"{anchors[clause.Id]}\" data-clause=\"{E(clause.Id)}\" data-verdict=\"{E(clause.Verdict)}\">\n")
                .Append($"<h4>{E(clause.Id)}{(fact?.Title is { } title ? " · " + E(title) : "")} <span class=\"badge v-{E(clause.Verdict)}\">{E(clause.Verdict)}</span></h4>\n");
            if (fact is not null)
            {
                h.Append("<p class=\"text\">").Append(Highlighted(fact.Text, clause.Conflicts.SelectMany(c => c.Evidence))).Append("</p>\n");
            }

            foreach (var conflict in conflicts[clause.Id].Where(c => c.Clause == clause))
            {
                Conflict(h, conflict, anchors);
            }

            foreach (var support in clause.Supports)
            {
                h.Append($"<p class=\"support\">supports {E(support.Principle)} ({E(support.Rule)}): {E(support.Message)}</p>\n");
            }

            if (clause.Candidates.Count > 0)
            {
                h.Append($"<p class=\"where\">for review: {E(string.Join(", ", clause.Candidates))}</p>\n");
            }

            foreach (var question in clause.Reviews ?? [])
            {
                h.Append($"<p class=\"where\">{E(question.Describe())}</p>\n");
            }

            foreach (var d in clause.Diagnostics)
            {
                h.Append($"<p class=\"where\">{E($"{d.Severity} {d.Code}: {d.Message}")}</p>\n");
            }

            h.Append("</article>\n");
        }

        h.Append("</section>\n");
    }

    private const string AgreementLevel = FindingReport.AgreementLevel;

    /// <summary>Principles (rows) × the agreement and its clauses (columns); a cell's colour is the worst status found there.</summary>
    private static void HeatMap(StringBuilder h, DocumentReport document, Dictionary<string, string> anchors)
    {
        var cells = new Dictionary<(string Principle, string Clause), List<(string Status, string Severity, IReadOnlyList<string> Parties)>>();
        foreach (var c in ReportConflict.Of(document))
        {
            Cell(cells, c.Principle, c.Where).Add((c.Status, c.Severity, c.Parties));
        }

        foreach (var clause in document.Clauses)
        {
            foreach (var s in clause.Supports)
            {
                Cell(cells, s.Principle, clause.Id).Add((Verdict.Supports, "", []));
            }
        }

        if (cells.Count == 0)
        {
            h.Append("<p class=\"where\">No conflict and no support: nothing to map.</p>\n");
            return;
        }

        // Columns: the agreement and the clauses with a finding, in draft order; a treaty of hundreds of
        // articles would otherwise be a map of empty columns.
        var principles = cells.Keys.Select(k => k.Principle).Distinct().Order(StringComparer.Ordinal).ToArray();
        var mapped = cells.Keys.Select(k => k.Clause).ToHashSet(StringComparer.Ordinal);
        string[] columns = [.. new[] { AgreementLevel }.Concat(document.Clauses.Select(c => c.Id)).Where(mapped.Contains)];
        var quiet = document.Clauses.Count - columns.Count(c => c != AgreementLevel);
        h.Append($"<h3>Principles × clauses</h3>\n{(quiet > 0 ? $"<p class=\"where\">{TextReportWriter.Plural(quiet, "clause")} with no conflict and no support not shown.</p>\n" : "")}<div class=\"heatmap-wrap\"><table class=\"heatmap\">\n<thead><tr><th></th>");
        foreach (var column in columns)
        {
            h.Append($"<th scope=\"col\"><a href=\"#{anchors[column]}\">{E(column)}</a></th>");
        }

        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var principle in principles)
        {
            h.Append($"<tr><th scope=\"row\">{E(principle)}</th>");
            foreach (var column in columns)
            {
                if (!cells.TryGetValue((principle, column), out var found))
                {
                    h.Append("<td></td>");
                    continue;
                }

                var statuses = found.Select(f => f.Status).Distinct().ToArray();
                var worst = statuses.Where(s => s != Verdict.Supports).OrderBy(ConflictStatus.Rank).FirstOrDefault() ?? Verdict.Supports;
                var title = $"{column} · {principle}: {string.Join(", ", found.Select(f => f.Severity.Length == 0 ? f.Status : $"{f.Severity} {f.Status}"))}";
                h.Append($"<td class=\"s-{E(worst)}\" data-principle=\"{E(principle)}\" data-status=\"{E(string.Join(' ', statuses))}\" data-severity=\"{E(string.Join(' ', found.Select(f => f.Severity).Where(s => s.Length > 0).Distinct()))}\" data-party=\"{E(string.Join(' ', found.SelectMany(f => f.Parties).Distinct()))}\">")
                    .Append($"<a href=\"#{anchors[column]}\" title=\"{E(title)}\"></a></td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</tbody></table></div>\n<p class=\"legend\">");
        foreach (var (status, variable) in Legend)
        {
            h.Append($"<span style=\"--c: var(--{variable})\">{status}</span>");
        }

        h.Append("</p>\n");
    }

    private static readonly (string Status, string Variable)[] Legend =
    [
        (ConflictStatus.Open, "open"), (ConflictStatus.PartiallyMitigated, "partial"), (ConflictStatus.NeedsReview, "review"),
        (ConflictStatus.Mitigated, "mitigated"), (ConflictStatus.Waived, "waived"), (Verdict.Supports, "supports"),
    ];

    private static List<(string, string, IReadOnlyList<string>)> Cell(Dictionary<(string, string), List<(string, string, IReadOnlyList<string>)>> cells, string principle, string clause)
    {
        if (!cells.TryGetValue((principle, clause), out var list))
        {
            cells[(principle, clause)] = list = [];
        }

        return list;
    }

    private static void Conflict(StringBuilder h, ReportConflict c, Dictionary<string, string> anchors)
    {
        var colour = c.Status switch
        {
            ConflictStatus.PartiallyMitigated => "partial",
            ConflictStatus.NeedsReview => "review",
            ConflictStatus.Mitigated => "mitigated",
            ConflictStatus.Waived => "waived",
            _ => "open",
        };
        h.Append($"<div class=\"conflict\" style=\"--c: var(--{colour})\" data-principle=\"{E(c.Principle)}\" data-severity=\"{E(c.Severity)}\" data-status=\"{E(c.Status)}\" data-party=\"{E(string.Join(' ', c.Parties))}\">\n")
            .Append($"<div class=\"head\">{E(c.Severity.ToUpperInvariant())} {E(c.Rule)} · {E(c.Principle)} <span class=\"badge s-{E(c.Status)}\">{E(c.StatusByParty)}</span></div>\n")
            .Append($"<div>{E(c.Message)}</div>\n<dl>\n");
        if (c.Parties.Count > 0)
        {
            h.Append($"<dt>parties</dt><dd>{E(string.Join(", ", c.Parties))}</dd>\n");
        }

        if (c.Evidence.Count > 0)
        {
            h.Append($"<dt>evidence</dt><dd>{E(string.Join("; ", c.Evidence.Select(TextReportWriter.Evidence)))}</dd>\n");
        }

        foreach (var m in c.Mitigations)
        {
            var by = anchors.TryGetValue(m.By, out var target) ? $"<a href=\"#{target}\">{E(m.By)}</a>" : E(m.By);
            h.Append($"<dt>mitigation</dt><dd>{E(ReportConflict.Reach(m))} by {by} ({E(m.Rule)}): {E(m.Message)}</dd>\n");
        }

        if (c.Waived is { } waived)
        {
            h.Append($"<dt>waiver</dt><dd>{E(waived)}</dd>\n");
        }

        h.Append($"<dt>basis</dt><dd>{E(string.Join("; ", c.Basis))}</dd>\n");
        if (c.Remedy is not null)
        {
            h.Append($"<dt>remedy</dt><dd>{E(c.Remedy)}</dd>\n");
        }

        h.Append("</dl>\n</div>\n");
    }

    /// <summary>The text, escaped, with the evidence spans of its <c>text</c> field marked (overlapping spans merged).</summary>
    private static string Highlighted(string text, IEnumerable<EvidenceReport> evidence)
    {
        var spans = evidence
            .Where(e => e.Field == "text" && e.Span is [var start, var end] && start >= 0 && end <= text.Length && start < end)
            .Select(e => (Start: e.Span![0], End: e.Span[1]))
            .OrderBy(s => s.Start)
            .ToList();
        var result = new StringBuilder();
        var at = 0;
        foreach (var (start, end) in spans)
        {
            if (end <= at)
            {
                continue;
            }

            var from = Math.Max(start, at);
            result.Append(E(text[at..from])).Append("<mark>").Append(E(text[from..end])).Append("</mark>");
            at = end;
        }

        return result.Append(E(text[at..])).ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Resource(string name)
    {
        using var stream = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream("PolicyRules.html." + name)
            ?? throw new InvalidOperationException($"The resource PolicyRules.html.{name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
