using PolicyRules.Language;
using PolicyRules.Language.Catalog;
using PolicyRules.Diagnostics;
using static PolicyRules.Tests.Language.LanguageFixture;

namespace PolicyRules.Tests.Language;

/// <summary>Every diagnostic code, with where it points and what it says.</summary>
public class DiagnosticTests
{
    private static Diagnostic Single(RulebookSet set, string code)
    {
        set.Diagnostics.Should().Contain(d => d.Code == code, $"the file should get {code}; it got {string.Join(" | ", set.Diagnostics)}");
        return set.Diagnostics.First(d => d.Code == code);
    }

    private static RulebookSet Where(string where) => Load(Book($$"""[ { "match": "Item", "as": "x", "where": {{where}} } ]"""));

    [Fact]
    public void PR1001_malformed_json_points_at_the_line_and_column()
    {
        var d = Single(Load("{\n  \"rulebook\": \"x\",\n  \"rules\": [ { \"id\": \"R\" \"when\": [] } ]\n}"), RuleDiagnosticCodes.MalformedJson);

        d.Line.Should().Be(3);
        d.Column.Should().BeGreaterThan(10);
        d.ToString().Should().StartWith("test.json(3,").And.Contain("error PR1001: Malformed JSON");
    }

    [Theory]
    [InlineData("\n\n  { }", 3, 3)]
    [InlineData("  garbage", 1, 51)]
    public void PR1001_text_after_the_rule_file_is_found_where_it_starts(string after, int line, int column)
    {
        const string Book = """{ "rulebook": "a", "version": "1", "rules": [] }""";

        var d = Single(Load(Book + after), RuleDiagnosticCodes.MalformedJson);

        d.Message.Should().Be("Malformed JSON: Additional text after the end of the document.");
        (d.Line, d.Column).Should().Be((line, column));
        Load(Book + "\n// reviewed\n").Diagnostics.Should().NotContain(x => x.Code == RuleDiagnosticCodes.MalformedJson, "comments after the document are not text");
    }

    [Theory]
    [InlineData("""{ "rulebook": "a", "rulebook": "b", "version": "1", "rules": [] }""", 20)]  // the repeated name
    [InlineData("""{ "rulebook": "a" "version": "1", "rules": [] }""", 19)]                     // what follows a value without a comma
    [InlineData("""{ "rulebook": "a", "version": 1x, "rules": [] }""", 31)]                     // the number it could not read
    [InlineData("""{ "rulebook": "a", "version": "1", "rules": [ """, 47)]                        // just past the end
    public void PR1001_points_at_what_could_not_be_read(string text, int column)
    {
        var d = Single(Load(text), RuleDiagnosticCodes.MalformedJson);

        (d.Line, d.Column).Should().Be((1, column));
    }

    [Fact]
    public void PR1001_a_repeated_property_is_malformed()
    {
        Single(Load("""{ "rulebook": "a", "rulebook": "b", "version": "1", "rules": [] }"""), RuleDiagnosticCodes.MalformedJson)
            .Message.Should().Contain("rulebook");
    }

    [Fact]
    public void PR1002_missing_required_fields_are_each_reported()
    {
        var set = Load("""{ "rules": [ { "when": [] } ] }""");

        set.Diagnostics.Where(d => d.Code == RuleDiagnosticCodes.MissingField).Select(d => d.Message)
            .Should().Contain(m => m.Contains("'rulebook'")).And.Contain(m => m.Contains("'version'"))
            .And.Contain(m => m.Contains("'id'")).And.Contain(m => m.Contains("'then'"));
    }

    [Fact]
    public void PR1003_unknown_fact_type_suggests_the_closest()
    {
        var d = Single(Load(Book("""[ { "match": "Itme", "as": "x" } ]""")), RuleDiagnosticCodes.UnknownFactType);

        d.Message.Should().Contain("'Itme'").And.Contain("Did you mean 'Item'?");
        d.Line.Should().Be(4);
    }

