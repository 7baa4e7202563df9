using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyRules.Checking.Report;
using PolicyRules.Diagnostics;
using PolicyRules.Domain.Drafts;

namespace PolicyRules.Checking.Verification;

/// <summary>
/// Rule tests, like <c>opa test</c> for Rego: files of cases (a draft and the verdicts and principle
/// ids expected), run against a checker. <c>rules/tests/</c> holds the rulebook's own.
/// </summary>
/// <remarks>
/// A test file: <c>{ "name": …, "cases": [ { "name": …, "draft": { …draft… }, "expect": { "verdict": …,
/// "findings": [principles], "findingRules": [rule ids], "clauses": { "&lt;id&gt;": { "verdict": "conflict" | ["a", "b"], "conflicts": [principles],
/// "supports": [principles], "candidates": [principles], "rules": [rule ids], "statuses": { "&lt;principle or rule&gt;": status },
/// "parties": { "&lt;party&gt;": verdict } } } } } ] }</c>. What an expectation leaves out is not checked.
/// <c>policy-check schema tests</c> prints the JSON schema of the format.
/// </remarks>
public static class RuleTestRunner
{
    /// <summary>Reads every case of the test files (folders: every <c>*.json</c> below, in path order).</summary>
    public static (IReadOnlyList<RuleTestCase> Cases, IReadOnlyList<Diagnostic> Diagnostics) Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var cases = new List<RuleTestCase>();
        var diagnostics = new DiagnosticBag();
        foreach (var file in paths.SelectMany(Files))
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(RuleTestDiagnosticCodes.Unreadable, new SourceSpan(file, 0, 0), $"Cannot read the test file: {ex.Message}");
                continue;
            }

            cases.AddRange(Parse(text, file, diagnostics));
        }

        return (cases, diagnostics.Items);
    }

    /// <summary>Reads the cases of one test file given as text.</summary>
    public static (IReadOnlyList<RuleTestCase> Cases, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text, string? file = null)
    {
        var diagnostics = new DiagnosticBag();
        var cases = Parse(text, file, diagnostics);
        return (cases, diagnostics.Items);
    }

    /// <summary>Runs the cases; each result lists what did not hold.</summary>
    public static IReadOnlyList<RuleTestResult> Run(IPolicyChecker checker, IEnumerable<RuleTestCase> cases)
    {
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(cases);
        var inForce = checker.Rules.Select(r => r.Id).Concat(checker.Rules.Select(r => r.Principle).OfType<string>()).ToHashSet(StringComparer.Ordinal);
        return cases.Select(c => new RuleTestResult(c, Compare(c.Expected, checker.Check(c.Draft), inForce))).ToArray();
    }

    private static IEnumerable<string> Files(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [path];

    private static List<RuleTestCase> Parse(string text, string? file, DiagnosticBag diagnostics)
    {
        var cases = new List<RuleTestCase>();
        JObject root;
        try
        {
            root = JObject.Parse(text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        }
        catch (JsonReaderException ex)
        {
            var (at, reason) = JsonReadFailure.Of(ex, text, file);
            diagnostics.Error(RuleTestDiagnosticCodes.Malformed, at, $"Malformed test file: {reason}");
            return cases;
        }

        if (root["cases"] is not JArray list)
        {
            diagnostics.Error(RuleTestDiagnosticCodes.Malformed, SourceSpan.Of(root, file), root["rulebook"] is not null
                ? "This is a rule file, not a test file: load it with the rules (--rules), and give verify the folder of its tests."
                : "A test file has a list of 'cases'.");
            return cases;
        }

        RejectUnknown(root, FileFields, "a test file", file, diagnostics);
        foreach (var item in list)
        {
            var at = SourceSpan.Of(item, file);
            if (item is not JObject testCase || testCase["name"]?.Type != JTokenType.String || testCase["draft"] is not JObject draftToken || testCase["expect"] is not JObject expect)
            {
                diagnostics.Error(RuleTestDiagnosticCodes.Malformed, at, "A case has a 'name', a 'draft' object and an 'expect' object.");
                continue;
            }

            // A misspelt expectation would check nothing, and the case would pass.
            var before = diagnostics.ErrorCount;
            RejectUnknown(testCase, CaseFields, "a case", file, diagnostics);
            RejectUnknown(expect, ExpectFields, "'expect'", file, diagnostics);
            foreach (var clause in (expect["clauses"] as JObject)?.Properties().Select(p => p.Value).OfType<JObject>() ?? [])
            {
                RejectUnknown(clause, ClauseFields, "a clause's expectation", file, diagnostics);
            }

            if (diagnostics.ErrorCount > before)
            {
                continue;
            }

            var name = (string)testCase["name"]!;
            var draft = new DraftReader().Read(draftToken.ToString(Formatting.None), file is null ? name : $"{file}#{name}");
            foreach (var problem in draft.Diagnostics.Concat(draft.Clauses.SelectMany(c => c.Diagnostics)).Where(d => d.IsError))
            {
                diagnostics.Error(RuleTestDiagnosticCodes.InvalidDraft, at, $"Case '{name}': {problem.Message}");
            }

            if (Expectation(expect, at, name, diagnostics) is { } expected)
            {
                cases.Add(new RuleTestCase(file, name, draft, expected, at));
            }
        }

        return cases;
    }

    private static readonly string[] FileFields = ["$schema", "name", "cases"];
    private static readonly string[] CaseFields = ["name", "draft", "expect"];
    private static readonly string[] ExpectFields = ["verdict", "findings", "findingRules", "clauses"];
    private static readonly string[] ClauseFields = ["verdict", "conflicts", "supports", "candidates", "rules", "statuses", "parties"];

    private static void RejectUnknown(JObject obj, string[] known, string what, string? file, DiagnosticBag diagnostics)
    {
        foreach (var property in obj.Properties().Where(p => !known.Contains(p.Name, StringComparer.Ordinal) && !p.Name.StartsWith('$')))
        {
            diagnostics.Error(RuleTestDiagnosticCodes.Malformed, SourceSpan.Of(property, file), $"'{property.Name}' is not a field of {what}.{Suggestions.DidYouMean(property.Name, known)} Fields: {string.Join(", ", known)}.");
        }
    }

    private static ExpectedDocument? Expectation(JObject expect, SourceSpan at, string name, DiagnosticBag diagnostics)
    {
        try
        {
            var clauses = new Dictionary<string, ExpectedClause>(StringComparer.Ordinal);
            if (expect["clauses"] is JObject byId)
            {
                foreach (var property in byId.Properties())
                {
                    var clause = (JObject)property.Value;
                    clauses[property.Name] = new ExpectedClause(
                        clause["verdict"] switch
                        {
                            null => null,
                            JArray several => several.Select(v => (string)v!).ToArray(),
                            var one => [(string)one!],
                        },
                        Strings(clause["conflicts"]),
                        Strings(clause["supports"]),
                        Strings(clause["candidates"]),
                        Strings(clause["rules"]),
                        Map(clause["statuses"]),
                        Map(clause["parties"]));
                }
            }

            return new ExpectedDocument((string?)expect["verdict"], clauses, Strings(expect["findings"])) { FindingRules = Strings(expect["findingRules"]) };
        }
        catch (Exception ex) when (ex is InvalidCastException or ArgumentException or FormatException)
        {
            diagnostics.Error(RuleTestDiagnosticCodes.Malformed, at, $"Case '{name}': 'expect' holds verdicts as strings and principles as lists of strings ({ex.Message}).");
            return null;
        }
    }

    private static string NotInForce(IReadOnlyList<string> names) =>
        $"no rule in force is or reports {string.Join(", ", names.Select(n => $"'{n}'"))}: is its rule file loaded?";

    private static string[]? Strings(JToken? token) => token?.Select(t => (string)t!).ToArray();

    private static Dictionary<string, string>? Map(JToken? token) => token switch
    {
        null => null,
        JObject map => map.Properties().ToDictionary(p => p.Name, p => (string)p.Value!, StringComparer.Ordinal),
        _ => throw new FormatException("'statuses' and 'parties' are objects of strings"),
    };

    /// <param name="expected">What the case expects.</param>
    /// <param name="actual">The checker's report of its draft.</param>
    /// <param name="inForce">The ids and principles of the rules in force: a rule the case names that is not among them was not loaded.</param>
    private static List<string> Compare(ExpectedDocument expected, DocumentReport actual, IReadOnlySet<string> inForce)
    {
        var failures = new List<string>();
        if (expected.Verdict is { } verdict && verdict != actual.Verdict)
        {
            failures.Add($"document: expected verdict {verdict}, got {actual.Verdict}");
        }

        if (expected.Findings is { } findings)
        {
            Same("agreement findings", findings, actual.Findings.Where(f => f.Kind == "conflict").Select(f => f.Principle), failures);
        }

        if (expected.FindingRules is { } findingRules)
        {
            Same("agreement finding rules", findingRules, actual.Findings.Where(f => f.Kind == "conflict").Select(f => f.Rule), failures);
            if (findingRules.Where(r => !inForce.Contains(r)).ToArray() is { Length: > 0 } missing)
            {
                failures.Add($"agreement: {NotInForce(missing)}");
            }
        }

        foreach (var (id, clause) in expected.Clauses.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var report = actual.Clauses.FirstOrDefault(c => c.Id == id);
            if (report is null)
            {
                failures.Add($"clause {id}: not in the report");
                continue;
            }

            if (clause.Verdicts is { } verdicts && !verdicts.Contains(report.Verdict))
            {
                failures.Add($"clause {id}: expected verdict {string.Join(" or ", verdicts)}, got {report.Verdict}" + Explain(report));
            }

            Same($"clause {id} conflicts", clause.Conflicts, report.Conflicts.Select(c => c.Principle), failures);
            Same($"clause {id} supports", clause.Supports, report.Supports.Select(s => s.Principle), failures);
            Same($"clause {id} candidates", clause.Candidates, report.Candidates, failures);
            Same($"clause {id} rules", clause.Rules, report.Conflicts.Select(c => c.Rule), failures);
            if (clause.Rules?.Where(r => !inForce.Contains(r)).ToArray() is { Length: > 0 } missing)
            {
                failures.Add($"clause {id}: {NotInForce(missing)}");
            }

            foreach (var (key, status) in clause.Statuses ?? new Dictionary<string, string>())
            {
                var named = report.Conflicts.Where(c => c.Principle == key || c.Rule == key).Select(c => c.Status).Distinct().ToArray();
                if (named.Length == 0 || named.Any(s => s != status))
                {
                    failures.Add($"clause {id}: expected {key} {status}, got {(named.Length == 0 ? "no such conflict" : string.Join(", ", named))}" + (inForce.Contains(key) ? "" : $" ({NotInForce([key])})"));
                }
            }

            foreach (var (party, partyVerdict) in clause.Parties ?? new Dictionary<string, string>())
            {
                var got = report.PartyVerdicts?.GetValueOrDefault(party) ?? report.Verdict;
                if (got != partyVerdict)
                {
                    failures.Add($"clause {id}: expected verdict {partyVerdict} for {party}, got {got}" + Explain(report));
                }
            }
        }

        return failures;
    }

    private static string Explain(ClauseReport report) =>
        report.Conflicts.Count == 0 ? "" : " (" + string.Join("; ", report.Conflicts.Select(c => $"{c.Rule} {c.Principle} {c.Status}" + (c.PartyStatus is { } byParty ? " [" + string.Join(", ", byParty.Select(p => $"{p.Key} {p.Value}")) + "]" : ""))) + ")";

    private static void Same(string what, IReadOnlyList<string>? expected, IEnumerable<string> actual, List<string> failures)
    {
        if (expected is null)
        {
            return;
        }

        var want = expected.Distinct().Order(StringComparer.Ordinal).ToArray();
        var got = actual.Distinct().Order(StringComparer.Ordinal).ToArray();
        if (!want.SequenceEqual(got))
        {
            failures.Add($"{what}: expected [{string.Join(", ", want)}], got [{string.Join(", ", got)}]");
        }
    }
}
