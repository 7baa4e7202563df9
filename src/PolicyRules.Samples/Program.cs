// policy-check, for now a demonstration of the engine: a few clauses of two agreements are checked
// with one rule written in C#. The command-line checker (check, verify, rules, schema) replaces
// this once the Convention rulebook exists; until then the exit code already follows the report
// contract: 1 when conflicts are found.
using PolicyRules.Engine;
using PolicyRules.Engine.Builder;
using PolicyRules.Engine.Runtime;
using PolicyRules.Samples;

var culturalSectors = new[] { "audiovisual", "publishing", "music" };
var rules = culturalSectors.Select(sector => new RuleBuilder($"LIB-{sector}")
    .Name($"Liberalisation commitment in {sector} with no cultural exemption")
    .Metadata("principle", "no-culture-liberalisation")
    .Match<DemoClause>("c", c => c.Kind == "market-access", c => c.Sectors.Contains(sector))
    .Not<DemoClause>(
        (DemoClause e) => e.Kind == "cultural-exemption",
        (DemoClause e) => e.Sectors.Contains(sector),
        (DemoClause e, DemoClause c) => e.AgreementId == c.AgreementId)
    .Then((IActionContext ctx, IMatch m, DemoClause c) => ctx.InsertLinked(new DemoConflict(m.Rule.Id, c, sector)))
    .Build());

var session = RuleNetwork.Compile(rules).CreateSession();
session.InsertAll(DemoClause.Bundled);
session.Fire();

var conflicts = session.Query<DemoConflict>().OrderBy(c => c.Clause.AgreementId).ThenBy(c => c.Clause.Id).ToList();
foreach (var clause in DemoClause.Bundled.Where(c => c.Kind != "cultural-exemption"))
{
    var found = conflicts.Where(c => c.Clause == clause).ToList();
    Console.WriteLine($"{clause.AgreementId} {clause.Id,-6} {(found.Count == 0 ? "compliant" : "conflict"),-10} {clause.Title}");
    foreach (var conflict in found)
    {
        Console.WriteLine($"    {conflict.RuleId}: '{conflict.Sector}' is liberalised and no cultural exemption in {clause.AgreementId} covers it");
    }
}

Console.WriteLine($"{DemoClause.Bundled.Count} clauses checked, {conflicts.Count} conflicts.");
return conflicts.Count > 0 ? 1 : 0;