    [Fact]
    public void PR1004_unknown_member_suggests_the_closest_and_lists_the_members()
    {
        var d = Single(Where("""{ "colour": "red", "lables": { "contains": "x" } }"""), RuleDiagnosticCodes.UnknownMember);

        d.Message.Should().Contain("Item has no member 'lables'").And.Contain("Did you mean 'labels'?");
        d.ToString().Should().MatchRegex(@"^test\.json\(\d+,\d+\): error PR1004: ");
    }

    [Theory]
    [InlineData("GetType")]
    [InlineData("getType")]
    [InlineData("toString")]
    [InlineData("period")]
    public void PR1004_only_registered_public_properties_are_reachable(string member)
    {
        var set = Where($$"""{ "{{member}}.assembly": "x" }""");

        set.Codes().Should().Contain(c => c == RuleDiagnosticCodes.UnknownMember || c == RuleDiagnosticCodes.TypeMismatch);
        set.HasErrors.Should().BeTrue();
    }

    [Theory]
    [InlineData("""{ "price": "cheap" }""", "'$x.price' is a number, but \"cheap\" is text")]
    [InlineData("""{ "colour": 3 }""", "text")]
    [InlineData("""{ "labels": "fragile" }""", "lists are tested with")]
    [InlineData("""{ "active": { "gt": 1 } }""", "only numbers and text are ordered")]
    [InlineData("""{ "price": { "startsWith": "1" } }""", "applies to text")]
    [InlineData("""{ "labels": { "in": ["a"] } }""", "overlaps or subsetOf")]
    [InlineData("""{ "price": null }""", "always has a value")]
    [InlineData("""{ "colour": { "exists": "yes" } }""", "takes true or false")]
    public void PR1005_type_mismatches_say_what_was_expected(string where, string expected)
    {
        Single(Where(where), RuleDiagnosticCodes.TypeMismatch).Message.Should().Contain(expected);
    }

    [Fact]
    public void PR1005_a_join_with_a_member_of_another_type()
    {
        var set = Load(Book("""[ { "match": "Box", "as": "b" }, { "match": "Item", "as": "x", "where": { "boxId": "$b.capacity" } } ]"""));

        Single(set, RuleDiagnosticCodes.TypeMismatch).Message.Should().Contain("'$b.capacity' is a number");
    }

    [Fact]
    public void PR1006_unknown_set()
    {
        Single(Where("""{ "colour": "@wram" }"""), RuleDiagnosticCodes.UnknownSet).Message.Should().Contain("Did you mean 'warm'?");
    }

    [Fact]
    public void PR1007_alias_used_before_it_is_bound()
    {
        var set = Load(Book("""[ { "match": "Item", "as": "x", "where": { "boxId": "$b.id" } }, { "match": "Box", "as": "b" } ]"""));

        Single(set, RuleDiagnosticCodes.UnboundAlias).Message.Should().Contain("'$b' is not bound").And.Contain("bound: none yet");
    }

    [Fact]
    public void PR1007_an_action_naming_an_unbound_alias()
    {
        Single(Load(Book("""[ { "match": "Item", "as": "x" } ]""", """[ { "tag": { "on": "$y", "name": "n" } } ]""")), RuleDiagnosticCodes.UnboundAlias)
            .Message.Should().Contain("bound: $x");
    }

    [Theory]
    [InlineData("(unclosed")]
    [InlineData("a{2,1}")]
    [InlineData("(a)\\\\1")]
    [InlineData("(?=lookahead)")]
    public void PR1008_invalid_or_unsupported_regex(string pattern)
    {
        Single(Where($$"""{ "name": { "matches": "{{pattern}}" } }"""), RuleDiagnosticCodes.InvalidRegex);
    }

    [Theory]
    [InlineData("""{ "colour": { "equals": "red" } }""", "Did you mean 'eq'?")]
    [InlineData("""{ "colour": { "startswith": "r" } }""", "Did you mean 'startsWith'?")]
    public void PR1009_unknown_operator(string where, string hint)
    {
        Single(Where(where), RuleDiagnosticCodes.UnknownOperator).Message.Should().Contain(hint);
    }

    [Fact]
    public void PR1009_unknown_element_keyword()
    {
        Single(Load(Book("""[ { "matches": "Item", "as": "x" } ]""")), RuleDiagnosticCodes.UnknownOperator).Message.Should().Contain("Did you mean 'match'?");
    }

