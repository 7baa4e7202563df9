using Newtonsoft.Json.Linq;
using PolicyRules.Checking;
using PolicyRules.Language.Operators;
using static PolicyRules.Tests.Language.LanguageFixture;

namespace PolicyRules.Tests.Language;

/// <summary>The operator registry is the one definition: the binder implements each, and the schema and docs list each.</summary>
public class OperatorRegistryTests
{
    // One valid use of every operator; a new operator fails the first test until it has one here.
    private static readonly Dictionary<string, string> Uses = new()
    {
        ["eq"] = """{ "colour": { "eq": "red" } }""",
        ["ne"] = """{ "colour": { "ne": "red" } }""",
        ["lt"] = """{ "price": { "lt": 3 } }""",
        ["lte"] = """{ "price": { "lte": 3 } }""",
        ["gt"] = """{ "price": { "gt": 3 } }""",
        ["gte"] = """{ "price": { "gte": 3 } }""",
        ["in"] = """{ "colour": { "in": ["red"] } }""",
        ["notIn"] = """{ "colour": { "notIn": ["red"] } }""",
        ["contains"] = """{ "labels": { "contains": "heavy" } }""",
        ["overlaps"] = """{ "labels": { "overlaps": ["heavy"] } }""",
        ["subsetOf"] = """{ "labels": { "subsetOf": ["heavy"] } }""",
        ["covers"] = """{ "labels": { "covers": ["heavy"] } }""",
        ["difference"] = """{ "labels": { "difference": { "with": ["heavy"], "empty": true } } }""",
        ["size"] = """{ "labels": { "size": { "gt": 0 } } }""",
        ["some"] = """{ "periods": { "some": { "permanent": true } } }""",
        ["every"] = """{ "periods": { "every": { "permanent": true } } }""",
        ["none"] = """{ "periods": { "none": { "permanent": true } } }""",
        ["startsWith"] = """{ "colour": { "startsWith": "r" } }""",
        ["endsWith"] = """{ "colour": { "endsWith": "d" } }""",
        ["matches"] = """{ "colour": { "matches": "^r" } }""",
        ["exists"] = """{ "name": { "exists": true } }""",
        ["empty"] = """{ "labels": { "empty": true } }""",
    };

    [Fact]
    public void The_binder_implements_every_registered_operator()
    {
        Uses.Keys.Should().BeEquivalentTo(OperatorRegistry.All.Select(o => o.Name));
        foreach (var (name, where) in Uses)
        {
            Load(Book($$"""[ { "match": "Item", "as": "x", "where": {{where}} } ]""")).Diagnostics.Should().BeEmpty(name);
        }
    }

    [Fact]
    public void The_rulebook_schema_lists_every_operator_and_alias_and_nothing_else()
    {
        var schema = JObject.Parse(EmbeddedRulebook.RulebookSchema());
        var listed = ((JObject)schema["definitions"]!["operators"]!["properties"]!).Properties().Select(p => p.Name).Where(n => n != "ignoreCase");

        listed.Should().BeEquivalentTo(OperatorRegistry.Names);
    }

    [Fact]
    public void The_rule_language_doc_has_a_row_for_every_operator()
    {
        var doc = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "docs", "RULE-LANGUAGE.md"));
        var table = doc.SkipWhile(l => !l.StartsWith("| operator |", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|'));
        var documented = table.SelectMany(row => System.Text.RegularExpressions.Regex.Matches(row.Split('|')[1], "`([A-Za-z]+)`").Select(m => m.Groups[1].Value));

        documented.Should().BeEquivalentTo(OperatorRegistry.Names);
    }

    [Fact]
    public void Explain_phrases_each_operator_in_words()
    {
        var set = Load(Book($$"""[ { "match": "Item", "as": "x", "where": { "periods": { "some": { "years": { "gt": 1 } } }, "labels": { "difference": { "with": ["heavy"], "empty": false }, "covers": ["red"] } } } ]"""));
        var text = string.Join("\n", set.Rules.Single().Conditions);

        text.Should().Contain("some item of periods has years > 1")
            .And.Contain("the items of labels not in 'heavy' is not empty")
            .And.Contain("labels holds every item of 'red'");
    }
}
