using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyRules.Checking.Report;
using PolicyRules.Diagnostics;

namespace PolicyRules.Checking.Baselines;

/// <summary>
/// The conflicts a previous run reported (its JSON report), by fingerprint: a pull-request gate fails
/// only on conflicts that are not in it, and says which of its conflicts are gone.
/// </summary>
public sealed class Baseline
{
    private Baseline(IReadOnlyDictionary<string, BaselineEntry> entries, IReadOnlyList<RulebookReport> rulebooks)
    {
        Entries = entries;
        Rulebooks = rulebooks;
    }

    /// <summary>The counting conflicts (open or partially mitigated) of the previous report, by fingerprint.</summary>
    public IReadOnlyDictionary<string, BaselineEntry> Entries { get; }

    /// <summary>The rulebooks the previous run used, as its report names them.</summary>
    public IReadOnlyList<RulebookReport> Rulebooks { get; }

    /// <summary>
    /// How the rulebooks of <paramref name="current"/> differ from the baseline's, in words, or null
    /// when they are the same (by name and content hash): with other rules, conflicts found
    /// differently show as new or resolved though the drafts did not change.
    /// </summary>
    public string? RulebookChange(IEnumerable<RulebookReport> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        static string Describe(IEnumerable<RulebookReport> books) =>
            string.Join(", ", books.Select(b => $"{b.Name} {b.Version} ({b.Sha256[..Math.Min(12, b.Sha256.Length)]})"));
        var now = current.OrderBy(b => b.Name, StringComparer.Ordinal).ToArray();
        var then = Rulebooks.OrderBy(b => b.Name, StringComparer.Ordinal).ToArray();
        return now.Select(b => (b.Name, b.Sha256)).SequenceEqual(then.Select(b => (b.Name, b.Sha256)))
            ? null
            : $"{Describe(then)} then, {Describe(now)} now";
    }

    /// <summary>Reads a JSON report written by <c>policy-check check --format json</c>.</summary>
    /// <exception cref="FormatException">The text is not such a report; the message says what is wrong.</exception>
    public static Baseline FromReport(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JObject root;
        try
        {
            root = JObject.Parse(json);
        }
        catch (JsonReaderException ex)
        {
            throw new FormatException($"not JSON ({JsonReadFailure.Of(ex, json, null).Reason})", ex);
        }

        if (root["documents"] is not JArray documents)
        {
            throw new FormatException("not a policy-check JSON report: it has no 'documents' (write one with --format json)");
        }

        var entries = new SortedDictionary<string, BaselineEntry>(StringComparer.Ordinal);
        foreach (var document in documents.OfType<JObject>())
        {
            var report = new DocumentReport
            {
                Path = (string?)document["path"] ?? "",
                Agreement = document["agreement"] is JObject agreement ? new AgreementReport((string?)agreement["id"] ?? "", (string?)agreement["name"]) : null,
                Perspective = null,
                Verdict = "",
                Findings = [],
                Clauses = [],
                Diagnostics = [],
            };
            foreach (var finding in (document["findings"] as JArray ?? []).OfType<JObject>().Where(f => (string?)f["kind"] == "conflict"))
            {
                Add(entries, report, null, finding);
            }

            foreach (var clause in (document["clauses"] as JArray ?? []).OfType<JObject>())
            {
                foreach (var conflict in (clause["conflicts"] as JArray ?? []).OfType<JObject>())
                {
                    Add(entries, report, (string?)clause["id"], conflict);
                }
            }
        }

        var rulebooks = (root["rulebooks"] as JArray ?? []).OfType<JObject>()
            .Select(b => new RulebookReport((string?)b["name"] ?? "", (string?)b["version"] ?? "", (string?)b["sha256"] ?? "", (int?)b["rules"] ?? 0))
            .ToArray();
        return new Baseline(entries, rulebooks);
    }

    private static void Add(IDictionary<string, BaselineEntry> entries, DocumentReport document, string? clause, JObject conflict)
    {
        if ((string?)conflict["rule"] is not { } rule || (string?)conflict["principle"] is not { } principle || !ConflictStatus.Counts((string?)conflict["status"] ?? ConflictStatus.Open))
        {
            return;
        }

        entries[ConflictFingerprint.Of(document, clause, rule, principle)] =
            new BaselineEntry(document.Path, document.Agreement?.Id, clause, rule, principle, (string?)conflict["message"] ?? "");
    }
}

/// <summary>A conflict of the baseline report.</summary>
/// <param name="Document">The path the previous report gave.</param>
/// <param name="Agreement">The agreement id.</param>
/// <param name="Clause">The clause, or null for an agreement-level finding.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Principle">The principle.</param>
/// <param name="Message">What it said.</param>
public sealed record BaselineEntry(string Document, string? Agreement, string? Clause, string Rule, string Principle, string Message);
