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
        return new RulebookSource(path, () => new FileInfo(path).Length, () => ReadText(File.OpenRead(path)));
    }

    /// <summary>A rule file read from a stream (an embedded resource, say), under a name for diagnostics.</summary>
    public static RulebookSource FromStream(Stream stream, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new RulebookSource(path, () => stream.CanSeek ? stream.Length : null, () => ReadText(stream));
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

    /// <summary>
    /// The stream's text, as a <see cref="StreamReader"/> reads it (UTF-8 unless a byte order mark
    /// says otherwise). A stream of known length is decoded from its bytes in one piece: a reader
    /// builds the text chunk by chunk and copies it once more, a megabyte of garbage for the shipped
    /// rule file, collected while the checker starts.
    /// </summary>
    private static string ReadText(Stream stream)
    {
        byte[] bytes;
        using (stream)
        {
            var remaining = stream.CanSeek ? stream.Length - stream.Position : -1;
            if (remaining is < 0 or > int.MaxValue)
            {
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }

            bytes = new byte[remaining];
            stream.ReadExactly(bytes);
        }

        ReadOnlySpan<byte> utf8Bom = [0xEF, 0xBB, 0xBF];
        if (bytes.AsSpan().StartsWith(utf8Bom))
        {
            return System.Text.Encoding.UTF8.GetString(bytes, utf8Bom.Length, bytes.Length - utf8Bom.Length);
        }

        ReadOnlySpan<byte> utf32BigEndianBom = [0x00, 0x00, 0xFE, 0xFF];
        if ((bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFE, 0xFF) or (0xFF, 0xFE)) || bytes.AsSpan().StartsWith(utf32BigEndianBom))
        {
            // UTF-16 or UTF-32 by its byte order mark: the reader tells them apart.
            using var reader = new StreamReader(new MemoryStream(bytes));
            return reader.ReadToEnd();
        }

        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    internal string Read() => _read();
}
