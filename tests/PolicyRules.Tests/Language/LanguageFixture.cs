using PolicyRules.Domain;
using PolicyRules.Engine.Runtime;
using PolicyRules.Language;
using PolicyRules.Language.Catalog;

namespace PolicyRules.Tests.Language;

/// <summary>Fact types for rule-language tests, and helpers to load rule text and run it.</summary>
internal static class LanguageFixture
{
    public static FactCatalog Catalog() => new FactCatalog()
        .Register<Item>()
        .Register<Box>()
        .Register<Period>()
        .Register<Conflict>()
        .Register<Tag>()
        .Register<Mitigation>()
        .Register<Support>();

    public static RulebookSet Load(string json, RulebookLimits? limits = null) =>
        new RulebookLoader(Catalog(), limits).Load(json, "test.json");

    /// <summary>A rulebook with one rule whose <c>when</c> and <c>then</c> are given.</summary>
    public static string Book(string when, string then = """[ { "tag": { "on": "$x", "name": "hit" } } ]""", string extra = "") => $$"""
        {
          "rulebook": "test", "version": "1.0.0",
          "sets": { "warm": ["red", "orange"], "numbers": [1, 2] },
          "rules": [ { "id": "R1", "principle": "p", "severity": "high" {{extra}}, "when": {{when}}, "then": {{then}} } ]
        }
        """;

    /// <summary>Loads, fails on any error, inserts the facts, fires, and returns the ids of items tagged.</summary>
    public static int[] Tagged(string json, params object[] facts)
    {
        var session = Run(json, facts);
        return session.Query<Tag>().Select(t => t.Subject).OfType<Item>().Select(i => i.Id).Order().ToArray();
    }

    public static RuleSession Run(string json, params object[] facts)
    {
        var set = Load(json);
        set.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
        var session = set.Compile().CreateSession();
        session.InsertAll(facts);
        session.Fire();
        return session;
    }

    public static string[] Codes(this RulebookSet set) => set.Diagnostics.Select(d => d.Code).ToArray();
}

public sealed class Item
{
    public int Id { get; init; }

    public string? Name { get; init; }

    public string Colour { get; init; } = "red";

    public decimal Price { get; init; }

    public int? Rank { get; init; }

    public bool Active { get; init; }

    public string[] Labels { get; init; } = [];

    public List<int>? Sizes { get; init; }

    public string BoxId { get; init; } = "B1";

    public Period? Period { get; init; }

    public IReadOnlyList<Period> Periods { get; init; } = [];

    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    public override string ToString() => $"Item#{Id}";
}

public sealed class Box
{
    public string Id { get; init; } = "B1";

    public string[] Labels { get; init; } = [];

    public int Capacity { get; init; }

    public override string ToString() => $"Box {Id}";
}

public sealed class Period
{
    public bool Permanent { get; init; }

    public int Years { get; init; }
}
