using PolicyRules.Analysis;
using PolicyRules.Domain;
using PolicyRules.Domain.Drafts;

namespace PolicyRules.Tests.Analysis;

/// <summary>Clause analysis with the shipped lexicons: the mechanisms that real treaty text defeated.</summary>
public class TextAnalyzerTests
{
    private static readonly TextAnalyzer Analyzer = new(EmbeddedLexicons.All);

    private static (ClauseReading Reading, TextCue[] Cues) Read(string text, string? title = null)
    {
        var facts = Analyzer.Analyze(new Clause { Id = "1", AgreementId = "a", Text = text, Title = title });
        return (facts.OfType<ClauseReading>().Single(), facts.OfType<TextCue>().ToArray());
    }

    [Fact]
    public void Words_match_on_boundaries_so_agricultural_is_not_cultural()
    {
        Read("Each Party shall eliminate export subsidies on agricultural goods.").Reading.Cues.Should().NotContain("culture");
        Read("Each Party shall support cultural goods.").Reading.Cues.Should().Contain("culture");
    }

    [Theory]
    [InlineData("The Parties may cooperate in the field of competition, including the promotion of a competition culture.")]
    [InlineData("Las Partes cooperarán para promover una cultura de la competencia.")]
    public void A_false_friend_is_not_culture(string text)
    {
        var reading = Read(text).Reading;
        reading.Cues.Should().NotContain("culture").And.NotContain("cultural-cooperation").And.Contain("false-friend");
    }

    [Fact]
    public void Singular_and_plural_curly_quotes_and_accents_are_folded()
    {
        Read("measures respecting a cultural industry").Reading.Cues.Should().Contain("cultural-industries");
        Read("measures respecting cultural industries").Reading.Cues.Should().Contain("cultural-industries");
        Read("la radiodifusión y las industrias culturales de la Parte").Reading.Cues.Should().Contain(["broadcasting", "cultural-industries"]);
        Read("Each Party’s co-operation with the other Party shall continue.").Reading.Cues.Should().Contain("cooperation");
    }

    [Theory]
    [InlineData("nothing shall prevent measures necessary to support creative arts1 of national value")]
    [InlineData("nothing shall prevent measures necessary to support creative arts12, of national value")]
    public void A_footnote_number_glued_to_a_word_is_not_part_of_it(string text)
    {
        Read(text).Cues.Select(c => c.Name).Should().Contain("creative-arts");
    }

    [Theory]
    [InlineData("CO2 emissions and G20 members")]
    [InlineData("the mp3 format and article2a")]
    public void Digits_inside_codes_stay_with_them(string text)
    {
        var words = Tokenizer.Tokenize(text).Select(t => t.Folded).ToArray();
        words.Should().NotContain(w => w == "2" || w == "20" || w == "3");
    }

    [Fact]
    public void A_carve_out_list_split_into_sentences_by_full_stops_is_taken_out_item_by_item()
    {
        var scope = Read("This Title shall not be applicable to: (a) contracts under an international agreement. (b) government assistance. (c) the acquisition of programme material by broadcasters. 3. Each Party shall publish its programme material rules.");
        scope.Cues.Where(c => c.Name == "programme-material").Select(c => c.Excluded).Should().BeEquivalentTo([true, false], "the item of the list is taken out, the paragraph after it is not");

        var plain = Read("This Title shall not be applicable to defence procurement. (c) the acquisition of programme material by broadcasters.");
        plain.Cues.Single(c => c.Name == "programme-material").Excluded.Should().BeFalse("without a colon the carve-out lists nothing");
    }

    [Theory]
    [InlineData("save for the sectors and matters referred to in Annexes XVIa and XVIb", "Annex XVIa")]
    [InlineData("salvo los sectores enumerados en los Anexos IIa y IIb", "Annex IIa")]
    [InlineData("as set out in its Schedule to Annex I", "Annex I")]
    [InlineData("Sans préjudice de l'Accord sur l'OMC, l'annexe J s'applique aux mesures concernant les industries culturelles.", "Annex J")] // French and Spanish write it in lower case
    [InlineData("Les mesures énumérées à l'annexe 16 ne sont pas visées.", "Annex 16")]
    [InlineData("Las medidas señaladas en el anexo I no están sujetas a este artículo.", "Annex I")]
    public void Annexes_in_the_plural_with_a_letter_or_in_lower_case_are_references_the_draft_does_not_hold(string text, string annex)
    {
        Read(text).Reading.ExternalReferences.Should().Contain(annex);
    }

