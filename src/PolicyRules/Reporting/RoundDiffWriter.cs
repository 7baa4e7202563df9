using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using PolicyRules.Checking.Rounds;

namespace PolicyRules.Reporting;

/// <summary>
/// Writes what changed between two rounds (<see cref="RoundDiff"/>) as text for the terminal,
/// Markdown for a brief or a pull request, or JSON for tools: per agreement, the clauses whose
/// verdict moved and the conflicts added, resolved and changed.
/// </summary>
public static class RoundDiffWriter
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy() },
        Formatting = Formatting.Indented,
        NullValueHandling = NullValueHandling.Include,
    };

    /// <summary>The diff in <paramref name="format"/>: <c>text</c>, <c>markdown</c> or <c>json</c>.</summary>
    public static string Format(RoundDiff diff, string format) => format switch
    {
        "text" => ToText(diff),
        "markdown" => ToMarkdown(diff),
        "json" => ToJson(diff),
        _ => throw new ArgumentException($"Unknown diff format '{format}'; formats are text, markdown, json.", nameof(format)),
    };

    /// <summary>The diff as JSON: the records' fields in camelCase, with the totals.</summary>
    public static string ToJson(RoundDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var shaped = new
        {
            diff.Before,
            diff.After,
            Summary = new { diff.Added, diff.Resolved, diff.Changed, diff.NotCompared },
            diff.Documents,
        };
        return JsonConvert.SerializeObject(shaped, Settings) + "\n";
    }

    /// <summary>The diff as text: one block per agreement, a line per clause and per conflict change.</summary>
    public static string ToText(RoundDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        w.WriteLine($"{diff.Before} → {diff.After}");
        foreach (var document in diff.Documents)
        {
            w.WriteLine();
            w.WriteLine($"{document.Agreement}{(document.Name is null ? "" : $"  {document.Name}")}: {Verdicts(document.VerdictBefore, document.VerdictAfter, "agreement")}");
            if (document.Clauses.Count == 0)
            {
                w.WriteLine("  no clause changed");
            }

            var width = document.Clauses.Count == 0 ? 0 : document.Clauses.Max(c => c.Id.Length);
            foreach (var clause in document.Clauses)
            {
                w.WriteLine($"  {clause.Id.PadRight(width)}  {ClauseLine(clause)}");
                foreach (var conflict in clause.Conflicts)
                {
                    w.WriteLine($"  {new string(' ', width)}    {Sign(conflict.Change)} {conflict.Rule} {conflict.Principle}  {ConflictLine(conflict)}");
                }
            }
        }

        w.WriteLine();
        w.WriteLine(Summary(diff));
        return w.ToString();
    }

    /// <summary>The diff as Markdown: per agreement a table of the clauses that changed.</summary>
    public static string ToMarkdown(RoundDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        w.WriteLine("## policy-check diff");
        w.WriteLine();
        w.WriteLine($"`{diff.Before}` → `{diff.After}`: {Summary(diff)}");
        foreach (var document in diff.Documents)
        {
            w.WriteLine();
            w.WriteLine($"### {MarkdownReportWriter.Cell(document.Name ?? document.Agreement)} (`{document.Agreement}`)");
            w.WriteLine();
            w.WriteLine($"Verdict: {Verdicts(document.VerdictBefore, document.VerdictAfter, "agreement")}.");
            w.WriteLine();
            if (document.Clauses.Count == 0)
            {
                w.WriteLine("No clause changed.");
                continue;
            }

            w.WriteLine("| clause | change | verdict | conflicts |");
            w.WriteLine("|---|---|---|---|");
            foreach (var clause in document.Clauses)
            {
                var conflicts = string.Join("<br>", clause.Conflicts.Select(c => $"{Sign(c.Change)} `{c.Rule}` {c.Principle}: {MarkdownReportWriter.Cell(ConflictLine(c))}"));
                var verdict = clause.Id == RoundComparer.AgreementLevel ? "" : Verdicts(clause.VerdictBefore, clause.VerdictAfter, "clause");
                w.WriteLine($"| {MarkdownReportWriter.Cell(clause.Id)} | {clause.Change} | {verdict} | {conflicts} |");
            }
        }

        return w.ToString();
    }

    private static string Summary(RoundDiff diff) =>
        $"{TextReportWriter.Plural(diff.Added, "conflict")} added, {diff.Resolved} resolved, {diff.Changed} changed" +
        (diff.NotCompared == 0 ? "." : $"; {diff.NotCompared} not compared, in documents only in the earlier round.");

    private static string ClauseLine(ClauseDiff clause) => clause.Change switch
    {
        _ when clause.Id == RoundComparer.AgreementLevel => "the agreement's own findings",
        ClauseChange.Added => $"added: {clause.VerdictAfter ?? "findings"}",
        ClauseChange.Removed => $"removed (was {clause.VerdictBefore ?? "findings"})",
        _ => Verdicts(clause.VerdictBefore, clause.VerdictAfter, "clause"),
    };

    private static string Verdicts(string? before, string? after, string what) => (before, after) switch
    {
        (null, null) => "",
        (null, _) => $"new, {after}",
        (_, null) => $"gone (was {before})",
        _ when before == after => $"{after} (unchanged)",
        _ => $"{before} → {after}",
    };

    private static string Sign(string change) => change switch
    {
        ConflictChange.Added => "+",
        ConflictChange.Resolved => "-",
        ConflictChange.NotCompared => "?",
        _ => "~",
    };

    private static string ConflictLine(ConflictDiff conflict) => (conflict.Before, conflict.After) switch
    {
        (null, { } a) => $"{a.Severity} {a.Status}{By(a)}",
        ({ } b, null) when conflict.Change == ConflictChange.NotCompared => $"not compared: the later round does not have the document (was {b.Severity} {b.Status}{By(b)})",
        ({ } b, null) => $"resolved (was {b.Severity} {b.Status}{By(b)})",
        ({ } b, { } a) => string.Join("; ", Changes(b, a)),
        _ => "",
    };

    private static IEnumerable<string> Changes(ConflictState before, ConflictState after)
    {
        if (before.Status != after.Status)
        {
            yield return $"{before.Status} → {after.Status}{By(after)}";
        }
        else if (!before.MitigatedBy.SequenceEqual(after.MitigatedBy))
        {
            yield return $"mitigated by {Or(before.MitigatedBy)} → {Or(after.MitigatedBy)}";
        }

        if (before.Severity != after.Severity)
        {
            yield return $"severity {before.Severity} → {after.Severity}";
        }

        if (!before.Parties.SequenceEqual(after.Parties))
        {
            yield return $"parties {Or(before.Parties)} → {Or(after.Parties)}";
        }
    }

    private static string By(ConflictState state) => state.MitigatedBy.Count == 0 ? "" : $" (by {string.Join(", ", state.MitigatedBy)})";

    private static string Or(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);
}
