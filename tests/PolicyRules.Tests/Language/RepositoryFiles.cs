namespace PolicyRules.Tests.Language;

/// <summary>Finds files of this repository (rules/, the schemas) from the test's run folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PolicyRules.sln not found above " + AppContext.BaseDirectory);
    }
}
