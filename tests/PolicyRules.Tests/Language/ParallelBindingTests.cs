using System.Text;
using PolicyRules.Checking;
using PolicyRules.Domain;
using PolicyRules.Engine.Model;
using PolicyRules.Language;
using static PolicyRules.Tests.Language.LanguageFixture;

namespace PolicyRules.Tests.Language;

/// <summary>
/// The loader binds a file's rules in parallel: what it loads and what it reports, in which order,
/// must be what binding them one by one gives.
/// </summary>
public class ParallelBindingTests
{
    [Fact]
    public void Many_rules_with_errors_and_warnings_load_as_they_do_one_by_one()
    {
        var text = ManyRules(120);

        var serial = new RulebookLoader(Catalog()) { MaxParallelism = 1 }.Load(text, "test.json");
        var parallel = new RulebookLoader(Catalog()) { MaxParallelism = 8 }.Load(text, "test.json");

        serial.Diagnostics.Should().Contain(d => d.IsError).And.Contain(d => !d.IsError);
        parallel.Diagnostics.Select(d => d.ToString()).Should().Equal(serial.Diagnostics.Select(d => d.ToString()));
        Shapes(parallel).Should().Equal(Shapes(serial));
        serial.Rules.Should().HaveCountGreaterThan(80);
    }

    [Fact]
    public void Binding_diagnostics_follow_the_file_whatever_thread_bound_each_rule()
    {
        var set = new RulebookLoader(Catalog()) { MaxParallelism = 8 }.Load(ManyRules(120), "test.json");

        // What binding found comes rule by rule (the parser's own diagnostics would come first).
        var bound = set.Diagnostics.Where(d => d.Code != RuleDiagnosticCodes.DuplicateRuleId).ToArray();
        bound.Should().HaveCountGreaterThan(10);
        bound.Select(d => d.Line).Should().BeInAscendingOrder("each rule's diagnostics come with the rule, and the rules in the file's order");
    }

    [Fact]
    public void The_shipped_rulebook_loads_the_same_in_parallel()
    {
        var serial = new RulebookLoader(ConventionCatalog.Create()) { MaxParallelism = 1 }.Load(EmbeddedRulebook.Sources());
        var parallel = new RulebookLoader(ConventionCatalog.Create()) { MaxParallelism = 4 }.Load(EmbeddedRulebook.Sources());

        parallel.Diagnostics.Select(d => d.ToString()).Should().Equal(serial.Diagnostics.Select(d => d.ToString()));
        Shapes(parallel).Should().Equal(Shapes(serial));
    }

    [Fact]
    public void At_least_one_rule_at_a_time()
    {
        var act = () => new RulebookLoader(Catalog()) { MaxParallelism = 0 };

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*at least 1*");
    }

    // Every rule as the engine gets it: id, metadata, each element's conditions and each action, as text.
    private static string[] Shapes(RulebookSet set) => set.Rules.Select(rule =>
    {
        var text = new StringBuilder(rule.Id).Append(' ').Append(string.Join(",", rule.Definition.Metadata.OrderBy(m => m.Key).Select(m => $"{m.Key}={m.Value}")));
        foreach (var element in rule.Definition.Conditions)
        {
            var pattern = element switch { PatternElement p => p, NotElement n => n.Pattern, ExistsElement e => e.Pattern, AggregateElement a => a.Source, _ => null };
            text.Append(" | ").Append(element.GetType().Name).Append(' ').Append(pattern?.Alias).Append(' ').AppendJoin("; ", pattern?.Conditions ?? []);
        }

        return text.AppendJoin(" | ", rule.Definition.Actions.Select(a => a.Expression)).AppendJoin(" | ", rule.Conditions).ToString();
    }).ToArray();

    // Rules of several shapes; every seventh names an unknown type (an error), every fifth joins a
    // pattern that shares nothing with the others (a cross-product warning), one id is used twice,
    // and many share one regular expression.
    private static string ManyRules(int count)
    {
        var rules = Enumerable.Range(0, count).Select(i =>
        {
            var type = i % 7 == 3 ? "Itme" : "Item";
            var crossed = i % 5 == 1 ? $$""", { "match": "Box", "as": "b{{i}}" }""" : "";
            var id = i == 40 ? "R39" : $"R{i}";
            var where = (i % 3) switch
            {
                0 => $$"""{ "name": { "matches": "^ab+c" }, "price": { "gte": {{i}} } }""",
                1 => """{ "colour": "@warm", "labels": { "overlaps": ["x", "y"] } }""",
                _ => """{ "any": [ { "rank": { "lt": 3 } }, { "active": true } ] }""",
            };
            return $$"""
                    { "id": "{{id}}", "severity": "high",
                      "when": [ { "match": "{{type}}", "as": "x", "where": {{where}} }, { "none": { "match": "Box", "where": { "id": "$x.name" } } }{{crossed}} ],
                      "then": [ { "tag": { "on": "$x", "name": "t{{i}}" } } ] }
                """;
        });
        return $$"""
            {
              "rulebook": "test", "version": "1.0.0",
              "sets": { "warm": ["red", "orange"] },
              "rules": [
            {{string.Join(",\n", rules)}}
              ]
            }
            """;
    }
}
