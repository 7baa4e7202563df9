using PolicyRules.Domain;
using static PolicyRules.Tests.Language.LanguageFixture;

namespace PolicyRules.Tests.Language;

public class RuleLanguageTests
{
    [Fact]
    public void A_rule_file_is_loaded_compiled_and_run()
    {
        var json = Book(
            """
            [ { "match": "Item", "as": "x", "where": { "colour": "red", "labels": { "contains": "fragile" } } },
              { "none": { "match": "Box", "where": { "id": "$x.boxId", "labels": { "contains": "padded" } } } } ]
            """,
            """[ { "conflict": { "on": "$x", "message": "Item {x.id} ({x.labels}) is in an unpadded box {x.boxId}", "evidence": ["$x.labels"] } } ]""");

        var session = Run(
            json,
            new Item { Id = 1, Labels = ["fragile"], BoxId = "B1" },
            new Item { Id = 2, Labels = ["fragile", "heavy"], BoxId = "B2" },
            new Item { Id = 3, Labels = ["heavy"], BoxId = "B2" },
            new Box { Id = "B1", Labels = ["padded"] },
            new Box { Id = "B2" });

        var conflict = session.Query<Conflict>().Should().ContainSingle().Subject;
        conflict.Message.Should().Be("Item 2 (fragile, heavy) is in an unpadded box B2");
        conflict.Principle.Should().Be("p");
        conflict.Severity.Should().Be("high");
        conflict.Evidence.Should().Equal(new Evidence("labels", "fragile, heavy"));
    }

    [Fact]
    public void A_boolean_reads_in_messages_and_evidence_as_the_json_it_came_from()
    {
        var json = Book("""[ { "match": "Item", "as": "x" } ]""", """[ { "conflict": { "on": "$x", "message": "active: {x.active}", "evidence": ["$x.active"] } } ]""");

        var conflict = Run(json, new Item { Id = 1, Active = true }).Query<Conflict>().Single();

        conflict.Message.Should().Be("active: true");
        conflict.Evidence.Should().Equal(new Evidence("active", "true"));
    }

    [Fact]
    public void Evidence_of_a_text_field_is_the_span_its_text_tests_matched()
    {
        var json = Book(
            """[ { "match": "Item", "as": "x", "where": { "name": { "matches": "less favourable|more favourable", "ignoreCase": true } } } ]""",
            """[ { "tag": { "on": "$x", "name": "nt", "evidence": ["$x.name", "$x.colour"] } } ]""");

        var session = Run(json, new Item { Id = 1, Name = "shall accord treatment no LESS FAVOURABLE than", Colour = "red" });

        session.Query<Tag>().Single().Evidence.Should().Equal(
            new Evidence("name", "LESS FAVOURABLE", 26, 41),
            new Evidence("colour", "red"));
    }
}