    [Fact]
    public void A_lower_case_annex_word_before_a_lower_case_word_names_no_annex()
    {
        Read("Los anexos a este Tratado forman parte integrante del mismo.").Reading.ExternalReferences.Should().BeEmpty();
    }

    [Fact]
    public void What_a_carve_out_takes_out_is_excluded_not_engaged()
    {
        var telecom = Read("This Chapter does not apply to any measure relating to broadcast or cable distribution of radio or television programming.");
        telecom.Reading.ExcludedCues.Should().Contain("broadcasting");
        telecom.Reading.Cues.Should().NotContain("broadcasting");

        var spanish = Read("Este capítulo no se aplicará a las medidas relacionadas con la radiodifusión o la distribución por cable de programación de radio o televisión.");
        spanish.Reading.Language.Should().Be("es");
        spanish.Reading.ExcludedCues.Should().Contain("broadcasting");

        var before = Read("Investor-state dispute settlement between the Parties is not covered by this Chapter.");
        before.Cues.Single(c => c.Name == "dispute-settlement").Excluded.Should().BeTrue();
    }

    [Theory]
    [InlineData("Except as otherwise provided in this Agreement, this Chapter shall apply wherever a measure causes nullification or impairment in the sense of Annex 19.2.")]
    [InlineData("Salvo disposición en contrario en este Tratado, este Capítulo se aplicará cuando una medida cause anulación o menoscabo en el sentido del Anexo 19.03.")]
    [InlineData("Sauf disposition contraire du présent accord, le présent chapitre s'applique lorsqu'une mesure cause une annulation ou une réduction d'avantages.")]
    public void A_deference_to_the_rest_of_the_agreement_takes_nothing_out(string text)
    {
        var reading = Read(text).Reading;
        reading.ExcludedCues.Should().BeEmpty();
        reading.Function.Should().NotBe("exclusion");
        if (reading.Language != "fr")
        {
            reading.Cues.Should().Contain("non-violation");
        }
    }

    [Fact]
    public void An_except_phrase_ends_at_its_comma_and_a_listed_exception_at_the_sentence_end()
    {
        var phrase = Read("With the exception of the Articles on development cooperation, the provisions of this Agreement shall take precedence over other agreements.");
        phrase.Reading.ExcludedCues.Should().Contain("cooperation");
        phrase.Reading.Cues.Should().Contain(["treaty-precedence", "other-agreements"]);

        var list = Read("This Section applies to establishment in all economic activities with the exception of: (a) nuclear materials; (b) arms; (c) audio-visual services; and (d) air transport.");
        list.Reading.ExcludedCues.Should().Contain("audiovisual");
        list.Reading.Cues.Should().NotContain("audiovisual");
    }

    [Fact]
    public void A_construction_rule_takes_out_what_it_keeps_from_being_prevented_not_what_it_does_not_require()
    {
        Read("Nothing in this Chapter shall be construed to prevent a Party from adopting measures relating to broadcasting.")
            .Reading.ExcludedCues.Should().Contain("broadcasting");
        Read("Nothing in this Chapter shall be construed to require a Party to compel a broadcaster to make its facilities available as a public network.")
            .Reading.Cues.Should().Contain("broadcasting");
    }

    [Fact]
    public void The_title_of_a_cited_provision_names_it_and_is_not_what_the_clause_does()
    {
        var (reading, cues) = Read("With respect to Article 9.10 (Performance Requirements), this Chapter applies to all investments.");
        reading.Cues.Should().NotContain("performance-req");
        reading.ExcludedCues.Should().NotContain("performance-req", "a cited title is not a carve-out");
        reading.CitedCues.Should().Contain("performance-req");
        cues.Single(c => c.Name == "performance-req").Should().Match<TextCue>(c => c.Excluded && c.Cited);
    }

    [Fact]
    public void The_heading_of_the_next_part_glued_to_the_end_of_a_clause_is_not_what_it_says()
    {
        var reading = Read("The two Parties shall together establish the procedures needed to achieve cooperation in the fields covered by this title. COOPERATION IN SOCIAL AND CULTURAL MATTERS").Reading;
        reading.Cues.Should().NotContain("culture").And.NotContain("cultural-cooperation");
        reading.CitedCues.Should().Contain("culture");
        Read("Each Party shall apply to cultural goods Article XX of the GATT 1994").Reading.Cues.Should().Contain("culture");
    }

