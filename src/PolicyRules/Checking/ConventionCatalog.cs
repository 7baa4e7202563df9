using PolicyRules.Domain;
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
    public static FactCatalog Create() => new FactCatalog()
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
        .Register<Support>();
}
