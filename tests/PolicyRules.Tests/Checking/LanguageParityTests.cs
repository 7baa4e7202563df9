using PolicyRules.Checking;
using PolicyRules.Domain.Imports;
using PolicyRules.Tests.Domain.Imports;

namespace PolicyRules.Tests.Checking;

/// <summary>
/// A differential test of the lexicons: the corpus holds the Trans-Pacific Partnership in English
/// (pta_449) and in Spanish (pta_450), article for article. One rulebook reads both, so each article
/// must get the same verdict, conflicting principles and open questions in both languages.
/// </summary>
public class LanguageParityTests
{
    [CorpusFact]
    public void The_same_treaty_in_English_and_Spanish_gets_the_same_verdict_for_every_article()
    {
        var checker = new PolicyChecker();
        var english = Read(checker, "pta_449.xml");
        var spanish = Read(checker, "pta_450.xml");

        var shared = english.Keys.Intersect(spanish.Keys).ToArray();
        shared.Should().HaveCountGreaterThan(400, "the two texts number their articles alike");
        var differences = shared.Where(id => english[id] != spanish[id])
            .Select(id => $"{id}: en {english[id]} / es {spanish[id]}")
            .ToArray();
        differences.Should().BeEmpty("a term set missing in one language reads the same article otherwise");
    }

    private static Dictionary<string, string> Read(PolicyChecker checker, string file)
    {
        var import = new TreatyImporter().Import(Path.Combine(SharedCorpus.Xml, file));
        var report = checker.Check(import.ToDraft());
        return report.Clauses.ToDictionary(
            c => c.Id,
            c => $"{c.Verdict} [{string.Join(", ", c.Conflicts.Select(k => k.Principle).Distinct().Order(StringComparer.Ordinal))}]"
                + $" ? [{string.Join(", ", c.Candidates.Order(StringComparer.Ordinal))}]",
            StringComparer.Ordinal);
    }
}
