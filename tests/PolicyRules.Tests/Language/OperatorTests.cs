using static PolicyRules.Tests.Language.LanguageFixture;

namespace PolicyRules.Tests.Language;

/// <summary>Each operator of the language, on a fixed set of items: which ones it selects.</summary>
public class OperatorTests
{
    private static readonly object[] Items =
    [
        new Item { Id = 1, Name = "Alpha Piano", Colour = "red", Price = 10m, Rank = 1, Active = true, Labels = ["fragile", "heavy"], Sizes = [1, 2], Period = new Period { Permanent = true, Years = 0 }, Periods = [new Period { Permanent = true }, new Period { Years = 5 }], Attributes = new Dictionary<string, string> { ["origin"] = "CAN" } },
        new Item { Id = 2, Name = "beta drum", Colour = "orange", Price = 2.5m, Rank = null, Active = false, Labels = ["heavy"], Sizes = [3], Period = new Period { Years = 5 }, Periods = [new Period { Years = 5 }] },
        new Item { Id = 3, Name = null, Colour = "blue", Price = 99m, Rank = 3, Active = true, Labels = [], Sizes = null, Attributes = new Dictionary<string, string> { ["origin"] = "KOR" } },
    ];

    [Theory]
    [InlineData("""{ "colour": "red" }""", new[] { 1 })]
    [InlineData("""{ "colour": { "eq": "RED", "ignoreCase": true } }""", new[] { 1 })]
    [InlineData("""{ "colour": { "ne": "red" } }""", new[] { 2, 3 })]
    [InlineData("""{ "name": null }""", new[] { 3 })]
    [InlineData("""{ "price": 10 }""", new[] { 1 })]
    [InlineData("""{ "price": { "gt": 2.5 } }""", new[] { 1, 3 })]
    [InlineData("""{ "price": { "gte": 2.5, "lt": 99 } }""", new[] { 1, 2 })]
    [InlineData("""{ "price": { "lte": 10 } }""", new[] { 1, 2 })]
    [InlineData("""{ "rank": { "gte": 1 } }""", new[] { 1, 3 })]
    [InlineData("""{ "rank": 3 }""", new[] { 3 })]
    [InlineData("""{ "active": true }""", new[] { 1, 3 })]
    [InlineData("""{ "colour": { "in": ["red", "blue"] } }""", new[] { 1, 3 })]
    [InlineData("""{ "colour": "@warm" }""", new[] { 1, 2 })]
    [InlineData("""{ "colour": { "notIn": "@warm" } }""", new[] { 3 })]
    [InlineData("""{ "rank": { "in": "@numbers" } }""", new[] { 1 })]
    [InlineData("""{ "labels": { "contains": "heavy" } }""", new[] { 1, 2 })]
    [InlineData("""{ "labels": { "contains": "HEAVY", "ignoreCase": true } }""", new[] { 1, 2 })]
    [InlineData("""{ "sizes": { "contains": 3 } }""", new[] { 2 })]
    [InlineData("""{ "labels": { "overlaps": ["fragile", "light"] } }""", new[] { 1 })]
    [InlineData("""{ "sizes": { "overlaps": "@numbers" } }""", new[] { 1 })]
    [InlineData("""{ "labels": { "subsetOf": ["heavy", "light"] } }""", new[] { 2, 3 })]
    [InlineData("""{ "labels": { "intersects": ["fragile", "light"] } }""", new[] { 1 })]
    [InlineData("""{ "labels": { "covers": ["heavy"] } }""", new[] { 1, 2 })]
    [InlineData("""{ "labels": { "covers": ["heavy", "light"] } }""", new int[0])]
    [InlineData("""{ "labels": { "covers": [] } }""", new[] { 1, 2, 3 })]
    [InlineData("""{ "labels": { "covers": ["HEAVY"], "ignoreCase": true } }""", new[] { 1, 2 })]
    [InlineData("""{ "labels": { "difference": { "with": ["heavy"], "empty": false } } }""", new[] { 1 })]
    [InlineData("""{ "labels": { "difference": { "with": ["heavy"], "size": { "eq": 0 } } } }""", new[] { 2, 3 })]
    [InlineData("""{ "sizes": { "difference": { "with": "@numbers", "contains": 3 } } }""", new[] { 2 })]
    [InlineData("""{ "periods": { "some": { "permanent": true } } }""", new[] { 1 })]
    [InlineData("""{ "periods": { "some": { "years": { "gt": 1 }, "permanent": false } } }""", new[] { 1, 2 })]
    [InlineData("""{ "periods": { "every": { "years": { "gt": 1 } } } }""", new[] { 2, 3 })]
    [InlineData("""{ "periods": { "none": { "permanent": true } } }""", new[] { 2, 3 })]
    [InlineData("""{ "periods": { "some": { "not": { "permanent": true } }, "size": { "lt": 2 } } }""", new[] { 2 })]
    [InlineData("""{ "periods.years": { "contains": 5 } }""", new[] { 1, 2 })]
    [InlineData("""{ "periods": { "some": { "years": { "lt": "$x.price" } } } }""", new[] { 1 })]
    [InlineData("""{ "labels": { "size": { "gte": 1 } } }""", new[] { 1, 2 })]
    [InlineData("""{ "sizes": { "size": { "eq": 0 } } }""", new[] { 3 })]
    [InlineData("""{ "name": { "startsWith": "alpha", "ignoreCase": true } }""", new[] { 1 })]
    [InlineData("""{ "name": { "startsWith": "alpha" } }""", new int[0])]
    [InlineData("""{ "name": { "endsWith": "drum" } }""", new[] { 2 })]
    [InlineData("""{ "name": { "contains": "PIANO", "ignoreCase": true } }""", new[] { 1 })]
    [InlineData("""{ "name": { "matches": "^[a-z]+ d" } }""", new[] { 2 })]
    [InlineData("""{ "name": { "matches": "^alpha\\b", "ignoreCase": true } }""", new[] { 1 })]
    [InlineData("""{ "name": { "exists": false } }""", new[] { 3 })]
    [InlineData("""{ "sizes": { "exists": true } }""", new[] { 1, 2 })]
    [InlineData("""{ "name": { "empty": true } }""", new[] { 3 })]
    [InlineData("""{ "labels": { "empty": false } }""", new[] { 1, 2 })]
    [InlineData("""{ "name": { "lt": "b" } }""", new[] { 1 })]
    [InlineData("""{ "period.permanent": true }""", new[] { 1 })]
    [InlineData("""{ "period.years": { "gt": 1 } }""", new[] { 2 })]
    [InlineData("""{ "period": { "exists": false } }""", new[] { 3 })]
    [InlineData("""{ "attributes.origin": "KOR" }""", new[] { 3 })]
    [InlineData("""{ "attributes.missing": { "exists": true } }""", new int[0])]
    [InlineData("""{ "any": [ { "colour": "blue" }, { "price": { "lt": 5 } } ] }""", new[] { 2, 3 })]
    [InlineData("""{ "all": [ { "active": true }, { "labels": { "contains": "heavy" } } ] }""", new[] { 1 })]
    [InlineData("""{ "not": { "colour": "red" } }""", new[] { 2, 3 })]
    public void Each_operator_selects_what_it_says(string where, int[] expected)
    {
        var json = Book($$"""[ { "match": "Item", "as": "x", "where": {{where}} } ]""");

        Tagged(json, Items).Should().Equal(expected);
    }

