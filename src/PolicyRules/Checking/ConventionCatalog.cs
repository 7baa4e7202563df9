using PolicyRules.Domain;
using PolicyRules.Domain.Drafts;
using PolicyRules.Language.Catalog;

namespace PolicyRules.Checking;

/// <summary>The fact types the Convention rulebook is written against, registered for the rule language.</summary>
public static class ConventionCatalog
{
    /// <summary>
    /// A catalog of the draft's facts (the agreement, its clauses and their exceptions), the facts the
    /// checker derives from a clause's text and those rules make; parties, a clause's temporal and
    /// dispute-settlement fields and evidence are parts, read through the facts that hold them.
    /// </summary>
    public static FactCatalog Create() => WithVocabulary(new FactCatalog()
        .Register<Agreement>()
        .RegisterPart<Party>()
        .Register<Clause>()
        .Register<ExceptionScope>()
        .RegisterPart<Temporal>()
        .RegisterPart<DisputeSettlement>()
        .Register<ClauseReading>()
        .Register<TextCue>()
        .RegisterPart<Evidence>()
        .Register<Tag>()
        .Register<Conflict>()
        .Register<Mitigation>()
        .Register<Support>());

    // The controlled fields of drafts (taxonomy.md): a rule compares them with the values drafts hold.
    private static FactCatalog WithVocabulary(FactCatalog catalog)
    {
        var vocabulary = DraftVocabulary.Default;
        void Give<T>(string member, string field)
        {
            var known = vocabulary.Field(field) ?? throw new InvalidOperationException($"The draft vocabulary has no field '{field}'.");
            catalog.Vocabulary<T>(member, known.Values, known.Aliases);
        }

        Give<Agreement>("type", "agreement.type");
        Give<Party>("status", "parties.status");
        Give<Clause>("kind", "kind");
        Give<Clause>("strength", "strength");
        Give<Clause>("obligations", "obligations");
        Give<Clause>("sectors", "sectors");
        Give<Clause>("modes", "modes");
        Give<Clause>("measureTypes", "measureTypes");
        Give<Clause>("commitmentLevel", "commitmentLevel");
        Give<Clause>("conventionReference", "conventionReference");
        Give<ExceptionScope>("type", "exceptions.type");
        Give<ExceptionScope>("sectors", "exceptions.sectors");
        Give<ExceptionScope>("obligationsCovered", "exceptions.obligationsCovered");
        return catalog;
    }
}