    [Theory]
    [InlineData("1. A Party shall not adopt measures that impose limitations on the number of service 117 For greater certainty, the supply of financial services shall mean the supply of services as defined in Article I.2. suppliers or the requirement of an economic needs test.")]
    [InlineData("1. A Party shall not adopt measures that impose limitations on the number of service suppliers. 14 For purposes of this paragraph, financial services is as defined in the Annex on Financial Services.")]
    [InlineData("1. Each Party shall accord national treatment to investors with respect to the establishment, 1 For purposes of this Chapter, financial services are those of the Annex. acquisition and expansion of investments. 2. Each Party shall accord national treatment to covered investments.")] // a number the paragraphs have passed
    public void A_footnote_glued_into_the_text_is_a_note_on_the_clause_not_what_it_does(string text)
    {
        var reading = Read(text).Reading;
        reading.Cues.Should().NotContain("other-sector");
        reading.Function.Should().BeOneOf("prohibition", "obligation");
        reading.CitedCues.Should().Contain("other-sector");
    }

    [Theory]
    [InlineData("1. Each Party shall accord national treatment to service suppliers. 2 For the purposes of this Article, financial services are those of the Annex.")] // a paragraph numbered without its full stop
    [InlineData("1. Each Party shall accord national treatment to service suppliers. 3 For the purposes of this Article, financial services are those of the Annex.")] // too small a number to tell
    [InlineData("1. Each Party shall accord national treatment to financial service suppliers. 2. For greater certainty, this applies to the services of the Annex.")]
    public void A_paragraph_that_opens_as_a_note_does_is_still_the_clause_s_own(string text) =>
        Read(text).Reading.Cues.Should().Contain("other-sector");

    [Fact]
    public void A_prohibition_that_leads_is_not_turned_into_an_exclusion_by_a_later_carve_out() =>
        Read("Neither Party shall adopt or maintain limitations on the number of service suppliers. This paragraph does not cover measures concerning zoning.")
            .Reading.Function.Should().Be("prohibition");

    [Fact]
    public void A_negation_inside_a_phrase_turns_it_around()
    {
        Read("An investor of a Party may submit to arbitration a claim that the other Party has breached an obligation.").Reading.Cues.Should().Contain("isds-claim");
        var negated = Read("An investment made by an investor of a Party may not submit a claim to arbitration under this Section.");
        negated.Reading.Cues.Should().NotContain("isds-claim");
        negated.Reading.ExcludedCues.Should().Contain("isds-claim");
    }

    [Fact]
    public void A_prohibition_is_not_negated_by_its_own_words()
    {
        Read("Neither Party shall impose customs duties on electronic transmissions.").Reading.Cues.Should().Contain(["prohibition", "et-duty-ban"]);
    }

    [Theory]
    [InlineData("The Parties shall cooperate in the field of culture and the arts.", "en")]
    [InlineData("Las Partes cooperarán en el ámbito de la cultura y de las artes.", "es")]
    [InlineData("Les Parties coopèrent dans le domaine de la culture et des arts.", "fr")]
    public void Language_comes_from_the_text(string text, string language) => Read(text).Reading.Language.Should().Be(language);

