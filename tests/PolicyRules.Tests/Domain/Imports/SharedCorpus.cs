using PolicyRules.Tests.Language;

namespace PolicyRules.Tests.Domain.Imports;

/// <summary>The ToTA corpus of ../shared, present beside the repository in development and CI, absent in a fresh clone.</summary>
internal static class SharedCorpus
{
    public static string Xml { get; } = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "..", "shared", "corpus", "tota", "xml"));

    public static bool Present => Directory.Exists(Xml);
}

/// <summary>A fact that needs ../shared/corpus; skipped, saying so, where it is absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!SharedCorpus.Present)
        {
            Skip = "../shared/corpus/tota is not beside this repository (a fresh clone).";
        }
    }
}
