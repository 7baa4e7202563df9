using PolicyRules.Diagnostics;
using PolicyRules.Domain.Imports;

namespace PolicyRules.Tests.Domain.Imports;

public class PlainTextImportTests
{
    private const string Treaty = """
        FREE TRADE AGREEMENT
        BETWEEN CANADA
        AND THE REPUBLIC OF KOREA

        PREAMBLE

        Canada and the Republic of Korea, resolved to strengthen their friendship,
        have agreed as follows:

        CHAPTER NINE
        Cross-Border Trade in Services

        Article 9.2
        National Treatment

        1. Each Party shall accord to service suppliers of the other Party treatment
        no less favourable than that it accords, in like circumstances, to its own
        service suppliers.

        2. The treatment accorded by a Party under paragraph 1 means, with respect to
        a sub-national government, the most favourable treatment.

        Article 9.3: Local Presence

        Neither Party may require a service supplier of the other Party to establish
        an office in its territory.

        CHAPTER TWENTY-TWO
        Exceptions

        Article 22.6: Cultural Industries

        This Agreement is not to be construed to apply to measures with respect to
        cultural industries.

        IN WITNESS WHEREOF, the undersigned have signed this Agreement.

        DONE at Seoul, this 22nd day of September, 2014, in duplicate.

        ANNEX I
        Reservations for Existing Measures

        Sector: Cultural Industries. Canada reserves the right to adopt any measure.

        Article 1
        Scope

        The reservations apply to every Party.
        """;

    private static TreatyImport Import(string text, TreatyImportOptions? options = null) =>
        new TreatyImporter(options).ImportText(text, "ckfta.txt");

