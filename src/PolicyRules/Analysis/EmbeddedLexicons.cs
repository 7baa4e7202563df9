namespace PolicyRules.Analysis;

/// <summary>The lexicons the package carries (<c>rules/lexicons/*.json</c>), English first.</summary>
public static class EmbeddedLexicons
{
    private const string Prefix = "PolicyRules.lexicons.";
    private static readonly Lazy<IReadOnlyList<Lexicon>> Loaded = new(Load);

    /// <summary>Every embedded lexicon, English first, then by language code.</summary>
    public static IReadOnlyList<Lexicon> All => Loaded.Value;

    private static IReadOnlyList<Lexicon> Load()
    {
        var assembly = typeof(EmbeddedLexicons).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return LexiconReader.Read(reader, "rules/lexicons/" + n[Prefix.Length..]);
            })
            .OrderBy(l => l.Language == "en" ? 0 : 1)
            .ThenBy(l => l.Language, StringComparer.Ordinal)
            .ToArray();
    }
}