    [Theory]
    [InlineData("For the purposes of this Chapter: investment means every asset; enterprise means any entity.", null, "definition")]
    [InlineData("RECOGNISING their right to regulate; DESIRING to strengthen their relations; have agreed as follows:", null, "recital")]
    [InlineData("This Chapter does not apply to measures affecting audiovisual services.", "Scope", "exclusion")]
    [InlineData("No Party shall require an investor to achieve a given level or percentage of domestic content.", null, "prohibition")]
    [InlineData("Para efectos de este capítulo, se entenderá por inversión todo activo.", "Definiciones", "definition")]
    [InlineData("Investment means an asset. Articles 9.2 to 9.5 do not apply to the measures set out in Annex I.", null, "definition")]
    [InlineData("1. Any state aid which distorts competition shall be incompatible with this Agreement. 2. Each Party shall ensure transparency. 3. The other Party shall provide information. 4. The investigating Party may request cooperation in the communication of documents.", null, "obligation")]
    [InlineData("The Parties shall cooperate in the field of standards. Such cooperation shall include the exchange of information.", null, "cooperation")]
    [InlineData("1. For the purposes of this Article, the term disputing investor means an investor who is a party to an investment dispute. 2. The disputing parties shall first seek consultations. 3. The disputing investor shall deliver a notice of intent. 4. The disputing investor may submit the dispute to arbitration. 5. Each Party shall accept the award.", null, "procedure")]
    [InlineData("Articles 9.2 to 9.5 do not apply to the measures set out in Annex I. Annex 9-A sets out commitments. 3 Sub-national government does not include local government. 4 For Korea, local government means a local government as defined in the Local Autonomy Act.", null, "exclusion")]
    [InlineData("1. This Sub-section covers basic telecommunications services, other than broadcasting. 2. For the purposes of this Sub-section: (a) telecommunications services means all services of transmission.", "Scope And Definitions", "other")] // "for the purposes of this" states no purpose
    [InlineData("The purpose of this Chapter is to promote trade in services.", null, "objective")]
    [InlineData("Cada Parte asegurará que sus entidades no impongan condiciones compensatorias especiales. Para efectos de este artículo, condiciones compensatorias especiales significa las condiciones que fomenten el desarrollo local.", null, "obligation")] // defines a term of the obligation before it
    [InlineData("Chaque Partie fait en sorte que ses lois et règlements soient publiés dans les meilleurs délais.", null, "obligation")] // French binds in the present tense
    [InlineData("Chaque Partie fait en sorte que tout monopole d'État qu'elle désigne agisse selon des considérations d'ordre commercial.", null, "obligation")] // "qu'elle désigne" defines nothing
    [InlineData("« investissement » désigne tout actif qu'un investisseur possède ou contrôle.", null, "definition")]
    [InlineData("1. Articles 9.2 through 9.5 shall not apply to any measure set out in its Schedule to Annex II. 2. Each Party shall set out its reservations. 3 For Korea, the term local government means a local government as defined in the Local Autonomy Act.", "Reservations", "exclusion")] // "the term … means" and "means a" are one definition
    [InlineData("Si une Partie estime qu'un avantage se trouve annulé ou compromis ou que la réalisation de l'un des objectifs du présent accord est entravée, elle peut faire des représentations.", "Consultations", "procedure")] // the GATT formula states no objective
    public void What_the_clause_does(string text, string? title, string function) => Read(text, title).Reading.Function.Should().Be(function);

    [Fact]
    public void Evidence_points_at_the_words_in_the_original_text()
    {
        const string text = "Nothing here. The Parties’ cultural industries are safe.";
        var cue = Read(text).Cues.Single(c => c.Name == "cultural-industries");
        var evidence = cue.Evidence.Single();
        text[evidence.Start!.Value..evidence.End!.Value].Should().Be("cultural industries");
    }

    [Theory]
    [InlineData("Cada Parte otorgará a los proveedores de servicios de la otra Parte un trato no menos favorable que el que otorgue, en circunstancias similares, a sus propios proveedores de servicios.", "trato no menos favorable que el que otorgue, en circunstancias similares, a sus propios")]
    [InlineData("Each Party shall accord to service suppliers of the other Party treatment no less favourable than that it accords, in like circumstances, to its own service suppliers.", "treatment no less favourable than that it accords, in like circumstances, to its own")]
    public void Terms_of_one_set_that_match_nested_spans_are_shown_once_by_the_outer_span(string text, string outer)
    {
        var cue = Read(text).Cues.Single(c => c.Name == "national-treatment");

        cue.Evidence.Select(e => e.Value).Should().Equal(outer);
        var evidence = cue.Evidence.Single();
        text[evidence.Start!.Value..evidence.End!.Value].Should().Be(outer);
    }

    [Fact]
    public void References_resolve_to_clauses_of_the_draft_or_are_named_as_outside_it()
    {
        var draft = new DraftReader().Read("""
            { "agreement": { "id": "a", "parties": [ { "code": "CAN" } ] },
              "clauses": [
                { "id": "2205", "text": "This Agreement does not apply to cultural industries." },
                { "id": "1402", "text": "Subject to Article 2205 and to the reservations in Annex I, each Party shall accord national treatment." } ] }
            """, "d.json");
        var reading = Analyzer.Analyze(draft).OfType<ClauseReading>().Single(r => r.Subject.Id == "1402");

        reading.References.Should().Equal("2205");
        reading.ExternalReferences.Should().Equal("Annex I");
    }

    // Five clauses that write apart the words glued clauses run together, as a real agreement does.
    private const string WrittenApart = "Each Party shall not impose customs duties on electronic transmissions of the other Party and shall accord treatment no less favourable than that it accords to its own services.";

    // Eleven rare words that are runs of those words with a glue word among them: what tells a document that glues words.
    private const string MoreGlued = "Eachpartyshall impose dutiesonservices of theotherparty; servicesofthe Party, transmissionsofthe Party tothatofthe Party notimposecustoms accordstoits own services ownservicesofthe electronicservicesof.";

