using PolicyRules.Diagnostics;
using PolicyRules.Domain.Drafts;

namespace PolicyRules.Tests.Domain;

public class DraftReaderTests
{
    private const string Good = """
        {
          "agreement": { "id": "ckfta", "name": "Canada–Korea FTA", "type": "FTA", "signed": "2014-09-22",
                         "parties": [ { "code": "CAN", "status": "developed" }, { "code": "KOR", "status": "developed" } ] },
          "perspective": "CAN",
          "clauses": [
            { "id": "22.6", "chapter": "Exceptions", "title": "Cultural Industries", "text": "This Agreement is not to be construed …",
              "kind": "cultural-exemption", "strength": "binding", "sectors": ["av-radio-tv", "publishing-printing"], "modes": [1, 2, "digital"],
              "exceptions": [ { "type": "general-cultural-exemption", "ref": "22.6", "parties": ["CAN", "KOR"], "obligationsCovered": ["*"], "countsAsCulturalMitigation": true } ],
              "temporal": { "permanent": true, "expiry": null }, "disputeSettlement": { "isds": false },
              "reviewer": "ana", "score": 3 },
            { "id": "8.4", "text": "Each Party shall accord …" }
          ]
        }
        """;

    [Fact]
    public void A_draft_becomes_an_agreement_and_clause_facts()
    {
        var draft = new DraftReader().Read(Good, "ckfta.json");

        draft.Diagnostics.Should().BeEmpty();
        draft.Agreement!.Id.Should().Be("ckfta");
        draft.Agreement.PartyCodes.Should().Equal("CAN", "KOR");
        draft.Perspective.Should().Be("CAN");
        draft.Clauses.Select(c => c.Id).Should().Equal("22.6", "8.4");

        var exemption = draft.Clauses[0].Fact!;
        exemption.AgreementId.Should().Be("ckfta");
        exemption.Modes.Should().Equal("1", "2", "digital");
        exemption.Exceptions.Single().ObligationsCovered.Should().Equal("*");
        exemption.Temporal!.Permanent.Should().BeTrue();
        exemption.DisputeSettlement!.Isds.Should().BeFalse();
        exemption.Attributes.Should().Equal(new Dictionary<string, string> { ["reviewer"] = "ana", ["score"] = "3" });
        draft.Clauses[0].Location.Line.Should().Be(6);
        var entry = exemption.Exceptions.Single();
        (entry.ClauseId, entry.AgreementId).Should().Be(("22.6", "ckfta"), "each entry of exceptions is also a fact that names its clause");
        draft.Facts().Should().Equal(draft.Agreement!, exemption, entry, draft.Clauses[1].Fact!);
    }

    [Fact]
    public void A_broken_clause_is_reported_with_its_position_and_the_others_are_still_read()
    {
        var draft = new DraftReader().Read("""
            { "agreement": { "id": "a", "parties": [ { "code": "X" } ] },
              "clauses": [
                { "id": "1", "text": "fine" },
                { "id": "2", "text": "broken", "sectors": "music" },
                { "text": "no id" },
                { "id": "1", "text": "twice" },
                42
              ] }
            """, "d.json");

        draft.Clauses.Select(c => (c.Id, c.IsBroken)).Should().Equal(("1", false), ("2", true), ("#3", true), ("1", true), ("#5", true));
        draft.Clauses[1].Diagnostics.Single().ToString().Should().Be("d.json(4,47): error PR2003: 'sectors' must be a list of strings.");
        draft.Clauses[2].Diagnostics.Single().Code.Should().Be(DraftDiagnosticCodes.MissingField);
        draft.Clauses[3].Diagnostics.Single().Code.Should().Be(DraftDiagnosticCodes.DuplicateClauseId);
        draft.Diagnostics.Should().BeEmpty("the problems belong to clauses");
        draft.Facts().Should().HaveCount(2);
    }

    [Fact]
    public void A_perspective_that_is_not_a_party_is_a_draft_error()
    {
        var draft = new DraftReader().Read("""{ "agreement": { "id": "a", "parties": [ { "code": "CAN" } ] }, "perspective": "MEX", "clauses": [] }""");

        draft.Diagnostics.Single().Code.Should().Be(DraftDiagnosticCodes.UnknownPerspective);
        draft.Diagnostics.Single().Message.Should().Contain("MEX").And.Contain("CAN");
    }

