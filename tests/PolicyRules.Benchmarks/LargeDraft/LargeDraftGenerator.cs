using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PolicyRules.Benchmarks.LargeDraft;

/// <summary>
/// One draft of many clauses, as an agreement with its schedules runs to: the clauses of the
/// repository's sample drafts (cultural goods and services: national treatment, market access,
/// digital products, customs duties, non-conforming measures) repeated with fresh ids, and three
/// cultural exemptions among them (at a quarter, half and three quarters). Deterministic, and built
/// from the repository alone, so it runs on a fresh clone.
/// </summary>
public static class LargeDraftGenerator
{
    private const string ExemptionKind = "cultural-exemption";

    /// <summary>The draft's JSON text with <paramref name="clauses"/> clauses.</summary>
    public static string Generate(int clauses)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clauses, 4);
        var samples = Directory.GetFiles(SampleDrafts(), "*.json").Order(StringComparer.Ordinal).Select(f => JObject.Parse(File.ReadAllText(f))).ToArray();
        var templates = samples.SelectMany(d => d["clauses"]!.Cast<JObject>()).ToArray();
        var ordinary = templates.Where(c => (string?)c["kind"] != ExemptionKind).ToArray();
        var exemptions = templates.Where(c => (string?)c["kind"] == ExemptionKind).ToArray();
        var exemptionAt = new[] { clauses / 4, clauses / 2, 3 * clauses / 4 };

        var list = new JArray();
        for (var i = 0; i < clauses; i++)
        {
            var slot = Array.IndexOf(exemptionAt, i);
            var clause = (JObject)(slot >= 0 ? exemptions[slot % exemptions.Length] : ordinary[i % ordinary.Length]).DeepClone();
            var id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            clause["id"] = id;
            clause["article"] = id;
            list.Add(clause);
        }

        var agreement = (JObject)samples.First(d => (string?)d["agreement"]!["id"] == "ckfta")["agreement"]!.DeepClone();
        agreement["id"] = $"large-{clauses}";
        return new JObject { ["agreement"] = agreement, ["clauses"] = list }.ToString(Formatting.None);
    }

    private static string SampleDrafts()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var drafts = Path.Combine(dir.FullName, "src", "PolicyRules.Samples", "drafts");
            if (Directory.Exists(drafts))
            {
                return drafts;
            }
        }

        throw new InvalidOperationException("src/PolicyRules.Samples/drafts not found above " + AppContext.BaseDirectory);
    }
}