    [Fact]
    public void PR1010_duplicate_rule_ids_in_one_file_and_across_rulebooks()
    {
        var twice = Load("""
            { "rulebook": "a", "version": "1", "rules": [
              { "id": "R", "when": [], "then": [] },
              { "id": "R", "when": [], "then": [] } ] }
            """);
        Single(twice, RuleDiagnosticCodes.DuplicateRuleId).Line.Should().Be(3);

        var loader = new RulebookLoader(Catalog());
        var across = loader.Load([
            RulebookSource.FromText("""{ "rulebook": "a", "version": "1", "rules": [ { "id": "R", "when": [], "then": [] } ] }""", "a.json"),
            RulebookSource.FromText("""{ "rulebook": "b", "version": "1", "rules": [ { "id": "R", "when": [], "then": [] } ] }""", "b.json"),
        ]);
        Single(across, RuleDiagnosticCodes.DuplicateRuleId).Message.Should().Contain("rulebook 'a'").And.Contain("override");
    }

    [Theory]
    [InlineData("""{ "rulebook": 3, "version": "1", "rules": [] }""")]
    [InlineData("""{ "rulebook": "a", "version": "1", "rules": {} }""")]
    [InlineData("""{ "rulebook": "a", "version": "1", "rules": [ { "id": "R", "severity": "severe", "when": [], "then": [] } ] }""")]
    [InlineData("""{ "rulebook": "a", "version": "1", "rules": [ { "id": "R", "priority": 1.5, "when": [], "then": [] } ] }""")]
    [InlineData("""{ "rulebook": "a", "version": "1", "rules": [ { "id": "R", "when": [ { "match": "Item", "as": "1x" } ], "then": [] } ] }""")]
    [InlineData("""{ "rulebook": "a", "version": "1", "rules": [ { "id": "R", "when": [ { "match": "Item", "where": { "labels": ["a"] } } ], "then": [] } ] }""")]
    [InlineData("""[]""")]
    public void PR1011_values_of_the_wrong_json_kind(string json)
    {
        Single(Load(json), RuleDiagnosticCodes.InvalidValue);
    }

    [Fact]
    public void PR1015_unknown_action()
    {
        Single(Load(Book("""[ { "match": "Item", "as": "x" } ]""", """[ { "conflcit": { "on": "$x" } } ]""")), RuleDiagnosticCodes.UnknownAction)
            .Message.Should().Contain("Did you mean 'conflict'?");
    }

    [Fact]
    public void PR1016_an_alias_bound_twice()
    {
        Single(Load(Book("""[ { "match": "Item", "as": "x" }, { "match": "Box", "as": "x" } ]""")), RuleDiagnosticCodes.DuplicateAlias);
    }

    [Fact]
    public void PR1017_an_unknown_field_is_an_error_with_a_suggestion()
    {
        var set = Load(Book("""[ { "match": "Item", "as": "x" } ]""", extra: """, "sevrity": "critical" """));

        var d = Single(set, RuleDiagnosticCodes.UnknownField);
        d.Severity.Should().Be(DiagnosticSeverity.Error, "a misspelt severity would run the rule at the default one");
        d.Message.Should().Contain("Did you mean 'severity'?");
        set.HasErrors.Should().BeTrue();
    }

    [Theory]
    [InlineData("""[ { "none": { "match": "Item" }, "where": { "id": 1 } } ]""", "a 'none' element (its conditions go inside it)")]
    [InlineData("""[ { "match": "Item", "as": "x", "id": 1 } ]""", "a pattern (conditions on the fact go in 'where')")]
    [InlineData("""[ { "count": { "match": "Item" }, "as": "n", "where": { "id": 1 } } ]""", "a 'count' element (its conditions go inside it)")]
    public void PR1017_a_condition_set_beside_its_pattern_is_an_error_not_a_condition_dropped(string when, string expected)
    {
        var set = Load(Book(when));

        Single(set, RuleDiagnosticCodes.UnknownField).Message.Should().Contain(expected);
        set.HasErrors.Should().BeTrue();
    }

