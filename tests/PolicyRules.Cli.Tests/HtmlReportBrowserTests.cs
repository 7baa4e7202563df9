using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using PolicyRules.Checking.Report;
using PuppeteerSharp;

namespace PolicyRules.Cli.Tests;

/// <summary>The Chromium of the machine (Debian's package, which .ci/run installs where missing), started once for the browser tests.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public static string? Executable { get; } =
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Executable is not null)
        {
            Browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                Headless = true,
                ExecutablePath = Executable,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            });
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
    }
}

/// <summary>A test that needs Chromium (and, if asked, the corpus of ../shared); skipped, saying which is missing.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>The ToTA corpus beside the repository, present in development and CI, absent in a fresh clone.</summary>
    public static string Corpus { get; } = Path.GetFullPath(Path.Combine(CliRunner.RepositoryRoot, "..", "shared", "corpus", "tota", "xml"));

    /// <summary>Whether the test reads the corpus.</summary>
    public bool NeedsCorpus { get; set; }

    public override string Skip
    {
        get => Chromium.Executable is null ? "No Chromium found (/usr/bin/chromium, or CHROMIUM_PATH); .ci/run installs Debian's chromium package."
            : NeedsCorpus && !Directory.Exists(Corpus) ? "../shared/corpus/tota is not beside this repository (a fresh clone)."
            : base.Skip;
        set => base.Skip = value;
    }
}

