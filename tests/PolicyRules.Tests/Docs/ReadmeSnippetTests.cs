using PolicyRules.Domain;
using PolicyRules.Tests.Language;

namespace PolicyRules.Tests.Docs;

/// <summary>The README's C# snippets are the compiled ones of <see cref="ReadmeSnippets"/>, and the engine snippet does what it says.</summary>
public class ReadmeSnippetTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));
    private static readonly string Compiled = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "PolicyRules.Tests", "Docs", "ReadmeSnippets.cs"));

    [Fact]
    public void Every_csharp_block_of_the_readme_is_compiled_verbatim()
    {
        var blocks = CSharpBlocks(Readme).ToArray();
        blocks.Should().HaveCount(4);
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
