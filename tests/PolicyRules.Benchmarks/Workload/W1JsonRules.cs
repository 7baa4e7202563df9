using System.Globalization;
using System.Text;
using PolicyRules.Engine;
using PolicyRules.Language;
using PolicyRules.Language.Catalog;

namespace PolicyRules.Benchmarks.Workload;

/// <summary>
/// The W1 rules written in the JSON rule language, the way users write them, and loaded the way
/// the library loads rule files: parse, check against the registered W1 fact types, compile.
/// </summary>
public static class W1JsonRules
{
    /// <summary>The W1 fact types, registered for rule files.</summary>
    public static FactCatalog Catalog() => new FactCatalog().Register<Agreement>().Register<Clause>();

    /// <summary>The rule file for <paramref name="rules"/>.</summary>
    public static string Rulebook(IReadOnlyList<W1Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var json = new StringBuilder();
        json.Append("{\n  \"rulebook\": \"w1\", \"version\": \"1.0.0\",\n  \"rules\": [\n");
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var floor = rule.Distinct ? string.Create(CultureInfo.InvariantCulture, $", \"id\": {{ \"gt\": {rule.IdFloor} }}") : "";
            json.Append(CultureInfo.InvariantCulture, $$"""
                    {
                      "id": "{{rule.Id}}", "principle": "w1", "severity": "high",
                      "when": [
                        { "match": "Clause", "as": "c", "where": { "kind": "{{rule.Kind}}", "sectors": { "contains": "{{rule.Sector}}" }{{floor}} } },
                        { "none": { "match": "Clause", "where": { "kind": "{{W1.ExceptionKind}}", "sectors": { "contains": "{{rule.Sector}}" }, "agreementId": "$c.agreementId", "id": { "ne": "$c.id" } } } }
                      ],
                      "then": [ { "conflict": { "on": "$c", "message": "conflict" } } ]
                    }{{(i + 1 < rules.Count ? "," : "")}}

                """);
        }

        json.Append("  ]\n}\n");
        return json.ToString();
    }

    /// <summary>Loads, checks and compiles the rule file: what building this leg costs.</summary>
    public static RuleNetwork Compile(IReadOnlyList<W1Rule> rules, RuleNetworkOptions? options = null)
    {
        var set = new RulebookLoader(Catalog()).Load(Rulebook(rules), "w1.json");
        if (set.HasErrors)
        {
            throw new InvalidOperationException("The W1 rule file has errors:" + Environment.NewLine + string.Join(Environment.NewLine, set.Diagnostics));
        }

        return set.Compile(options);
    }
}
