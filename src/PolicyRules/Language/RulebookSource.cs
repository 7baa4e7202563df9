namespace PolicyRules.Language;

/// <summary>Where a rule file comes from: a file, a stream, or text. Files are read only once their size is checked.</summary>
public sealed class RulebookSource
{
    private readonly Func<long?> _length;
    private readonly Func<string> _read;

    private RulebookSource(string? path, Func<long?> length, Func<string> read)
    {
        Path = path;
        _length = length;
        _read = read;
    }

    /// <summary>The file's path as diagnostics show it, or a name given to text; null when there is none.</summary>
    public string? Path { get; }

    /// <summary>A rule file given as text.</summary>
    public static RulebookSource FromText(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new RulebookSource(path, () => null, () => text);
    }

    /// <summary>A rule file on disk.</summary>
    public static RulebookSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new RulebookSource(path, () => new FileInfo(path).Length, () => File.ReadAllText(path));
    }

    /// <summary>A rule file read from a stream (an embedded resource, say), under a name for diagnostics.</summary>
    public static RulebookSource FromStream(Stream stream, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new RulebookSource(path, () => stream.CanSeek ? stream.Length : null, () =>
        {
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        });
    }

    /// <summary>
    /// A file, or every <c>*.json</c> rule file under a folder (recursively, in ordinal path order),
    /// skipping the <c>schema</c>, <c>tests</c>, <c>lexicons</c> and <c>vocabulary</c> folders that sit beside rules.
    /// </summary>
    public static IReadOnlyList<RulebookSource> FromPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!Directory.Exists(path))
        {
            return [FromFile(path)];
        }

        return Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories)
            .Where(file => !System.IO.Path.GetRelativePath(path, file)
                .Split(System.IO.Path.DirectorySeparatorChar)
                .SkipLast(1)
                .Any(folder => folder is "schema" or "tests" or "lexicons" or "vocabulary"))
            .Order(StringComparer.Ordinal)
            .Select(FromFile)
            .ToArray();
    }

    internal long? Length => _length();

    internal string Read() => _read();
}
