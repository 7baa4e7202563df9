using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace PolicyRules.Cli.Tests;

/// <summary>
/// The README's GitHub Actions workflow, run as written in a fresh repository that holds a folder of
/// briefs: the steps that name this repository's action run the action's own steps
/// (<c>action.yml</c>), <c>run:</c> steps run in bash as a runner runs them, and the SARIF upload gets
/// the file the check wrote. Only what needs GitHub itself (checkout, SDK set-up, the upload) is
/// stood in for.
/// </summary>
[Trait("Category", "Packaging")]
[Collection(PackagingCollection.Name)]
public sealed class WorkflowTests : IDisposable
{
    private const string Action = "policyrules/policyrules@";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("policyrules-workflow-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void The_readme_workflow_checks_a_folder_of_briefs_and_fails_the_job_on_conflicts()
    {
        // What actions/checkout leaves: the analysts' repository, drafts and their waivers side by side.
        var workspace = Directory.CreateDirectory(Path.Combine(_work.FullName, "repository")).FullName;
        var briefs = Directory.CreateDirectory(Path.Combine(workspace, "briefs")).FullName;
        foreach (var draft in Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "src", "PolicyRules.Samples", "drafts"), "*.json"))
        {
            File.Copy(draft, Path.Combine(briefs, Path.GetFileName(draft)));
        }

        File.WriteAllText(Path.Combine(briefs, "waivers.json"), """
            { "waivers": [ { "rule": "DIG-*", "document": "cptpp", "clause": "14.4", "reason": "digital chapter under review", "by": "unit", "expires": "2099-12-31" } ] }
            """);

        var runner = new Runner(Directory.CreateDirectory(Path.Combine(_work.FullName, "runner")).FullName, workspace);
        var steps = Steps(Load(ReadmeWorkflow()), "jobs", "check", "steps");
        var outcomes = new List<(string Step, ProcessResult Result)>();
        var failed = false;
        foreach (var step in steps)
        {
            var name = Scalar(step, "name") ?? Scalar(step, "uses") ?? Scalar(step, "run")!;
            if (failed && Scalar(step, "if") != "always()")
            {
                continue;
            }

            if (Scalar(step, "run") is { } script)
            {
                var result = runner.Bash(script, workspace);
                outcomes.Add((name, result));
                failed |= result.ExitCode != 0;
                continue;
            }

            var uses = Scalar(step, "uses")!;
            if (uses.StartsWith(Action, StringComparison.Ordinal))
            {
                foreach (var actionStep in Steps(Load(File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "action.yml"))), "runs", "steps"))
                {
                    if (Scalar(actionStep, "run") is { } actionScript)
                    {
                        var result = runner.Bash(actionScript, workspace);
                        result.ExitCode.Should().Be(0, $"the action's step should succeed:\n{result.Output}\n{result.Error}");
                    }
                    else
                    {
                        Scalar(actionStep, "uses").Should().StartWith("actions/setup-dotnet@", "the only step the test stands in for is the SDK this machine has");
                    }
                }
            }
            else if (uses.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal))
            {
                var sarif = JObject.Parse(File.ReadAllText(Path.Combine(workspace, Scalar((YamlMappingNode)step.Children["with"], "sarif_file")!)));
                sarif["version"]!.Value<string>().Should().Be("2.1.0");
                sarif.SelectTokens("runs[*].results[*]").Should().NotBeEmpty();
            }
            else
            {
                uses.Should().BeOneOf(["actions/checkout@v4"], "every other step is stood in for above");
            }
        }

        var check = outcomes.Should().ContainSingle(o => o.Step == "Check the briefs").Which.Result;
        check.ExitCode.Should().Be(1, $"AUSFTA commits cultural services with no exemption, so the gate fails as intended:\n{check.Output}\n{check.Error}");
        check.Error.Should().NotContain("PR2002", "the waivers file in the briefs folder is not a draft");
        var sarifText = File.ReadAllText(Path.Combine(workspace, "policy.sarif"));
        sarifText.Should().Contain("\"suppressions\"", "the waiver applies: CPTPP's digital conflicts are reported as suppressed");
        File.ReadAllLines(runner.GitHubPath).Should().ContainSingle("the action puts one folder on the PATH");
    }

    private static string ReadmeWorkflow()
    {
        var readme = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("### In CI (GitHub Actions)", StringComparison.Ordinal)..];
        return Regex.Match(section, "```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline).Groups["yaml"].Value;
    }

    private static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode root, params string[] path)
    {
        YamlNode node = root;
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children[key];
        }

        return ((YamlSequenceNode)node).Children.Cast<YamlMappingNode>();
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? ((YamlScalarNode)value).Value : null;

    /// <summary>What a runner gives a step: RUNNER_TEMP, GITHUB_PATH (read back before each step), bash with -eo pipefail.</summary>
    private sealed class Runner(string folder, string workspace)
    {
        public string GitHubPath { get; } = Touch(Path.Combine(folder, "github_path"));

        public ProcessResult Bash(string script, string directory)
        {
            var scriptFile = Path.Combine(folder, $"step-{Guid.NewGuid():N}.sh");
            File.WriteAllText(scriptFile, script);
            var path = string.Join(Path.PathSeparator, File.ReadAllLines(GitHubPath).Reverse().Append(Environment.GetEnvironmentVariable("PATH")));
            return ProcessRunner.Run("bash", directory, ["--noprofile", "--norc", "-eo", "pipefail", scriptFile], new Dictionary<string, string>
            {
                ["PATH"] = path,
                ["CI"] = "true",
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_WORKSPACE"] = workspace,
                ["GITHUB_ACTION_PATH"] = CliRunner.RepositoryRoot,
                ["GITHUB_PATH"] = GitHubPath,
                ["RUNNER_TEMP"] = Directory.CreateDirectory(Path.Combine(folder, "temp")).FullName,
            });
        }

        private static string Touch(string file)
        {
            File.WriteAllText(file, string.Empty);
            return file;
        }
    }
}
