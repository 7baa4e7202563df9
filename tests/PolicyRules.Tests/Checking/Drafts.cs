namespace PolicyRules.Tests.Checking;

/// <summary>Small drafts for checker tests.</summary>
internal static class Drafts
{
    public const string Mixed = """
        {
          "agreement": { "id": "demo", "name": "Demo FTA", "parties": [ { "code": "CAN", "status": "developed" }, { "code": "MEX", "status": "developing" } ] },
          "clauses": [
            { "id": "8.4", "title": "Market access", "text": "Each Party shall …", "kind": "market-access", "strength": "binding", "sectors": ["av-radio-tv", "telecom"] },
            { "id": "1.1", "title": "Preamble", "text": "Recalling the Convention …", "conventionReference": "operative" },
            { "id": "9.9", "title": "Tariffs", "text": "Each Party shall eliminate …", "kind": "tariff-elimination" },
            { "id": "bad", "text": "broken", "sectors": "music" }
          ]
        }
        """;

    public const string Reservation = """
        {
          "agreement": { "id": "res", "parties": [ { "code": "CAN" }, { "code": "KOR" } ] },
          "perspective": "CAN",
          "clauses": [
            { "id": "8.4", "text": "Each Party shall …", "kind": "national-treatment", "sectors": ["publishing-printing"] },
            { "id": "II-1", "text": "Canada reserves …", "kind": "reservation" }
          ]
        }
        """;

    public const string MitigationRules = """
        {
          "$schema": "../schema/rulebook.schema.json",
          "rulebook": "mitigations", "version": "1",
          "rules": [ {
            "id": "MIT-T",
            "when": [
              { "match": "Clause", "as": "c" },
              { "match": "Conflict", "as": "k", "where": { "subject": "$c", "principle": "no-culture-liberalisation" } },
              { "match": "Clause", "as": "r", "where": { "agreementId": "$c.agreementId", "kind": "reservation" } }
            ],
            "then": [ { "mitigate": { "conflict": "$k", "by": "$r", "extent": "partial", "message": "{r.id} reserves part of it" } } ]
          } ]
        }
        """;
}