    [Fact]
    public void PR1017_an_unknown_argument_of_an_action_is_an_error()
    {
        var set = Load(Book("""[ { "match": "Item", "as": "x" } ]""", """[ { "tag": { "on": "$x", "name": "hit", "valeu": "1" } } ]"""));

        Single(set, RuleDiagnosticCodes.UnknownField).Message.Should().Contain("'valeu' is not an argument of 'tag'. Did you mean 'value'?");
        set.HasErrors.Should().BeTrue();
    }

    [Fact]
    public void PR1022_a_principle_close_to_one_an_earlier_rulebook_reports_is_a_misspelling()
    {
        var set = LoadAfter(Book("""[ { "match": "Item", "as": "x" } ]""").Replace("\"principle\": \"p\"", "\"principle\": \"no-culture-liberalization\""));

        var d = Single(set, RuleDiagnosticCodes.UnknownPrinciple);
        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Message.Should().Contain("Did you mean 'no-culture-liberalisation'?");
        d.Line.Should().BeGreaterThan(0);
    }

    [Fact]
    public void PR1022_a_principle_of_ones_own_is_named_once_as_a_warning()
    {
        var own = """
            { "rulebook": "mine", "version": "1", "rules": [
              { "id": "M1", "principle": "national-screen-quota", "when": [ { "match": "Item", "as": "x" } ], "then": [ { "tag": { "on": "$x", "name": "a" } } ] },
              { "id": "M2", "principle": "national-screen-quota", "when": [ { "match": "Item", "as": "x" } ], "then": [ { "tag": { "on": "$x", "name": "b" } } ] } ] }
            """;

        var set = LoadAfter(own);

        var d = Single(set, RuleDiagnosticCodes.UnknownPrinciple);
        d.Severity.Should().Be(DiagnosticSeverity.Warning);
        d.Message.Should().Contain("reports show it as written");
        set.HasErrors.Should().BeFalse();
    }

    [Fact]
    public void PR1022_the_first_rulebook_defines_its_principles()
    {
        Load(Book("""[ { "match": "Item", "as": "x" } ]""")).Diagnostics.Should().NotContain(d => d.Code == RuleDiagnosticCodes.UnknownPrinciple);
    }

    // A rulebook loaded after one whose rule reports no-culture-liberalisation.
    private static RulebookSet LoadAfter(string json) => new RulebookLoader(Catalog()).Load(
    [
        RulebookSource.FromText(Book("""[ { "match": "Item", "as": "x" } ]""").Replace("\"principle\": \"p\"", "\"principle\": \"no-culture-liberalisation\"").Replace("\"R1\"", "\"BASE\"").Replace("\"test\"", "\"base\""), "base.json"),
        RulebookSource.FromText(json, "test.json"),
    ]);

    [Theory]
    [InlineData("""{ "name": {} }""", "'name' has no operator")]
    [InlineData("""{ "name": { "ignoreCase": true } }""", "'name' has no operator")]
    [InlineData("""{ "any": [] }""", "an empty 'any' is never true")]
    [InlineData("""{ "all": [] }""", "an empty 'all' is always true")]
    [InlineData("""{ "not": {} }""", "An empty condition tests nothing")]
    [InlineData("""{}""", "An empty condition tests nothing")]
    public void PR1011_a_condition_that_tests_nothing_is_an_error_not_a_test_that_always_or_never_holds(string where, string expected)
    {
        var set = Load(Book($$"""[ { "match": "Item", "as": "x", "where": {{where}} } ]"""));

        Single(set, RuleDiagnosticCodes.InvalidValue).Message.Should().Contain(expected);
    }

    [Fact]
    public void PR1003_a_part_of_other_facts_cannot_be_matched_and_the_error_says_where_to_read_it()
    {
        var catalog = new FactCatalog().Register<Item>().RegisterPart<Period>();
        var set = new RulebookLoader(catalog).Load(Book("""[ { "match": "Period", "as": "x" } ]"""), "test.json");

        Single(set, RuleDiagnosticCodes.UnknownFactType).Message.Should()
            .Be("'Period' is a part of other facts, not a fact a pattern can match: read it through Item.period, Item.periods.");
    }

