using Newtonsoft.Json.Linq;

namespace PolicyRules.Domain.Drafts;

/// <summary>
/// An agreement and its clauses, held as objects, written as the draft format's JSON, so that a
/// draft built in memory is read, checked and turned into facts exactly as a draft file is.
/// </summary>
internal static class DraftJson
{
    public static JObject Of(Agreement agreement, IEnumerable<Clause> clauses)
    {
        var draft = new JObject { ["agreement"] = Agreement(agreement) };
        Add(draft, "perspective", agreement.Perspective);
        draft["clauses"] = new JArray(clauses.Select(Clause));
        return draft;
    }

    private static JObject Agreement(Agreement agreement)
    {
        var obj = new JObject();
        Add(obj, "id", agreement.Id);
        Add(obj, "name", agreement.Name);
        Add(obj, "type", agreement.Type);
        Add(obj, "signed", agreement.Signed);
        obj["parties"] = new JArray((agreement.Parties ?? []).Select(Party));
        AddAttributes(obj, agreement.Attributes);
        return obj;
    }

    private static JToken Party(Party? party)
    {
        if (party is null)
        {
            return JValue.CreateNull(); // the reader says a party is an object
        }

        var obj = new JObject();
        Add(obj, "code", party.Code);
        Add(obj, "status", party.Status);
        return obj;
    }

    private static JToken Clause(Clause? clause)
    {
        if (clause is null)
        {
            return JValue.CreateNull(); // the reader says a clause is an object, and names its place
        }

        var obj = new JObject();
        Add(obj, "id", clause.Id);
        Add(obj, "chapter", clause.Chapter);
        Add(obj, "article", clause.Article);
        Add(obj, "title", clause.Title);
        Add(obj, "text", clause.Text);
        Add(obj, "kind", clause.Kind);
        Add(obj, "strength", clause.Strength);
        Add(obj, "obligations", clause.Obligations);
        Add(obj, "sectors", clause.Sectors);
        Add(obj, "modes", clause.Modes);
        Add(obj, "measureTypes", clause.MeasureTypes);
        Add(obj, "commitmentLevel", clause.CommitmentLevel);
        Add(obj, "parties", clause.Parties);
        if (clause.Exceptions is { Count: > 0 } exceptions)
        {
            obj["exceptions"] = new JArray(exceptions.Select(Exception));
        }

        Add(obj, "definitionRef", clause.DefinitionRef);
        if (clause.Temporal is { } temporal)
        {
            var t = new JObject();
            Add(t, "permanent", temporal.Permanent);
            Add(t, "expiry", temporal.Expiry);
            Add(t, "reviewClause", temporal.ReviewClause);
            Add(t, "transition", temporal.Transition);
            obj["temporal"] = t;
        }

        if (clause.DisputeSettlement is { } dispute)
        {
            var d = new JObject();
            Add(d, "stateState", dispute.StateState);
            Add(d, "isds", dispute.Isds);
            Add(d, "nonViolation", dispute.NonViolation);
            Add(d, "excludedForThisClause", dispute.ExcludedForThisClause);
            obj["disputeSettlement"] = d;
        }

        Add(obj, "conventionReference", clause.ConventionReference);
        Add(obj, "refersTo", clause.RefersTo);
        AddAttributes(obj, clause.Attributes);
        return obj;
    }

    private static JToken Exception(ExceptionScope? exception)
    {
        if (exception is null)
        {
            return JValue.CreateNull();
        }

        var obj = new JObject();
        Add(obj, "type", exception.Type);
        Add(obj, "ref", exception.Ref);
        Add(obj, "parties", exception.Parties);
        Add(obj, "sectors", exception.Sectors);
        Add(obj, "obligationsCovered", exception.ObligationsCovered);
        Add(obj, "chapters", exception.Chapters);
        Add(obj, "exceptProvisions", exception.ExceptProvisions);
        Add(obj, "countsAsCulturalMitigation", exception.CountsAsCulturalMitigation);
        return obj;
    }

    // A null is left out, so that a required field is reported missing (Newtonsoft would write a null string as a string).
    private static void Add(JObject obj, string name, string? value)
    {
        if (value is not null)
        {
            obj[name] = value;
        }
    }

    private static void Add(JObject obj, string name, bool? value)
    {
        if (value is { } flag)
        {
            obj[name] = flag;
        }
    }

    private static void Add(JObject obj, string name, IReadOnlyList<string>? values)
    {
        if (values is { Count: > 0 })
        {
            obj[name] = new JArray(values);
        }
    }

    // Fields beyond the contract, as a file would hold them: a name the format defines is read as
    // that field, unless the typed property is set, which wins.
    private static void AddAttributes(JObject obj, IReadOnlyDictionary<string, string>? attributes)
    {
        foreach (var (name, value) in attributes ?? new Dictionary<string, string>())
        {
            if (!obj.ContainsKey(name))
            {
                obj[name] = value;
            }
        }
    }
}
