namespace PolicyRules.Analysis;

/// <summary>What a clause does, from the lexicon sets its text and title use (first that holds wins).</summary>
internal static class ClauseFunctions
{
    public const string Definition = "definition";
    public const string Recital = "recital";
    public const string Objective = "objective";
    public const string Procedure = "procedure";
    public const string Cooperation = "cooperation";
    public const string Exclusion = "exclusion";
    public const string Prohibition = "prohibition";
    public const string Obligation = "obligation";
    public const string Other = "other";

    // How far in a lone definition still leads the clause: its opening sentence or the one after.
    private const int LeadingSentences = 1;

    // How many binding words after its last definition make an article more than a definition.
    private const int BindingAfterDefinitions = 2;

    /// <summary>
    /// Picks the function from the hits outside carve-outs and the sets the title uses. A carve-out
    /// makes the clause an exclusion only when it leads (first or second sentence, before any prohibition).
    /// </summary>
    public static string Classify(IReadOnlyList<LexiconHit> hits, IReadOnlySet<string> title)
    {
        // A preamble: its closing formula ("HAVE AGREED AS FOLLOWS") with nothing read after it. A
        // preamble glued to the articles that follow it reads on.
        var close = hits.FirstOrDefault(h => h.Set == "preamble-close");
        if (close is not null && hits.All(h => h.Sentence <= close.Sentence))
        {
            return Recital;
        }

        // "For the purposes of this Sub-section" leads a definition or scopes a rule; it states no purpose.
        var leads = hits.Where(h => h.Set == "definition-lead").ToArray();
        var counts = hits.Where(h => h.Set != "objective" || !leads.Any(l => h.Start < l.End && l.Start < h.End))
            .GroupBy(h => h.Set).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int Count(string set) => counts.TryGetValue(set, out var n) ? n : 0;
        var binding = Count("obligation") + Count("prohibition");
        // Two terms of the set on the same words ("the term … means" and "means a") are one definition.
        var defines = CountApart(hits, "definition");
        // "For the purposes of this Agreement" alone scopes a rule; with a "means" in the sentence that
        // opens the clause it leads a definition.
        var leadsDefinition = leads.Any(h => h.Sentence <= 1 && hits.Any(d => d.Set == "definition" && d.Sentence == h.Sentence));
        // An operative article that defines a term after its prohibition ("No Party shall impose … 2.
        // For the purposes of this Article, the term … means") stays operative.
        var firstDefinition = hits.Where(h => h.Set == "definition").Select(h => h.Sentence).DefaultIfEmpty(int.MaxValue).Min();
        bool BeforeDefining(string set) => hits.Any(h => h.Set == set && h.Sentence < firstDefinition);
        var prohibitsFirst = !title.Contains("heading-procedure") && BeforeDefining("prohibition");
        // A lone definition makes the clause one when it leads, or opens a clause that binds no one; far
        // into such a clause it is a glued footnote ("4 For Korea, local government means …" closing a
        // list of reservations), not what the clause does. Led by "For the purposes of this Article" after
        // a sentence that binds ("Each Party shall ensure that its entities do not impose offsets. For the
        // purposes of this Article, offsets means …"), it defines a term of that obligation, which stays
        // what the clause does.
        var bindsBeforeDefining = BeforeDefining("obligation") || BeforeDefining("prohibition");
        var loneDefinitionLeads = defines == 1 && (leadsDefinition && !bindsBeforeDefining || binding == 0 && firstDefinition <= LeadingSentences);
        // Definitions that open an article which goes on to bind at length ("1. For the purposes of this
        // Article: … means … 4. the disputing investor may submit … 8. Each Party hereby consents …")
        // are its preliminaries, not what it does. Definitions met only later are footnotes glued into
        // the text, and the article's own words decide as before.
        var lastDefinition = hits.Where(h => h.Set == "definition").Select(h => h.Sentence).DefaultIfEmpty(-1).Max();
        var bindsAfterDefining = firstDefinition <= LeadingSentences
            && hits.Count(h => h.Set is "obligation" or "prohibition" && h.Sentence > lastDefinition) >= BindingAfterDefinitions;
        if (title.Contains("heading-definition") && !title.Contains("heading-scope") || !prohibitsFirst && !bindsAfterDefining && (defines >= 2 || loneDefinitionLeads))
        {
            return Definition;
        }

        if (title.Contains("heading-recital") || Count("recital") >= 2 && binding == 0)
        {
            return Recital;
        }

        // An article titled as objectives that also bars something ("Objective and Principles … which
        // cannot be subject to customs duties") does more than state aims.
        if (title.Contains("heading-objective") && Count("prohibition") == 0 || Count("objective") > 0 && binding == 0)
        {
            return Objective;
        }

        // Cooperation by its words when they lead the clause or outweigh what it binds: one passing
        // "requests for a cooperation in the communication of documents" deep in a state-aid ban does
        // not make the ban a cooperation article.
        var firstCooperation = hits.Where(h => h.Set == "cooperation").Select(h => h.Sentence).DefaultIfEmpty(int.MaxValue).Min();
        var cooperates = Count("cooperation") > 0 && (firstCooperation <= LeadingSentences || Count("cooperation") >= Count("obligation"));
        if (title.Contains("heading-cooperation") || cooperates && Count("prohibition") == 0)
        {
            return Cooperation;
        }

        // A carve-out leads when it stands in the first or second sentence before any prohibition:
        // "Neither Party shall adopt … 2. This paragraph does not cover …" stays a prohibition.
        var carveOut = hits.FirstOrDefault(h => h.Set is TextAnalyzer.ScopeOut or TextAnalyzer.ScopeOutBefore);
        var prohibition = hits.FirstOrDefault(h => h.Set == "prohibition");
        if (carveOut is not null && carveOut.Sentence <= 1 && (prohibition is null || prohibition.Start > carveOut.Start))
        {
            return Exclusion;
        }

        // A procedure by its title stays one when it bars something along the way ("a panel shall not
        // require a Party to furnish … information").
        if (Count("prohibition") > 0 && !title.Contains("heading-procedure"))
        {
            return Prohibition;
        }

        if (title.Contains("heading-procedure") || Count("procedure") >= 2)
        {
            return Procedure;
        }

        return Count("obligation") > 0 ? Obligation : Other;
    }

    /// <summary>The hits of one set that do not overlap an earlier hit of it.</summary>
    private static int CountApart(IReadOnlyList<LexiconHit> hits, string set)
    {
        var count = 0;
        var end = -1;
        foreach (var hit in hits.Where(h => h.Set == set).OrderBy(h => h.Start))
        {
            if (hit.Start >= end)
            {
                count++;
            }

            end = Math.Max(end, hit.End);
        }

        return count;
    }
}
