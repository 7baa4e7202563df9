using System.Globalization;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using PolicyRules.Checking;
using PolicyRules.Checking.Baselines;
using PolicyRules.Checking.Report;
using PolicyRules.Domain.Drafts;
using PolicyRules.Reporting;
using PolicyRules.Tests.Checking;

namespace PolicyRules.Tests.Reporting;

/// <summary>
/// The JSON report is written member by member (for start-up); the model's attributes state the
/// contract. These tests hold the writer to what Newtonsoft's serializer makes of the model under
/// those attributes, byte for byte, so a member added to the model and not to the writer fails here.
/// </summary>
public class JsonReportWriterTests
{
    private static readonly JsonSerializerSettings Contract = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false } },
        Formatting = Formatting.Indented,
        DateFormatHandling = DateFormatHandling.IsoDateFormat,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        NullValueHandling = NullValueHandling.Include,
    };

    private static string Serialized(CheckReport report) => JsonConvert.SerializeObject(report, Contract) + "\n";

    [Fact]
    public void A_report_with_every_optional_member_present_is_written_as_the_serializer_writes_it()
    {
        var report = Report(full: true);

        JsonReportWriter.ToJson(report).Should().Be(Serialized(report));
    }

    [Fact]
    public void A_report_with_every_optional_member_absent_is_written_as_the_serializer_writes_it()
    {
        var report = Report(full: false);

        var json = JsonReportWriter.ToJson(report);

        json.Should().Be(Serialized(report));
        json.Should().NotContain("\"waivers\"").And.NotContain("\"baseline\"").And.NotContain("\"location\"").And.NotContain("\"span\"");
    }

    [Fact]
    public void Reports_of_the_checker_on_real_drafts_are_written_as_the_serializer_writes_them()
    {
        var reader = new DraftReader();
        var drafts = new[] { Drafts.Mixed, Drafts.Reservation }.Select((json, i) => reader.Read(json, $"drafts/{i}.json")).ToList();
        var report = new PolicyChecker().CheckAll(drafts);

        report.Documents.SelectMany(d => d.Clauses).SelectMany(c => c.Conflicts).Should().NotBeEmpty("the comparison must cover conflicts and their evidence");
        JsonReportWriter.ToJson(report).Should().Be(Serialized(report));
    }

    [Fact]
    public void The_full_report_of_these_tests_sets_every_member_of_the_report_model()
    {
        // What keeps the comparisons above complete: a member added to the model must be set here too.
        var keys = JObject.Parse(JsonReportWriter.ToJson(Report(full: true)))
            .DescendantsAndSelf().OfType<JProperty>().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var members = typeof(CheckReport).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(CheckReport).Namespace && (t.Name.EndsWith("Report", StringComparison.Ordinal) || t.Name.EndsWith("Info", StringComparison.Ordinal)) || t == typeof(BaselineEntry))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]);

        keys.Should().Contain(members);
    }

    [Fact]
    public void Write_puts_the_same_text_on_a_writer()
    {
        var report = Report(full: true);
        var writer = new StringWriter(CultureInfo.InvariantCulture);

        JsonReportWriter.Write(report, writer);

        writer.ToString().Should().Be(JsonReportWriter.ToJson(report));
    }

    private static CheckReport Report(bool full)
    {
        var evidence = new EvidenceReport { Field = "text", Span = full ? [4, 19] : null, Value = "quote \" and \\ and \u00e9 and \u0001 and </script>" };
        var mitigation = new MitigationReport("MIT-001", "22.5", "full", "Answered by the cultural exemption.") { Parties = full ? ["CAN"] : null };
        var conflict = new ConflictReport
        {
            Rule = "LIB-001",
            Principle = "no-culture-liberalisation",
            Basis = ["Convention Art. 5", "Convention Art. 6"],
            Severity = "high",
            Parties = ["CAN", "MEX"],
            Message = "A national-treatment obligation reaches culture.",
            Remedy = full ? "Add a cultural exemption." : null,
            Evidence = [evidence],
            Mitigations = full ? [mitigation] : [],
            Status = full ? "partially-mitigated" : "open",
            PartyStatus = full ? new SortedDictionary<string, string>(StringComparer.Ordinal) { ["CAN"] = "mitigated", ["MEX"] = "open" } : null,
            Baseline = full ? BaselineReport.NewConflict : null,
            Waiver = full ? new WaiverReport("LIB-001", null, "8.4", "analyst", null, 3) { Reason = "Accepted in round 2." } : null,
        };
        var finding = new FindingReport
        {
            Rule = "AGR-001",
            Principle = "cultural-exemption-present",
            Kind = "conflict",
            Basis = [],
            Severity = "medium",
            Parties = ["CAN"],
            Message = "No cultural exemption.",
            Remedy = full ? "Add one." : null,
            Evidence = [],
            Mitigations = [],
            Status = "open",
            Baseline = full ? BaselineReport.ExistingConflict : null,
            Waiver = full ? new WaiverReport("AGR-*", null, "(agreement)", "analyst", "2027-01-31", 5) : null,
        };
        var clause = new ClauseReport
        {
            Id = "8.4",
            Verdict = "conflict",
            PartyVerdicts = full ? new SortedDictionary<string, string>(StringComparer.Ordinal) { ["CAN"] = "mitigated", ["MEX"] = "conflict" } : null,
            Conflicts = [conflict],
            Supports = [new SupportReport("SUP-009", "international-cooperation", "Cooperation.")],
            Candidates = full ? ["public-funding"] : [],
            Reviews = full ? [new ReviewReport("PF-REV", ["public-funding"], "Public aid disciplined on criteria set in an annex the draft does not hold.", ["Annex XII", "Protocol 2"])] : null,
            Diagnostics = [new DiagnosticReport("PR2001", "error", "Expected a string.", 3, 7)],
            Location = full ? new LocationReport(12, 5) : null,
        };
        var document = new DocumentReport
        {
            Path = "drafts/a.json",
            Agreement = full ? new AgreementReport("a", null) { Location = new LocationReport(1, 1) } : null,
            Perspective = full ? "CAN" : null,
            Verdict = "conflict",
            Findings = [finding],
            Clauses = [clause],
            Diagnostics = [],
        };
        var waiver = new WaiverReport("LIB-*", full ? "drafts/a.json" : null, null, "analyst", full ? "2027-01-31" : null, 4) { Reason = full ? "Reviewed." : null };
        return new CheckReport
        {
            Tool = new ToolInfo("policy-check", "1.2.3"),
            Rulebooks =
            [
                new RulebookReport("unesco-2005", "0.2.0", new string('a', 64), 298)
                {
                    Disabled = full ? ["SUP-001"] : null,
                    SeverityOverrides = full ? new SortedDictionary<string, string>(StringComparer.Ordinal) { ["LIB-001"] = "critical" } : null,
                },
            ],
            Run = new RunInfo(new DateTimeOffset(2026, 12, 6, 5, 17, 6, 813, TimeSpan.FromHours(1)).AddTicks(4061), 17295),
            Documents = [document],
            Summary = new SummaryReport
            {
                Documents = 1,
                Clauses = 1,
                Verdicts = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["compliant"] = 0, ["conflict"] = 1 },
                Conflicts = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["high"] = 1 },
            },
            Waivers = full ? new WaiversReport(2, [waiver], [], [waiver]) : null,
            Baseline = full ? new BaselineReport("previous.json", 1, 1, [new BaselineEntry("drafts/a.json", null, "9.1", "LIB-002", "public-funding", "Gone.")]) { NotChecked = 2 } : null,
        };
    }
}