    [Fact]
    public void Quantifiers_and_in_read_the_members_of_earlier_aliases()
    {
        var json = Book("""
            [ { "match": "Box", "as": "b" },
              { "match": "Item", "as": "x", "where": { "colour": { "in": "$b.labels" }, "periods": { "some": { "years": { "lt": "$b.capacity" } } } } } ]
            """);

        Tagged(
            json,
            new Box { Id = "B1", Labels = ["red", "blue"], Capacity = 3 },
            new Item { Id = 1, Colour = "red", Periods = [new Period { Years = 2 }] },
            new Item { Id = 2, Colour = "red", Periods = [new Period { Years = 7 }] },
            new Item { Id = 3, Colour = "green", Periods = [new Period { Years = 2 }] },
            new Item { Id = 4, Colour = "blue", Periods = [new Period { Years = 9 }, new Period { Years = 1 }] }).Should().Equal(1, 4);
    }

    [Fact]
    public void Joins_compare_with_members_of_earlier_aliases()
    {
        var json = Book("""
            [ { "match": "Box", "as": "b" },
              { "match": "Item", "as": "x", "where": { "boxId": "$b.id", "labels": { "overlaps": "$b.labels" }, "price": { "lt": "$b.capacity" } } } ]
            """);

        Tagged(
            json,
            new Box { Id = "B1", Labels = ["heavy"], Capacity = 20 },
            new Item { Id = 1, BoxId = "B1", Labels = ["heavy"], Price = 5 },
            new Item { Id = 2, BoxId = "B1", Labels = ["light"], Price = 5 },
            new Item { Id = 3, BoxId = "B2", Labels = ["heavy"], Price = 5 },
            new Item { Id = 4, BoxId = "B1", Labels = ["heavy"], Price = 50 }).Should().Equal(1);
    }

