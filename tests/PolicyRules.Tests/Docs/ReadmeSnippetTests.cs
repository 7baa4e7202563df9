using PolicyRules.Domain;
using PolicyRules.Tests.Language;

namespace PolicyRules.Tests.Docs;

/// <summary>
/// The C# snippets of the README, the library package's README and docs/ are the compiled ones of
/// <see cref="ReadmeSnippets"/>, and the engine snippet does what it says.
/// </summary>
public class ReadmeSnippetTests
{
    private static readonly string Compiled = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "PolicyRules.Tests", "Docs", "ReadmeSnippets.cs"));

    [Theory]
    [InlineData("README.md", 4)]
    [InlineData("src/PolicyRules/README.md", 1)]
    [InlineData("docs/RULE-LANGUAGE.md", 1)]
    public void Every_csharp_block_is_compiled_verbatim(string markdown, int blockCount)
    {
        var blocks = CSharpBlocks(File.ReadAllText(Path.Combine(RepositoryFiles.Root, markdown))).ToArray();
        blocks.Should().HaveCount(blockCount);
        var compiledLines = Normalized(Compiled.Split('\n'));
        foreach (var block in blocks)
        {
            var lines = block.Split('\n');
            var usings = lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("using var ", StringComparison.Ordinal))
                .Select(l => l.Split("//")[0].Trim());
            foreach (var line in usings)
            {
                Compiled.Should().Contain(line, "README's usings are the compiled file's");
            }

            var body = Normalized(lines.Where(l => !l.StartsWith("using ", StringComparison.Ordinal) || l.StartsWith("using var ", StringComparison.Ordinal)));
            compiledLines.Should().Contain(body, "the README snippet must be the one that compiles:\n" + body);
        }
    }

    [Fact]
    public void Every_markdown_file_with_csharp_is_listed_above()
    {
        var listed = typeof(ReadmeSnippetTests).GetMethod(nameof(Every_csharp_block_is_compiled_verbatim))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(d => (string)d.GetData(null!).Single()[0]);
        var withCSharp = Directory.EnumerateFiles(RepositoryFiles.Root, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}.", StringComparison.Ordinal)
                && File.ReadAllText(f).Contains("```csharp", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f).Replace('\\', '/'));
        withCSharp.Should().BeEquivalentTo(listed);
    }

    [Fact]
    public void The_engine_snippet_finds_the_one_conflict_it_promises() =>
        ReadmeSnippets.Snippet4().Should().ContainSingle().Which.Subject.Should().BeOfType<Clause>().Which.Id.Should().Be("8.2");

    private static IEnumerable<string> CSharpBlocks(string markdown)
    {
        var at = 0;
        while ((at = markdown.IndexOf("```csharp\n", at, StringComparison.Ordinal)) >= 0)
        {
            var end = markdown.IndexOf("\n```", at + 10, StringComparison.Ordinal);
            yield return markdown[(at + 10)..end];
            at = end + 4;
        }
    }

    private static string Normalized(IEnumerable<string> lines) =>
        string.Join("\n", lines.Select(l => l.Trim()).Where(l => l.Length > 0));
}