    [Theory]
    [InlineData("""{ "clauses": [] }""", DraftDiagnosticCodes.MissingField)]
    [InlineData("""{ "agreement": { "id": "a", "parties": [] }, "clauses": [] }""", DraftDiagnosticCodes.InvalidValue)]
    [InlineData("""{ "agreement": { "id": "a", "parties": [ { "code": "X" } ] }, "clauses": {} }""", DraftDiagnosticCodes.InvalidValue)]
    [InlineData("""{ "agreement": { "id": "a", "parties": [ { "code": "X" } ] }, "clauses": [ }""", DraftDiagnosticCodes.MalformedJson)]
    [InlineData("""[]""", DraftDiagnosticCodes.InvalidValue)]
    public void Draft_level_problems_have_their_codes(string json, string code)
    {
        new DraftReader().Read(json).Diagnostics.Select(d => d.Code).Should().Contain(code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t ")]
    public void An_empty_file_is_malformed_json_at_its_start(string text)
    {
        var diagnostic = new DraftReader().Read(text, "empty.json").Diagnostics.Single();

        diagnostic.ToString().Should().Be("empty.json(1,1): error PR2001: The draft is empty: a draft is a JSON object with 'agreement' and 'clauses'.");
    }

    [Theory]
    [InlineData("{\"agreement\": x}", 1, 15)]                                   // the unexpected character
    [InlineData("{\"agreement\" 1}", 1, 14)]                                    // where the colon should be
    [InlineData("{\"agreement\": {\"id\": \"x\",, \"parties\": []}}", 1, 26)]     // the second comma
    [InlineData("{\"agreement\": {\"id\": \"x\", \"id\": \"y\"}}", 1, 27)]      // the repeated name, not its colon
    [InlineData("{\r\n  \"agreement\": {\r\n    \"id\": \"x\",\r\n    \"id\": \"y\"}}", 4, 5)]
    [InlineData("{\"clauses\": [1,2", 1, 17)]                                   // just past the end
    public void Malformed_json_is_located_at_what_could_not_be_read(string text, int line, int column)
    {
        var diagnostic = new DraftReader().Read(text, "bad.json").Diagnostics.Single();

        diagnostic.Code.Should().Be(DraftDiagnosticCodes.MalformedJson);
        (diagnostic.Line, diagnostic.Column).Should().Be((line, column));
    }

    [Theory]
    [InlineData("{ \"agreement\": { \"id\": \"a\" }\n  \"clauses\": [] }", "A comma may be missing between this value and the one before it.")]
    [InlineData("{ \"agreement\" { } }", "A ':' may be missing after the property name.")]
    [InlineData("{ \"clauses\": [ { \"id\": \"1\" }\n", "An object or a list is not closed: a '}' or ']' may be missing.")]
    [InlineData("{ \"agreement\": { \"id\": a } }", "Text goes in double quotes.")]
    public void Malformed_json_says_what_the_parser_means_for_someone_writing_it_by_hand(string text, string hint)
    {
        new DraftReader().Read(text, "bad.json").Diagnostics.Single().Message.Should().EndWith(hint);
    }

    [Theory]
    [InlineData("{ \"agreement\": {} }", 1)]
    [InlineData("garbage", 1)]
    [InlineData("  ]", 3)]
    public void Text_after_the_draft_is_refused_where_it_starts_not_dropped(string after, int column)
    {
        // A second draft pasted below the first would otherwise vanish from the report.
        var lines = Good.Split('\n').Length;
        var draft = new DraftReader().Read(Good + "\n" + after, "two.json");

        var diagnostic = draft.Diagnostics.Single();
        diagnostic.Code.Should().Be(DraftDiagnosticCodes.MalformedJson);
        diagnostic.Message.Should().Contain("text after the end of the draft");
        (diagnostic.Line, diagnostic.Column).Should().Be((lines + 1, column));
        draft.Clauses.Should().BeEmpty("nothing of a file that is not one draft is checked");
    }

    [Fact]
    public void Text_after_the_draft_on_its_last_line_is_placed_after_the_draft()
    {
        const string Draft = """{ "agreement": { "id": "a", "parties": [ { "code": "X" } ] }, "clauses": [] }""";

        var diagnostic = new DraftReader().Read(Draft + "   {}", "d.json").Diagnostics.Single();

        (diagnostic.Line, diagnostic.Column).Should().Be((1, Draft.Length + 4));
    }

    [Fact]
    public void Comments_after_the_draft_are_not_text_after_it()
    {
        new DraftReader().Read(Good + "\n// reviewed by ana\n/* 2026 */\n").Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Oversized_and_missing_files_are_refused_with_their_codes()
    {
        var reader = new DraftReader { MaxFileBytes = 10 };

        reader.Read(Good).Diagnostics.Single().Code.Should().Be(DraftDiagnosticCodes.FileTooLarge);
        new DraftReader().ReadFile("/no/such/draft.json").Diagnostics.Single().Code.Should().Be(DraftDiagnosticCodes.UnreadableFile);
    }

    [Fact]
    public void A_perspective_given_to_the_reader_replaces_the_drafts_own()
    {
        var draft = new DraftReader { Perspective = "KOR" }.Read(Good, "ckfta.json");

        draft.Perspective.Should().Be("KOR");
        draft.Agreement!.Perspective.Should().Be("KOR");
        new DraftReader { Perspective = "MEX" }.Read(Good).Diagnostics.Single().Code.Should().Be(DraftDiagnosticCodes.UnknownPerspective);
    }

    [Fact]
    public void A_perspective_asked_for_that_is_no_party_is_placed_at_the_parties_not_at_the_drafts_own()
    {
        var diagnostic = new DraftReader { Perspective = "XYZ" }.Read(Good, "ckfta.json").Diagnostics.Single();

        diagnostic.Code.Should().Be(DraftDiagnosticCodes.UnknownPerspective);
        diagnostic.Message.Should().Be("The perspective 'XYZ' asked for in place of the draft's own is not a party of the agreement (CAN, KOR).");
        (diagnostic.Line, diagnostic.Column).Should().Be((3, 29), "where the agreement's parties are, not the draft's valid \"CAN\" on line 4");
    }

    [Fact]
    public void A_draft_saved_in_windows_1252_is_read_with_its_accents_and_a_warning()
    {
        var file = Path.Combine(Path.GetTempPath(), $"draft-1252-{Guid.NewGuid():N}.json");
        try
        {
            const string Json = """{ "agreement": { "id": "a", "name": "Tratado Perú–España", "parties": [ { "code": "PER" }, { "code": "ESP" } ] }, "clauses": [] }""";
            File.WriteAllBytes(file, System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(Json));

            var draft = new DraftReader().ReadFile(file);

            draft.Agreement!.Name.Should().Be("Tratado Perú–España");
            var warning = draft.Diagnostics.Should().ContainSingle().Which;
            (warning.Code, warning.Severity, warning.Line).Should().Be((DraftDiagnosticCodes.NotUtf8, DiagnosticSeverity.Warning, 1));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_misspelt_top_level_field_is_warned_of_and_a_tools_own_field_is_not()
    {
        var draft = new DraftReader().Read("""
            { "agreement": { "id": "a", "parties": [ { "code": "CAN" }, { "code": "KOR" } ] }, "perspectve": "CAN", "generatedBy": "my-tool", "clauses": [] }
            """);

        var warning = draft.Diagnostics.Should().ContainSingle().Which;
        (warning.Code, warning.Severity).Should().Be((DraftDiagnosticCodes.UnknownField, DiagnosticSeverity.Warning));
        warning.Message.Should().Be("unknown field 'perspectve' of the draft (ignored). Did you mean 'perspective'?");
        draft.Perspective.Should().BeNull();
    }

    [Fact]
    public void An_empty_agreement_id_is_an_error_and_a_date_not_in_the_formats_form_a_warning()
    {
        var empty = new DraftReader().Read("""{ "agreement": { "id": " ", "parties": [ { "code": "CAN" } ] }, "clauses": [] }""");
        const string Dated = """{ "agreement": { "id": "a", "signed": "22/09/2014", "parties": [ { "code": "CAN" } ] }, "clauses": [] }""";

        empty.Agreement.Should().BeNull();
        empty.Diagnostics.Single().Code.Should().Be(DraftDiagnosticCodes.InvalidValue);
        var dated = new DraftReader().Read(Dated).Diagnostics.Single();
        (dated.Code, dated.Severity, dated.Column).Should().Be((DraftDiagnosticCodes.MalformedValue, DiagnosticSeverity.Warning, 39));
        new DraftReader { Strict = true }.Read(Dated).Diagnostics.Single().Severity.Should().Be(DiagnosticSeverity.Error);
        new DraftReader().Read(Good).Diagnostics.Should().BeEmpty("2014-09-22 is the format's form");
    }
}
