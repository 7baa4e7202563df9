using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PolicyRules.Checking.Report;

namespace PolicyRules.Reporting;

/// <summary>
/// JUnit XML for CI test views: a <c>testsuite</c> per document, a <c>testcase</c> per clause (and one
/// for the agreement's own findings, and one for a draft that could not be read); a <c>failure</c> per
/// conflict that fails the run at <see cref="ReportOptions.FailOn"/>, an <c>error</c> for a clause or
/// draft that could not be checked. Other conflicts are listed in <c>system-out</c>.
/// </summary>
public static class JUnitReportWriter
{
    /// <summary>Writes the report as JUnit XML.</summary>
    public static void Write(CheckReport report, TextWriter writer, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // Rendered as UTF-8 bytes, so the declaration says utf-8 whatever the writer is (a StringWriter
        // would make it utf-16, which strict parsers refuse for a file written in UTF-8).
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false) };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            ToXml(report, options).Save(xml);
        }

        writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.Write('\n');
    }

    /// <summary>The report as a JUnit XML document.</summary>
    public static XDocument ToXml(CheckReport report, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= new ReportOptions();
        var suites = new XElement("testsuites", new XAttribute("name", report.Tool.Name));
        int total = 0, failures = 0, errors = 0, skipped = 0;
        foreach (var document in report.Documents)
        {
            var suite = new XElement("testsuite", new XAttribute("name", document.Path));
            var cases = new List<XElement>();
            var className = document.Identity;

            if (document.Agreement is null || document.Diagnostics.Any(d => d.Severity == "error"))
            {
                var testcase = Case(className, "(document)", document.Path, null);
                foreach (var d in document.Diagnostics.Where(d => d.Severity == "error"))
                {
                    testcase.Add(new XElement("error", new XAttribute("type", d.Code), new XAttribute("message", d.Message), d.Describe(document.Path)));
                }

                cases.Add(testcase);
            }

            var findings = ReportConflict.Of(document).Where(c => c.Clause is null).ToArray();
            if (findings.Length > 0)
            {
                cases.Add(WithConflicts(Case(className, FindingReport.AgreementLevel, document.Path, null), findings, options));
            }

            foreach (var clause in document.Clauses)
            {
                var testcase = Case(className, clause.Id, document.Path, clause.Location);
                if (clause.Verdict == Verdict.Error)
                {
                    var text = string.Join("\n", clause.Diagnostics.Select(d => d.Describe(document.Path)));
                    testcase.Add(new XElement("error", new XAttribute("type", clause.Diagnostics.FirstOrDefault()?.Code ?? "error"), new XAttribute("message", clause.Diagnostics.FirstOrDefault()?.Message ?? "The clause could not be checked."), text));
                }

                cases.Add(WithReviews(WithConflicts(testcase, ReportConflict.Of(document).Where(c => ReferenceEquals(c.Clause, clause)).ToArray(), options), clause));
            }

            var suiteFailures = cases.Count(c => c.Element("failure") is not null);
            var suiteErrors = cases.Count(c => c.Element("error") is not null);
            var suiteSkipped = cases.Count(c => c.Element("skipped") is not null);
            suite.Add(new XAttribute("tests", cases.Count), new XAttribute("failures", suiteFailures), new XAttribute("errors", suiteErrors), new XAttribute("skipped", suiteSkipped));
            suite.Add(new XElement("properties",
                new XElement("property", new XAttribute("name", "verdict"), new XAttribute("value", document.Verdict)),
                new XElement("property", new XAttribute("name", "perspective"), new XAttribute("value", document.Perspective ?? "")),
                new XElement("property", new XAttribute("name", "agreement"), new XAttribute("value", document.Agreement?.Name ?? document.Agreement?.Id ?? ""))));
            suite.Add(cases);
            suites.Add(suite);
            total += cases.Count;
            failures += suiteFailures;
            errors += suiteErrors;
            skipped += suiteSkipped;
        }

        suites.Add(new XAttribute("tests", total), new XAttribute("failures", failures), new XAttribute("errors", errors), new XAttribute("skipped", skipped));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites);
    }

    private static XElement Case(string className, string name, string file, LocationReport? at)
    {
        var testcase = new XElement("testcase", new XAttribute("classname", className), new XAttribute("name", name), new XAttribute("file", file), new XAttribute("time", "0"));
        if (at is not null)
        {
            testcase.Add(new XAttribute("line", at.Line.ToString(CultureInfo.InvariantCulture)));
        }

        return testcase;
    }

    private static XElement WithConflicts(XElement testcase, IReadOnlyList<ReportConflict> conflicts, ReportOptions options)
    {
        var failing = conflicts.Where(c => FailThreshold.Fails(c, options.FailOn)).ToArray();
        if (failing.Length > 0)
        {
            var first = failing[0];
            var message = failing.Length == 1 ? $"{first.Rule} {first.Principle} ({first.Severity}): {first.Message}" : $"{failing.Length} open conflicts: {string.Join(", ", failing.Select(f => f.Rule))}";
            testcase.Add(new XElement("failure", new XAttribute("type", first.Rule), new XAttribute("message", message), string.Join("\n\n", failing.Select(Describe))));
        }

        var others = conflicts.Except(failing).ToArray();
        if (others.Length > 0)
        {
            testcase.Add(new XElement("system-out", string.Join("\n\n", others.Select(Describe))));
        }

        return testcase;
    }

    /// <summary>
    /// A clause that needs review is neither passed nor failed: skipped, with the questions it puts
    /// to the analyst, so a CI view shows it apart from the compliant ones.
    /// </summary>
    private static XElement WithReviews(XElement testcase, ClauseReport clause)
    {
        if (clause.Verdict == Verdict.NeedsReview && testcase.Element("failure") is null && testcase.Element("error") is null)
        {
            var questions = (clause.Reviews ?? []).Select(r => r.Describe()).ToArray();
            var message = questions.Length > 0 ? "needs review: " + questions[0] : $"needs review: {string.Join(", ", clause.Candidates)}";
            testcase.AddFirst(new XElement("skipped", new XAttribute("message", message), string.Join("\n", questions)));
        }

        return testcase;
    }

    private static string Describe(ReportConflict c) =>
        $"{c.Rule} {c.Principle} [{c.Severity}, {c.Status}]\n{c.Message}" +
        (c.Evidence.Count > 0 ? "\nevidence: " + string.Join("; ", c.Evidence.Select(TextReportWriter.Evidence)) : "") +
        (c.Basis.Count > 0 ? "\nbasis: " + string.Join("; ", c.Basis) : "") +
        (c.Remedy is { Length: > 0 } r ? "\nremedy: " + r : "") +
        (c.Waived is { } waived ? "\n" + waived : "");
}
