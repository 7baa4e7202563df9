using Microsoft.Extensions.DependencyInjection;
using PolicyRules.Checking;
using PolicyRules.DependencyInjection;
using PolicyRules.Domain;
using PolicyRules.Domain.Drafts;
using PolicyRules.Engine;
using PolicyRules.Engine.Builder;
using PolicyRules.Engine.Runtime;
using PolicyRules.Language;
using PolicyRules.Reporting;

namespace PolicyRules.Tests.Docs;

// The C# snippets of README.md, the library package's README and docs/, verbatim (ReadmeSnippetTests checks they have not drifted), so they
// compile with the library as it is. Each is a method; what a snippet leaves in a variable is returned.
#pragma warning disable CA1303, IDE0059 // snippets print literals and keep variables a reader would use
internal static class ReadmeSnippets
{
    public static PolicyRules.Checking.Report.CheckReport Snippet1()
    {
        var checker = new PolicyChecker();                        // the embedded Convention rulebook, compiled once
        var reader = new DraftReader();
        var document = checker.Check(reader.ReadFile("drafts/ckfta-cultural-exemption.json"));
        Console.WriteLine($"{document.Path}: {document.Verdict}");  // the worst of its clauses and agreement findings
        foreach (var finding in document.Findings)
            Console.WriteLine($"  agreement: {finding.Kind} {finding.Principle}");
        foreach (var clause in document.Clauses)
            Console.WriteLine($"  {clause.Id}: {clause.Verdict} {string.Join(", ", clause.Conflicts.Select(c => $"{c.Principle} ({c.Status})"))}");

        var mine = reader.Read(                                   // a draft your tool holds as objects, checked as a file is
            new Agreement { Id = "demo", Parties = [new Party { Code = "CAN" }, new Party { Code = "KOR" }] },
            [new Clause { Id = "14.3", Text = "No Party shall impose customs duties on electronic transmissions …" }]);
        Console.WriteLine(checker.Check(mine).Clauses[0].Verdict);  // read from its text, as a clause of a file is

        var drafts = Directory.EnumerateFiles("drafts", "*.json").Select(reader.ReadFile);
        var report = checker.CheckAll(drafts);                    // many drafts, in parallel, one network
        File.WriteAllText("report.json", JsonReportWriter.ToJson(report));
        return report;
    }

    public static IPolicyChecker Snippet2()
    {
        var services = new ServiceCollection();
        services.AddPolicyRules(options =>
        {
            options.RulePaths.Add("my-rules");                   // added to the embedded rulebook
            options.DisabledRules.Add("SUP-001");
            options.SeverityOverrides["LIB-001"] = "critical";
        });
        using var provider = services.BuildServiceProvider();
        var checker = provider.GetRequiredService<IPolicyChecker>();   // a singleton; it logs when logging is registered
        return checker;
    }

    public static RuleNetwork Snippet3()
    {
        var set = new RulebookLoader(ConventionCatalog.Create()).Load([.. EmbeddedRulebook.Sources(), .. RulebookSource.FromPath("my-rules")]);
        foreach (var diagnostic in set.Diagnostics) Console.Error.WriteLine(diagnostic);
        RuleNetwork network = set.Compile();
        return network;
    }

    public static IReadOnlyList<Tag> Snippet4()
    {
        var rule = new RuleBuilder("LIB-001")
            .Match<Clause>("c", c => c.Kind == "market-access", c => c.Sectors.Contains("music"))
            .Not<Clause>((Clause e) => e.Kind == "cultural-exemption", (Clause e, Clause c) => e.AgreementId == c.AgreementId)
            .Then((IActionContext ctx, Clause c) => ctx.InsertLinked(new Tag("LIB-001", c, "conflict", "music liberalised", Array.Empty<Evidence>())))
            .Build();

        var network = RuleNetwork.Compile([rule]);    // once; immutable and thread-safe
        using var session = network.CreateSession();  // cheap; one per draft
        session.InsertAll([new Clause { Id = "8.2", AgreementId = "a", Kind = "market-access", Sectors = ["music"] }]);
        session.Fire();
        var conflicts = session.Query<Tag>();          // one: 8.2 liberalises music and no exemption answers it
        return conflicts;
    }

    // docs/RULE-LANGUAGE.md, "Loading and composing"
    public static RuleNetwork Snippet5()
    {
        var catalog = ConventionCatalog.Create();                      // or new FactCatalog().Register<MyFact>()
        var set = new RulebookLoader(catalog).Load([.. EmbeddedRulebook.Sources(), .. RulebookSource.FromPath("my-rules")]);
        foreach (var diagnostic in set.Diagnostics) Console.Error.WriteLine(diagnostic);
        var network = set.Compile();
        return network;
    }
}
