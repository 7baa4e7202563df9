using Newtonsoft.Json.Linq;

namespace PolicyRules.Domain.Drafts;

/// <summary>
/// An agreement and its clauses, held as objects, written as the draft format's JSON, so that a
/// draft built in memory is read, checked and turned into facts exactly as a draft file is.
/// </summary>
internal static class DraftJson
{
    public static JObject Of(Agreement agreement, IEnumerable<Clause> clauses) => Object(
        ("agreement", Agreement(agreement)),
        ("perspective", agreement.Perspective),
        ("clauses", new JArray(clauses.Select(Clause))));

    private static JObject Agreement(Agreement agreement) => WithAttributes(
        Object(
            ("id", agreement.Id),
            ("name", agreement.Name),
            ("type", agreement.Type),
            ("signed", agreement.Signed),
            ("parties", new JArray((agreement.Parties ?? []).Select(Party)))),
        agreement.Attributes);

    // A null item stays null: the reader says what an item must be, and names its place.
    private static JToken Party(Party? party) => party is null
        ? JValue.CreateNull()
        : Object(("code", party.Code), ("status", party.Status));

    private static JToken Clause(Clause? clause) => clause is null
        ? JValue.CreateNull()
        : WithAttributes(
            Object(
                ("id", clause.Id),
                ("chapter", clause.Chapter),
                ("article", clause.Article),
                ("title", clause.Title),
                ("text", clause.Text),
                ("kind", clause.Kind),
                ("strength", clause.Strength),
                ("obligations", clause.Obligations),
                ("sectors", clause.Sectors),
                ("modes", clause.Modes),
                ("measureTypes", clause.MeasureTypes),
                ("commitmentLevel", clause.CommitmentLevel),
                ("parties", clause.Parties),
                ("exceptions", clause.Exceptions is { Count: > 0 } exceptions ? new JArray(exceptions.Select(Exception)) : null),
                ("definitionRef", clause.DefinitionRef),
                ("temporal", clause.Temporal is { } t
                    ? Object(("permanent", t.Permanent), ("expiry", t.Expiry), ("reviewClause", t.ReviewClause), ("transition", t.Transition))
                    : null),
                ("disputeSettlement", clause.DisputeSettlement is { } d
                    ? Object(("stateState", d.StateState), ("isds", d.Isds), ("nonViolation", d.NonViolation), ("excludedForThisClause", d.ExcludedForThisClause))
                    : null),
                ("conventionReference", clause.ConventionReference),
                ("refersTo", clause.RefersTo)),
            clause.Attributes);

    private static JToken Exception(ExceptionScope? exception) => exception is null
        ? JValue.CreateNull()
        : Object(
            ("type", exception.Type),
            ("ref", exception.Ref),
            ("parties", exception.Parties),
            ("sectors", exception.Sectors),
            ("obligationsCovered", exception.ObligationsCovered),
            ("chapters", exception.Chapters),
            ("exceptProvisions", exception.ExceptProvisions),
            ("countsAsCulturalMitigation", exception.CountsAsCulturalMitigation));

    /// <summary>
    /// The fields that have a value: a null (or an empty list) is left out, so that a required
    /// field is reported missing (Newtonsoft would write a null string as a string).
    /// </summary>
    private static JObject Object(params (string Name, object? Value)[] fields)
    {
        var obj = new JObject();
        foreach (var (name, value) in fields)
        {
            switch (value)
            {
                case null:
                case IReadOnlyList<string> { Count: 0 }:
                    break;
                case IReadOnlyList<string> list:
                    obj[name] = new JArray(list);
                    break;
                case string text:
                    obj[name] = text;
                    break;
                case bool flag:
                    obj[name] = flag;
                    break;
                case JToken token:
                    obj[name] = token;
                    break;
                default:
                    throw new ArgumentException($"'{name}' holds a {value.GetType().Name}, which a draft does not.", nameof(fields));
            }
        }

        return obj;
    }

    // Fields beyond the contract, as a file would hold them: a name the format defines is read as
    // that field, unless the typed property is set, which wins.
    private static JObject WithAttributes(JObject obj, IReadOnlyDictionary<string, string>? attributes)
    {
        foreach (var (name, value) in attributes ?? new Dictionary<string, string>())
        {
            if (!obj.ContainsKey(name))
            {
                obj[name] = value;
            }
        }

        return obj;
    }
}