    private const string Glued = "To this end, a Partyshallnot impose customsdutiesonelectronic transmissions, and each Party shall accord to services treatmentnoless favourablethan thatitaccords toits own services.";

    [Fact]
    public void A_language_s_phrases_are_indexed_when_a_clause_is_first_read_in_it()
    {
        var analyzer = new TextAnalyzer(EmbeddedLexicons.All);
        analyzer.IndexedLanguages.Should().BeEmpty();

        analyzer.Analyze(new Clause { Id = "1", AgreementId = "a", Text = "Each Party shall accord national treatment to audiovisual services." });
        analyzer.IndexedLanguages.Should().Equal("en");

        var facts = analyzer.Analyze(new Clause { Id = "2", AgreementId = "a", Text = "Cada Parte otorgará trato nacional a los servicios audiovisuales." });
        analyzer.IndexedLanguages.Should().BeEquivalentTo(["en", "es"]);
        facts.OfType<TextCue>().Should().NotBeEmpty("the Spanish phrases, indexed on demand, match");
    }

    private static IReadOnlyList<object> AnalyzeDocument(params string[] texts)
    {
        var clauses = string.Join(",", texts.Select((t, i) => $$"""{ "id": "{{i + 1}}", "text": {{Newtonsoft.Json.JsonConvert.ToString(t)}} }"""));
        var draft = new DraftReader().Read($$"""{ "agreement": { "id": "a", "parties": [ { "code": "CAN" } ] }, "clauses": [ {{clauses}} ] }""", "d.json");
        return Analyzer.Analyze(draft);
    }

    private static string[] CuesOfLast(IReadOnlyList<object> facts) =>
        facts.OfType<ClauseReading>().Last().Cues.ToArray();

    [Fact]
    public void Words_glued_by_extraction_are_read_apart_in_a_document_that_glues_words()
    {
        var facts = AnalyzeDocument([.. Enumerable.Repeat(WrittenApart, 5), MoreGlued, Glued]);

        CuesOfLast(facts).Should().Contain(["et-duty-ban", "prohibition", "national-treatment"]);
        // Evidence points into the glued words, at the pieces' own letters.
        var cue = facts.OfType<TextCue>().Single(c => c.Subject.Id == "7" && c.Name == "et-duty-ban");
        cue.Evidence.Select(e => Glued[e.Start!.Value..e.End!.Value]).Should().Contain("customsdutiesonelectronic transmissions");
    }

    [Fact]
    public void A_document_with_a_few_long_words_is_read_as_written()
    {
        // Without the eleven other glued words, the clause's own few are no sign of broken extraction.
        CuesOfLast(AnalyzeDocument([.. Enumerable.Repeat(WrittenApart, 5), Glued])).Should().NotContain("et-duty-ban");
        Read(Glued).Reading.Cues.Should().NotContain("et-duty-ban");
    }

    [Theory]
    [InlineData("favourablethan", 2, "favourable than")] // rare: split
    [InlineData("favourablethan", 4, "favourable than")] // written often, but its pieces more often still (five times and more)
    [InlineData("favourablethan", 6, "favourablethan")] // written as often as its pieces: a word of its own
    [InlineData("partyno", 1, "party no")] // short, at a glue word
    [InlineData("lessown", 1, "lessown")] // short, at no glue word
    [InlineData("cultural", 1, "cultural")] // a lexicon word, never split
    public void A_word_of_a_document_that_glues_words_is_split_into_its_common_words(string word, int times, string read)
    {
        var english = EmbeddedLexicons.All.First(l => l.Language == "en");
        var matcher = new PhraseMatcher(english);
        var glue = new HashSet<string>(english.GlueWords);
        var document = new[] { WrittenApart, WrittenApart, WrittenApart, WrittenApart, WrittenApart, MoreGlued, "cult ural cult ural cult ural cult ural cult ural", string.Join(" ", Enumerable.Repeat(word, times)) }
            .Select(Tokenizer.Tokenize).ToArray();
        var glued = GluedWords.Of(document, glue, matcher.Knows);
        glued.GluesWords.Should().BeTrue();

        var tokens = Tokenizer.Tokenize(word);
        string.Join(" ", glued.Split(tokens, glue, matcher.Knows).Select(t => t.Folded)).Should().Be(read);
        glued.Split(tokens, new HashSet<string>(), matcher.Knows).Should().BeSameAs(tokens, "a language without glue words is read as written");
    }