    [Fact]
    public void Exists_count_and_collect_aggregate_what_matches()
    {
        var json = Book("""
            [ { "match": "Item", "as": "x" },
              { "exists": { "match": "Box", "where": { "id": "$x.boxId" } } },
              { "count": { "match": "Item", "where": { "boxId": "$x.boxId" } }, "as": "n", "having": { "gte": 2 } },
              { "collect": { "match": "Item", "where": { "boxId": "$x.boxId", "active": true } }, "as": "active", "having": { "size": { "gt": 0 } } } ]
            """);

        Tagged(
            json,
            new Box { Id = "B1" },
            new Item { Id = 1, BoxId = "B1", Active = true },
            new Item { Id = 2, BoxId = "B1" },
            new Item { Id = 3, BoxId = "B2", Active = true },
            new Item { Id = 4, BoxId = "B2", Active = true }).Should().Equal(1, 2);
    }

    [Fact]
    public void Rules_chain_through_the_facts_their_actions_insert()
    {
        const string json = """
            {
              "rulebook": "chain", "version": "1",
              "rules": [
                { "id": "TAG", "when": [ { "match": "Item", "as": "x", "where": { "labels": { "contains": "fragile" } } } ],
                  "then": [ { "tag": { "on": "$x", "name": "fragile-item", "value": "{x.id}" } } ] },
                { "id": "CONFLICT", "principle": "care", "when": [ { "match": "Tag", "as": "t", "where": { "name": "fragile-item" } } ],
                  "then": [ { "conflict": { "on": "$t", "message": "fragile item {t.value}" } } ] },
                { "id": "MITIGATE", "when": [ { "match": "Conflict", "as": "k", "where": { "principle": "care" } }, { "match": "Box", "as": "b", "where": { "labels": { "contains": "padded" } } } ],
                  "then": [ { "mitigate": { "conflict": "$k", "by": "$b", "extent": "partial", "message": "padded box {b.id}", "parties": ["$b.labels", "$k.basis"] } } ] },
                { "id": "SUPPORT", "principle": "care", "when": [ { "match": "Box", "as": "b", "where": { "labels": { "contains": "padded" } } } ],
                  "then": [ { "support": { "on": "$b", "message": "box {b.id} is padded" } } ] }
              ]
            }
            """;

        var session = Run(json, new Item { Id = 7, Labels = ["fragile"] }, new Box { Id = "P", Labels = ["padded", "blue"] });

        session.Query<PolicyRules.Domain.Conflict>().Select(c => c.Message).Should().Equal("fragile item 7");
        var mitigation = session.Query<PolicyRules.Domain.Mitigation>().Should().ContainSingle().Subject;
        mitigation.Extent.Should().Be("partial");
        mitigation.Message.Should().Be("padded box P");
        mitigation.Parties.Should().Equal("padded", "blue");
        mitigation.AppliesTo("blue").Should().BeTrue();
        mitigation.AppliesTo("red").Should().BeFalse();
        session.Query<PolicyRules.Domain.Support>().Select(s => s.Message).Should().Equal("box P is padded");
    }
}