    [Fact]
    public void A_part_is_read_through_the_fact_that_holds_it()
    {
        var catalog = new FactCatalog().Register<Item>().RegisterPart<Period>();
        var set = new RulebookLoader(catalog).Load(Book("""[ { "match": "Item", "as": "x", "where": { "periods": { "some": { "years": { "gte": 1 } } } } } ]"""), "test.json");

        set.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
    }

    [Fact]
    public void A_second_rulebook_of_the_same_name_is_refused_since_reports_tell_rulebooks_apart_by_name()
    {
        var book = Book("""[ { "match": "Item", "as": "x" } ]""");
        var set = new RulebookLoader(Catalog()).Load([RulebookSource.FromText(book, "a.json"), RulebookSource.FromText(book.Replace("\"R1\"", "\"R2\""), "b.json")]);

        set.Diagnostics.Should().ContainSingle().Which.ToString().Should()
            .Be("b.json(1,1): error PR1011: A rulebook named 'test' is already loaded (a.json): give this one a name of its own, so that reports tell their rules apart.");
        set.Rules.Select(r => r.Id).Should().Equal("R1");
    }

    [Fact]
    public void PR1023_a_set_of_an_earlier_rulebook_defined_again_is_a_warning()
    {
        var book = Book("""[ { "match": "Item", "as": "x" } ]""");
        var set = new RulebookLoader(Catalog()).Load([RulebookSource.FromText(book, "a.json"), RulebookSource.FromText(book.Replace("\"test\"", "\"mine\"").Replace("\"R1\"", "\"R2\""), "b.json")]);

        var d = set.Diagnostics.Where(d => d.Code == RuleDiagnosticCodes.SetRedefined).Should().HaveCount(2, "the book defines 'warm' and 'numbers' again").And.Subject.First();
        d.Severity.Should().Be(DiagnosticSeverity.Warning);
        d.File.Should().Be("b.json");
        d.Message.Should().Contain("'@warm'");
    }

    [Fact]
    public void Fields_that_start_with_a_dollar_are_annotations()
    {
        var set = Load(Book("""[ { "match": "Item", "as": "x", "$comment": "any item" } ]""", extra: """, "$comment": "a rule about items" """));

        set.Diagnostics.Should().NotContain(d => d.Code == RuleDiagnosticCodes.UnknownField);
    }

    [Theory]
    [InlineData("Item {y.id}", "'y' is not an alias")]
    [InlineData("Item {x.idd}", "no member 'idd'")]
    [InlineData("Item {x.id", "Unclosed")]
    [InlineData("Item x.id}", "Unmatched")]
    public void PR1018_templates_that_read_what_is_not_there(string template, string expected)
    {
        var set = Load(Book("""[ { "match": "Item", "as": "x" } ]""", $$"""[ { "conflict": { "on": "$x", "message": "{{template}}" } } ]"""));

        set.Diagnostics.Should().Contain(d => (d.Code == RuleDiagnosticCodes.InvalidTemplate || d.Code == RuleDiagnosticCodes.UnknownMember) && d.Message.Contains(expected));
    }

    [Fact]
    public void PR1019_disabling_or_overriding_a_rule_nobody_defined()
    {
        var set = Load("""
            { "rulebook": "a", "version": "1", "disable": ["NOPE"],
              "rules": [ { "id": "R", "override": true, "when": [], "then": [] } ] }
            """);

        set.Diagnostics.Where(d => d.Code == RuleDiagnosticCodes.UnknownRuleReference).Should().HaveCount(2).And.OnlyContain(d => d.Severity == DiagnosticSeverity.Warning);
    }