/// <summary>
/// The HTML report as an analyst opens it: rendered by a real browser, with nothing fetched from the
/// network; its heat map agrees with the JSON report; its links land; its filters filter.
/// Screenshots are kept in TestResults/html-report/.
/// </summary>
public sealed class HtmlReportBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policy-html-").FullName;
    private static readonly string Artefacts = Path.Combine(CliRunner.RepositoryRoot, "TestResults", "html-report");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [ChromiumFact]
    public async Task The_report_of_the_bundled_drafts_renders_offline_and_its_heat_map_matches_the_json_report()
    {
        var drafts = Path.Combine(CliRunner.RepositoryRoot, "src", "PolicyRules.Samples", "drafts");
        var (html, json) = Reports(drafts);

        var (page, requests) = await Open(html);

        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('section.document').length")).Should().Be(json["documents"]!.Count());
        (await HeatMap(page)).Should().Equal(ExpectedHeatMap(json));
        (await page.EvaluateExpressionAsync<string[]>(
            "Array.from(document.querySelectorAll('a[href^=\"#\"]')).map(a => a.getAttribute('href')).filter(h => !document.getElementById(h.slice(1)))"))
            .Should().BeEmpty("every link of the page lands on a clause");
        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('dd a[href^=\"#\"]').length")).Should().BeGreaterThan(0, "mitigations link to the mitigating clause");
        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('p.text mark').length")).Should().BeGreaterThan(0, "evidence spans are highlighted in the clause text");
        requests.Should().OnlyContain(url => url.StartsWith("file://", StringComparison.Ordinal), "the page fetches nothing from the network");
        await Screenshot(page, "bundled-drafts.png");
    }

    [ChromiumFact]
    public async Task Filters_show_only_the_conflicts_asked_for_and_the_clauses_that_hold_them()
    {
        var drafts = Path.Combine(CliRunner.RepositoryRoot, "src", "PolicyRules.Samples", "drafts");
        var (html, json) = Reports(drafts);
        var conflicts = json["documents"]!.SelectMany(d => d["findings"]!.Where(f => (string?)f["kind"] == "conflict").Concat(d["clauses"]!.SelectMany(c => c["conflicts"]!))).ToArray();

        var (page, _) = await Open(html);
        await page.SelectAsync("select[name=severity]", "high");
        var high = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('.conflict:not(.hidden)').length");
        await page.SelectAsync("select[name=status]", "mitigated");
        var highMitigated = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('.conflict:not(.hidden)').length");
        var clausesShown = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('article.clause:not(.hidden)').length");
        await page.ClickAsync("#filters button");
        var all = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('.conflict:not(.hidden)').length");

        high.Should().Be(conflicts.Count(c => (string?)c["severity"] == "high")).And.BeGreaterThan(0);
        highMitigated.Should().Be(conflicts.Count(c => (string?)c["severity"] == "high" && (string?)c["status"] == "mitigated"));
        clausesShown.Should().BeLessThan(json["summary"]!["clauses"]!.Value<int>());
        all.Should().Be(conflicts.Length);
    }

    [ChromiumFact(NeedsCorpus = true)]
    public async Task The_largest_agreement_of_the_corpus_renders_with_a_heat_map_that_matches_its_report()
    {
        var largest = Directory.GetFiles(ChromiumFactAttribute.Corpus, "*.xml").MaxBy(f => XDocument.Load(f).Descendants("article").Count())!;
        var (html, json) = Reports(largest);

        var (page, requests) = await Open(html);

        var clauses = json["documents"]![0]!["clauses"]!.Count();
        clauses.Should().BeGreaterThan(400);
        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('article.clause[data-verdict]').length")).Should().Be(clauses);
        (await HeatMap(page)).Should().Equal(ExpectedHeatMap(json));
        requests.Should().OnlyContain(url => url.StartsWith("file://", StringComparison.Ordinal));
        await Screenshot(page, "largest-corpus-agreement.png");
    }

    private (string Html, JObject Json) Reports(string input)
    {
        var environment = new CliEnvironment { WorkingDirectory = _folder, Today = new DateOnly(2025, 6, 1) };
        var html = Path.Combine(_folder, "report.html");
        var htmlRun = CliRunner.Run(environment, "check", input, "--format", "html", "-o", html, "--quiet");
        var jsonRun = CliRunner.Run(environment, "check", input, "--format", "json", "--quiet");
        htmlRun.ExitCode.Should().NotBe(ExitCodes.Error, htmlRun.Error);
        return (html, JObject.Parse(jsonRun.Output));
    }

    /// <summary>Opens the page; the list collects the address of every request it makes.</summary>
    private async Task<(IPage Page, List<string> Requests)> Open(string html)
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 1000 });
        var requests = new List<string>();
        page.Request += (_, e) => { lock (requests) { requests.Add(e.Request.Url); } };
        var response = await page.GoToAsync(new Uri(html).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
        response.Ok.Should().BeTrue();
        return (page, requests);
    }

    /// <summary>Per document, the heat map's cells by worst status: "d1 open 3".</summary>
    private static async Task<List<string>> HeatMap(IPage page) =>
        [.. (await page.EvaluateExpressionAsync<string[]>("""
            Array.from(document.querySelectorAll('section.document')).flatMap((s, i) => {
              const n = {};
              s.querySelectorAll('table.heatmap td[class^="s-"]').forEach(td => { const k = td.className.slice(2); n[k] = (n[k] || 0) + 1; });
              return Object.keys(n).sort().map(k => `d${i + 1} ${k} ${n[k]}`);
            })
            """)).Order(StringComparer.Ordinal)];

    /// <summary>The same, from the JSON report: one cell per principle and clause (or the agreement), its worst status.</summary>
    private static List<string> ExpectedHeatMap(JObject json) =>
        [.. json["documents"]!.SelectMany((d, i) =>
        {
            var cells = new Dictionary<(string, string), List<string>>();
            void Add(string principle, string where, string status) =>
                (cells.TryGetValue((principle, where), out var l) ? l : cells[(principle, where)] = []).Add(status);
            foreach (var f in d["findings"]!.Where(f => (string?)f["kind"] == "conflict"))
            {
                Add((string)f["principle"]!, "(agreement)", (string)f["status"]!);
            }

            foreach (var c in d["clauses"]!)
            {
                foreach (var k in c["conflicts"]!)
                {
                    Add((string)k["principle"]!, (string)c["id"]!, (string)k["status"]!);
                }

                foreach (var s in c["supports"]!)
                {
                    Add((string)s["principle"]!, (string)c["id"]!, "supports");
                }
            }

            return cells.Values
                .Select(statuses => statuses.Where(s => s != "supports").OrderBy(ConflictStatus.Rank).FirstOrDefault() ?? "supports")
                .GroupBy(s => s)
                .Select(g => $"d{i + 1} {g.Key} {g.Count()}");
        }).Order(StringComparer.Ordinal)];

    private static async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(Artefacts);
        var path = Path.Combine(Artefacts, name);
        await page.ScreenshotAsync(path, new ScreenshotOptions { FullPage = false });
        new FileInfo(path).Length.Should().BeGreaterThan(10_000, "a rendered page, not a blank one");
    }
}
