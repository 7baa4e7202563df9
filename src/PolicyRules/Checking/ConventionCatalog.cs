using PolicyRules.Domain;
using PolicyRules.Language.Catalog;

namespace PolicyRules.Checking;

/// <summary>The fact types the Convention rulebook is written against, registered for the rule language.</summary>
public static class ConventionCatalog
{
    /// <summary>A catalog of the draft's facts (agreement, parties, clauses and their parts) and the derived facts rules make.</summary>
    public static FactCatalog Create() => new FactCatalog()
        .Register<Agreement>()
        .Register<Party>()
        .Register<Clause>()
        .Register<ExceptionScope>()
        .Register<Temporal>()
        .Register<DisputeSettlement>()
        .Register<ClauseReading>()
        .Register<TextCue>()
        .Register<Evidence>()
        .Register<Tag>()
        .Register<Conflict>()
        .Register<Mitigation>()
        .Register<Support>();
}
