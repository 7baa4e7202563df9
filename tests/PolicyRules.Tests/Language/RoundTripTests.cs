using FsCheck;
using FsCheck.Fluent;
using PolicyRules.Domain;
using PolicyRules.Engine;
using PolicyRules.Engine.Builder;
using PolicyRules.Engine.Runtime;
using static PolicyRules.Tests.Language.LanguageFixture;

namespace PolicyRules.Tests.Language;

/// <summary>A rule written in JSON and the same rule written with the C# builder match the same facts.</summary>
public class RoundTripTests
{
    private const string Json = """
        {
          "rulebook": "rt", "version": "1",
          "rules": [ {
            "id": "RT", "principle": "p",
            "when": [
              { "match": "Item", "as": "x", "where": { "colour": "red", "labels": { "contains": "heavy" }, "price": { "gt": 2 } } },
              { "none": { "match": "Item", "where": { "boxId": "$x.boxId", "colour": "blue", "id": { "ne": "$x.id" } } } },
              { "count": { "match": "Item", "where": { "boxId": "$x.boxId" } }, "as": "n", "having": { "lte": 3 } }
            ],
            "then": [ { "conflict": { "on": "$x", "message": "{x.id}" } } ]
          } ]
        }
        """;

    private static readonly string[] Colours = ["red", "blue", "green"];
    private static readonly string[] Labels = ["heavy", "light", "fragile"];

    [Fact]
    [Trait("Category", "Differential")]
    public void Json_and_builder_rules_agree_on_random_facts()
    {
        var jsonNetwork = Load(Json).Compile();
        var builderNetwork = RuleNetwork.Compile([new RuleBuilder("RT")
            .Match<Item>("x", x => x.Colour == "red", x => x.Labels.Contains("heavy"), x => x.Price > 2)
            .Not<Item>((Item e, Item x) => e.BoxId == x.BoxId && e.Colour == "blue" && e.Id != x.Id)
            .Count<Item>("n", s => s.Where((Item e, Item x) => e.BoxId == x.BoxId), n => n <= 3)
            .Then((IActionContext ctx, Item x) => ctx.InsertLinked(new Tag("RT", x, "hit", null, Array.Empty<Evidence>())))
            .Build()]);

        var item = from colour in Gen.Elements(Colours)
                   from labels in Gen.SubListOf(Labels)
                   from price in Gen.Choose(0, 5)
                   from box in Gen.Choose(1, 3)
                   select (colour, labels: labels.ToArray(), price, box);
        var facts = item.ListOf().Select(list => list.Select((f, i) => new Item
        {
            Id = i,
            Colour = f.colour,
            Labels = f.labels,
            Price = f.price,
            BoxId = $"B{f.box}",
        }).ToArray());

        Prop.ForAll(facts.ToArbitrary(), items =>
        {
            var json = jsonNetwork.CreateSession();
            json.InsertAll(items);
            json.Fire();
            var builder = builderNetwork.CreateSession();
            builder.InsertAll(items);
            builder.Fire();

            var fromJson = json.Query<Conflict>().Select(c => ((Item)c.Subject).Id).Order().ToArray();
            var fromBuilder = builder.Query<Tag>().Select(t => ((Item)t.Subject).Id).Order().ToArray();
            return fromJson.SequenceEqual(fromBuilder);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }
}