    [Theory]
    [InlineData("ofa", "of a")] // "monopoly supplier ofa service": two glue words
    [InlineData("its", "its")] // a glue word itself
    [InlineData("one", "one")] // no split into common words
    public void A_three_letter_word_of_a_document_that_glues_words_is_split_only_into_glue_words(string word, string read)
    {
        var english = EmbeddedLexicons.All.First(l => l.Language == "en");
        var matcher = new PhraseMatcher(english);
        var glue = new HashSet<string>(english.GlueWords);
        const string WithArticles = "Each Party shall ensure that a monopoly supplier of a service acts in a manner consistent with a commitment.";
        var document = new[] { WrittenApart, WrittenApart, WrittenApart, WrittenApart, WrittenApart, WithArticles, WithArticles, MoreGlued, word }
            .Select(Tokenizer.Tokenize).ToArray();
        var glued = GluedWords.Of(document, glue, matcher.Knows);
        glued.GluesWords.Should().BeTrue();

        string.Join(" ", glued.Split(Tokenizer.Tokenize(word), glue, matcher.Knows).Select(t => t.Folded)).Should().Be(read);
    }

    // Chapters 2, 8 and 10, known by their articles' numbers, and a fourth whose articles are not numbered by chapter.
    private static TextCue CreativeArtsCue(string exception)
    {
        var draft = new DraftReader().Read($$"""
            { "agreement": { "id": "a", "parties": [ { "code": "NZL" } ] },
              "clauses": [
                { "id": "2.1", "chapter": "Trade In Goods", "text": "Each Party shall accord national treatment to goods." },
                { "id": "2.2", "chapter": "Trade In Goods", "text": "Each Party shall eliminate its customs duties." },
                { "id": "8.1", "chapter": "Trade In Services", "text": "This Chapter applies to trade in services." },
                { "id": "10.2", "chapter": "Electronic Commerce", "text": "Each Party shall not impose customs duties on electronic transmissions." },
                { "id": "A", "chapter": "Final Provisions", "text": "This Agreement shall enter into force on ratification." },
                { "id": "15.1", "chapter": "General Exceptions", "text": {{Newtonsoft.Json.JsonConvert.ToString(exception)}} } ] }
            """, "d.json");
        return Analyzer.Analyze(draft).OfType<TextCue>().Single(c => c.Subject.Id == "15.1" && c.Name == "creative-arts");
    }

    [Theory]
    [InlineData("For the purposes of Chapters 2 to 8, nothing in this Agreement shall prevent measures necessary to support creative arts.", new[] { "Electronic Commerce", "General Exceptions" })]
    [InlineData("1. For the purposes of Chapters 2 and 10, nothing in this Agreement shall prevent measures necessary to support creative arts.", new[] { "General Exceptions", "Trade In Services" })]
    [InlineData("Para efectos de los Capítulos 8 a 10, nada en este Tratado impedirá la adopción de medidas necesarias para apoyar las artes creativas de valor nacional.", new[] { "General Exceptions", "Trade In Goods" })]
    [InlineData("For the purposes of Chapter 2 (Trade in Goods) and Chapter 3 (Rules of Origin), nothing shall prevent measures to support creative arts.", new[] { "Electronic Commerce", "General Exceptions", "Trade In Services" })]
    public void A_sentence_written_for_some_chapters_leaves_the_others_out(string exception, string[] outside)
    {
        CreativeArtsCue(exception).ChaptersOutside.Should().Equal(outside);
    }

    [Theory]
    [InlineData("For the purposes of this Agreement, nothing shall prevent measures necessary to support creative arts.")]
    [InlineData("For the purposes of Chapters 2 to 8, Article XX of GATT 1994 is incorporated. Nothing in this Agreement shall prevent measures necessary to support creative arts.")]
    [InlineData("For the purposes of Chapter 4 (Customs Procedures), nothing shall prevent measures to support creative arts.")]
    [InlineData("For the purposes of Chapters 2 to 8, nothing shall prevent measures to support creative arts of national value. For the purposes of this Agreement, creative arts include music.")]
    public void A_sentence_not_limited_to_chapters_the_draft_identifies_leaves_none_out(string exception)
    {
        // The limit of another sentence, a chapter the draft does not hold, or a second place that is
        // not limited: the cue reaches every chapter.
        CreativeArtsCue(exception).ChaptersOutside.Should().BeEmpty();
    }
}
