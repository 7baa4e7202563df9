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

    private static readonly string[] ClauseFields = ["kind", "strength", "obligations", "sectors", "modes", "measureTypes", "commitmentLevel", "conventionReference"];
    private static readonly string[] ExceptionFields = ["type", "sectors", "obligationsCovered"];

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
        foreach (var member in ClauseFields)
        {
            Give<Clause>(member, member);
        }

        foreach (var member in ExceptionFields)
        {
            Give<ExceptionScope>(member, "exceptions." + member);
        }

        return catalog;
    }
}