    [Fact]
    public void Reads_the_agreement_its_parties_and_its_date_from_the_text()
    {
        var import = Import(Treaty);

        import.HasErrors.Should().BeFalse(string.Join("; ", import.Diagnostics));
        import.Agreement.Should().BeEquivalentTo(
            new { Id = "ckfta", Name = "Free Trade Agreement between Canada and the Republic of Korea", Type = "FTA", Signed = "2014-09-22", Parties = new[] { "CAN", "KOR" } },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Cuts_articles_with_their_chapters_titles_numbered_paragraphs_and_annexes()
    {
        var clauses = Import(Treaty).Clauses;

        clauses.Select(c => c.Id).Should().Equal("Preamble", "9.2", "9.3", "22.6", "Annex I", "Annex I, Article 1");
        clauses[1].Should().BeEquivalentTo(new { Chapter = "Cross-Border Trade in Services", Article = "Article 9.2", Title = "National Treatment" });
        clauses[1].Text.Should().StartWith("1. Each Party shall accord to service suppliers of the other Party treatment no less")
            .And.Contain("own service suppliers. 2. The treatment accorded");
        clauses[2].Title.Should().Be("Local Presence");
        clauses[3].Should().BeEquivalentTo(new { Chapter = "Exceptions", Title = "Cultural Industries" });
        clauses[3].Text.Should().NotContain("WITNESS", "the closing formula and signatures are no clause text");
        clauses[4].Should().BeEquivalentTo(new { Title = "Reservations for Existing Measures", Text = "Sector: Cultural Industries. Canada reserves the right to adopt any measure." });
        clauses[5].Should().BeEquivalentTo(new { Chapter = "Annex I", Title = "Scope" });
        clauses[0].Text.Should().StartWith("Canada and the Republic of Korea, resolved");
    }

    [Fact]
    public void Each_clause_points_to_the_line_where_it_starts()
    {
        var lines = Treaty.Split('\n');
        foreach (var clause in Import(Treaty).Clauses.Skip(1))
        {
            lines[clause.Line - 1].Should().StartWithEquivalentOf(clause.Article ?? clause.Id, "clause {0} starts at line {1}", clause.Id, clause.Line);
        }
    }

    [Fact]
    public void A_draft_checked_from_the_text_reports_problems_at_the_source_line()
    {
        var draft = Import(Treaty).ToDraft();

        draft.Agreement!.PartyCodes.Should().Equal("CAN", "KOR");
        draft.Clauses.Should().HaveCount(6).And.OnlyContain(c => c.Fact != null);
        var article = draft.Clauses.Single(c => c.Id == "9.3");
        article.Location.Line.Should().Be(Treaty.Split('\n').ToList().FindIndex(l => l.StartsWith("Article 9.3", StringComparison.Ordinal)) + 1);
    }

    [Fact]
    public void A_text_saved_in_windows_1252_is_read_with_its_accents_and_a_warning()
    {
        const string Text = "Tratado de Libre Comercio entre la República del Perú y España\n\nArtículo 1\nDisposiciones\n\nLas Partes acuerdan el “trato nacional”.\n";
        var bytes = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(Text);

        var import = new TreatyImporter(new TreatyImportOptions { Parties = { "PER", "ESP" } }).Import(new MemoryStream(bytes), "tlc.txt");

        import.Diagnostics.Should().ContainSingle(d => d.Code == ImportDiagnosticCodes.NotUtf8);
        import.Clauses.Single().Text.Should().Contain("“trato nacional”").And.NotContain("\uFFFD");
        new TreatyImporter(new TreatyImportOptions { Parties = { "PER", "ESP" } }).Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Text)), "tlc.txt")
            .Diagnostics.Should().NotContain(d => d.Code == ImportDiagnosticCodes.NotUtf8, "UTF-8 is read as it is");
    }

    [Fact]
    public void Reads_spanish_and_french_treaties()
    {
        var spanish = Import("""
            TRATADO DE LIBRE COMERCIO ENTRE LA REPÚBLICA DE CHILE Y LA REPÚBLICA DEL PERÚ

            CAPÍTULO 11
            Comercio Transfronterizo de Servicios

            Artículo 11.2: Trato Nacional

            Cada Parte otorgará a los proveedores de servicios de la otra Parte un trato no menos favorable.

            EN FE DE LO CUAL, los infrascritos firman el presente Tratado.

            Hecho en Lima, el 22 de agosto de 2006, en dos ejemplares.
            """);
        var french = Import("""
            ACCORD DE LIBRE-ÉCHANGE ENTRE LE CANADA ET LA RÉPUBLIQUE DU PÉROU

            Article premier
            Objectifs

            Les Parties établissent une zone de libre-échange.

            Fait à Lima, le 29 mai 2008.
            """);

        spanish.Agreement!.Parties.Should().Equal("CHL", "PER");
        spanish.Agreement.Signed.Should().Be("2006-08-22");
        spanish.Clauses.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = "11.2", Chapter = "Comercio Transfronterizo de Servicios", Title = "Trato Nacional" });
        french.Agreement!.Parties.Should().Equal("CAN", "PER");
        french.Agreement.Signed.Should().Be("2008-05-29");
        french.Clauses.Single().Should().BeEquivalentTo(new { Id = "1", Title = "Objectifs" });
        french.Clauses.Single().Text.Should().Be("Les Parties établissent une zone de libre-échange. Fait à Lima, le 29 mai 2008.");
    }

    [Fact]
    public void A_text_with_no_articles_becomes_one_clause_per_paragraph_with_a_warning()
    {
        var import = Import("""
            Agreement between Japan and Singapore

            The Parties shall cooperate on audiovisual co-production.

            Each Party shall eliminate customs duties on books.
            """);

        import.Clauses.Select(c => (c.Id, c.Text)).Should().Equal(("p1", "The Parties shall cooperate on audiovisual co-production."), ("p2", "Each Party shall eliminate customs duties on books."));
        import.Diagnostics.Should().ContainSingle(d => d.Code == ImportDiagnosticCodes.NoArticles && d.Severity == DiagnosticSeverity.Warning);
        import.HasErrors.Should().BeFalse();
    }

    [Fact]
    public void A_text_that_names_no_known_party_asks_for_them_and_takes_them_from_the_options()
    {
        var text = "Agreement on Trade\n\nArticle 1\n\nThe Parties shall trade.";

        var failed = Import(text);
        var given = Import(text, new TreatyImportOptions { Parties = { "ATL", "KOR" }, Signed = "2020-01-01", AgreementName = "Atlantis–Korea" });

        failed.HasErrors.Should().BeTrue();
        failed.Diagnostics.Should().ContainSingle(d => d.IsError).Which.Should().BeEquivalentTo(new { Code = ImportDiagnosticCodes.NoParties, File = "ckfta.txt" });
        failed.ToDraft().Agreement.Should().BeNull();
        failed.ToDraft().Diagnostics.Should().Contain(d => d.Code == ImportDiagnosticCodes.NoParties);
        failed.Invoking(f => f.ToJson()).Should().Throw<InvalidOperationException>().WithMessage("*--party*");
        given.Agreement.Should().BeEquivalentTo(new { Name = "Atlantis–Korea", Signed = "2020-01-01", Parties = new[] { "ATL", "KOR" } });
        given.Diagnostics.Should().ContainSingle(d => d.Code == ImportDiagnosticCodes.UnknownParty).Which.Message.Should().Contain("ATL");
        given.ToDraft().Agreement!.Parties.Select(p => (p.Code, p.Status)).Should().Equal(("ATL", "developing"), ("KOR", "developed"));
    }

    [Fact]
    public void A_text_that_names_one_known_party_is_read_with_a_warning_asking_for_the_others()
    {
        var text = "Free Trade Agreement between Atlantis and the Dominican Republic\n\nArticle 1\n\nThe Parties shall trade.";

        var one = Import(text);
        var given = Import(text, new TreatyImportOptions { Parties = { "ATL", "DOM" } });

        one.HasErrors.Should().BeFalse("the draft is still checked");
        one.Agreement!.Parties.Should().Equal("DOM");
        one.Diagnostics.Should().ContainSingle(d => d.Code == ImportDiagnosticCodes.OneParty && d.Severity == DiagnosticSeverity.Warning)
            .Which.Message.Should().Contain("(DOM)").And.Contain("--party DOM --party");
        given.Diagnostics.Should().NotContain(d => d.Code == ImportDiagnosticCodes.OneParty);
    }

    [Fact]
    public void The_first_line_of_a_preamble_is_its_text_not_a_title()
    {
        var import = Import("Agreement between Canada and Peru\n\nPREAMBLE\n\nCanada and the Republic of Peru\n\nRESOLVED to promote trade;\n\nArticle 1\n\nText.");

        import.Clauses[0].Should().BeEquivalentTo(new { Id = "Preamble", Title = (string?)null, Text = "Canada and the Republic of Peru RESOLVED to promote trade;" });
    }

    [Fact]
    public void An_empty_text_is_a_located_error()
    {
        var import = Import("  \n\n ");

        import.Diagnostics.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = ImportDiagnosticCodes.Unreadable, Severity = DiagnosticSeverity.Error, File = "ckfta.txt" });
    }

    [Fact]
    public void A_repeated_article_number_gets_a_suffix_so_ids_stay_unique()
    {
        var import = Import("Agreement between Chile and Peru\n\nArticle 1\n\nFirst.\n\nArticle 1\n\nSecond.", null);

        import.Clauses.Select(c => c.Id).Should().Equal("1", "1#2");
    }

    [Fact]
    public void The_json_is_a_draft_the_reader_accepts_and_the_same_text_gives_the_same_bytes()
    {
        var json = Import(Treaty).ToJson();

        json.Should().Be(Import(Treaty).ToJson());
        var draft = new PolicyRules.Domain.Drafts.DraftReader { Strict = true }.Read(json, "ckfta.json");
        draft.Diagnostics.Should().BeEmpty();
        draft.Clauses.Select(c => c.Id).Should().Equal(Import(Treaty).Clauses.Select(c => c.Id));
    }
}