    [Theory]
    // A tag of any clause, whatever $c is: every pair is tried.
    [InlineData("""{ "match": "Tag", "as": "t", "where": { "name": "limit", "value": "x" } }""", true)]
    // Clauses of the same agreement, filtered later by a tag that names them: the network joins the tag
    // first, reaches the clause by identity and $c by its agreement (once quadratic in a draft's clauses).
    [InlineData("""{ "match": "Clause", "as": "e", "where": { "agreementId": "$c.agreementId", "id": { "ne": "$c.id" } } }, { "match": "Tag", "where": { "subject": "$e", "name": "limit", "value": "x" } }""", false)]
    [InlineData("""{ "match": "Tag", "as": "t", "where": { "name": "limit", "value": "x" } }, { "match": "Clause", "as": "e", "is": "$t.subject", "where": { "agreementId": "$c.agreementId" } }""", false)]
    public void PR1021_a_pattern_that_stays_a_cross_product_in_the_planned_order_is_a_warning(string elements, bool warned)
    {
        var json = $$"""
            { "rulebook": "t", "version": "1", "rules": [ { "id": "R", "when": [ { "match": "Clause", "as": "c" }, {{elements}} ],
              "then": [ { "tag": { "on": "$c", "name": "n" } } ] } ] }
            """;

        var set = new RulebookLoader(PolicyRules.Checking.ConventionCatalog.Create()).Load(json, "t.json");

        set.HasErrors.Should().BeFalse();
        var warnings = set.Diagnostics.Where(d => d.Code == RuleDiagnosticCodes.CrossProduct).ToArray();
        warnings.Should().HaveCount(warned ? 1 : 0);
        if (warned)
        {
            warnings[0].Severity.Should().Be(DiagnosticSeverity.Warning);
            warnings[0].Message.Should().Contain("'$c'").And.Contain("network order: $t, $c", "the tag tests constants, so it is joined first");
            (warnings[0].Line, warnings[0].Column).Should().Be((1, json.IndexOf("{ \"match\": \"Clause\"", StringComparison.Ordinal) + 1), "it points at the $c pattern");
        }
    }

    [Fact]
    public void PR1020_a_missing_file()
    {
        var set = new RulebookLoader(Catalog()).Load(RulebookSource.FromPath("/no/such/rules.json"));

        var d = Single(set, RuleDiagnosticCodes.UnreadableFile);
        d.File.Should().Be("/no/such/rules.json");
        d.Message.Should().Be("No rule file or folder of rules is at this path.", "the path may have been meant as a folder");
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        var set = Load("""
            { "rulebook": "a", "version": "1", "rules": [
              { "id": "R1", "when": [ { "match": "Itme", "as": "x" } ], "then": [] },
              { "id": "R2", "when": [ { "match": "Item", "as": "x", "where": { "colr": "red", "price": "cheap" } } ], "then": [] },
              { "id": "R3", "when": [ { "match": "Item", "as": "x", "where": { "colour": "@none" } } ], "then": [ { "nope": {} } ] } ] }
            """);

        set.Codes().Should().Contain([RuleDiagnosticCodes.UnknownFactType, RuleDiagnosticCodes.UnknownMember, RuleDiagnosticCodes.TypeMismatch, RuleDiagnosticCodes.UnknownSet, RuleDiagnosticCodes.UnknownAction]);
        set.Rules.Should().BeEmpty("no rule with an error is kept");
        set.Invoking(s => s.Compile()).Should().Throw<InvalidOperationException>().WithMessage("*PR1003*");
    }

    [Fact]
    public void A_later_rulebook_overrides_and_disables_rules_by_id()
    {
        var loader = new RulebookLoader(Catalog());
        var set = loader.Load([
            RulebookSource.FromText("""{ "rulebook": "base", "version": "1", "rules": [ { "id": "A", "when": [], "then": [] }, { "id": "B", "when": [], "then": [] } ] }""", "base.json"),
            RulebookSource.FromText("""{ "rulebook": "mine", "version": "2", "disable": ["B"], "rules": [ { "id": "A", "title": "mine", "override": true, "when": [], "then": [] }, { "id": "C", "when": [], "then": [] } ] }""", "mine.json"),
        ]);

        set.HasErrors.Should().BeFalse();
        set.Rules.Select(r => (r.Id, r.Rulebook)).Should().Equal(("A", "mine"), ("C", "mine"));
        set.Rulebooks.Select(b => (b.Name, b.Rules)).Should().Equal(("base", 0), ("mine", 2));
        set.Rulebooks[0].Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
    }
}
