using Newtonsoft.Json;

namespace PolicyRules.Diagnostics;

/// <summary>
/// What a JSON file Newtonsoft.Json could not read tells its author: where reading stopped, and why
/// in the library's first sentence (without the JSON path it appends). An empty file says so at its
/// first line: the library would say "Error reading JToken from JsonReader" at line 0. A file holds
/// one document: text after it is found where it starts (<see cref="TextAfterEnd"/>).
/// </summary>
internal static class JsonReadFailure
{
    // Messages that name what could not be read, and whether the text quotes it.
    private static readonly (string Prefix, bool Quoted)[] Named = [("Property with the name '", true), ("Input string '", false)];

    public static (SourceSpan At, string Reason) Of(JsonReaderException exception, string text, string? file)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (new SourceSpan(file, 1, 1), "The file is empty.");
        }

        var line = Math.Max(1, exception.LineNumber);
        return (new SourceSpan(file, line, Column(exception, LineOf(text, line))), Reason(exception));
    }

    /// <summary>
    /// The column of what stopped the reader. Newtonsoft.Json gives how many characters of the line
    /// it had read, so what it could not read is the next one (or the end of the line). A repeated
    /// property and a number it could not parse are found where they start, not after them.
    /// </summary>
    private static int Column(JsonReaderException exception, string line)
    {
        var read = Math.Clamp(exception.LinePosition, 0, line.Length);
        foreach (var (prefix, quoted) in Named)
        {
            if (exception.Message.StartsWith(prefix, StringComparison.Ordinal)
                && exception.Message.IndexOf('\'', prefix.Length) is var end and > 0
                && exception.Message[prefix.Length..end] is { Length: > 0 } token
                && line.LastIndexOf(quoted ? $"\"{token}\"" : token, Math.Max(0, read - 1), StringComparison.Ordinal) is var start and >= 0)
            {
                return start + 1;
            }
        }

        return read + 1;
    }

    private static string LineOf(string text, int line)
    {
        var start = 0;
        for (var i = 1; i < line && start >= 0; i++)
        {
            start = text.IndexOf('\n', start) is var next and >= 0 ? next + 1 : -1;
        }

        if (start < 0)
        {
            return "";
        }

        var stop = text.IndexOf('\n', start);
        return text[start..(stop < 0 ? text.Length : stop)].TrimEnd('\r');
    }

    // What the parser's words usually mean for a person writing JSON by hand.
    private static readonly (string Prefix, string Hint)[] Hints =
    [
        ("After parsing a value an unexpected character was encountered", "A comma may be missing between this value and the one before it."),
        ("Invalid character after parsing property name", "A ':' may be missing after the property name."),
        ("Unexpected end", "An object or a list is not closed: a '}' or ']' may be missing."),
        ("Unexpected character encountered while parsing value", "Text goes in double quotes."),
        ("Invalid property identifier character", "Property names go in double quotes."),
    ];

    /// <summary>
    /// Newtonsoft.Json's first sentence, without the JSON path (and position) it appends, and what it
    /// usually means to someone writing JSON by hand (a missing comma, an unclosed object).
    /// </summary>
    public static string Reason(JsonException exception)
    {
        var message = exception.Message;
        var path = message.IndexOf(" Path '", StringComparison.Ordinal);
        var reason = path > 0 ? message[..path] : message;
        return Hints.FirstOrDefault(h => reason.StartsWith(h.Prefix, StringComparison.Ordinal)).Hint is { } hint ? $"{reason.TrimEnd()} {hint}" : reason;
    }

    /// <summary>
    /// Where anything but comments and white space follows the document <paramref name="reader"/>
    /// has just read from <paramref name="text"/>, or null: a second document pasted below the first
    /// would otherwise be dropped without a word.
    /// </summary>
    public static SourceSpan? TextAfterEnd(JsonTextReader reader, string text, string? file)
    {
        var (endLine, endColumn) = (reader.LineNumber, reader.LinePosition);
        int line;
        try
        {
            do
            {
                if (!reader.Read())
                {
                    return null;
                }
            }
            while (reader.TokenType == JsonToken.Comment);
            line = reader.LineNumber;
        }
        catch (JsonReaderException ex)
        {
            line = ex.LineNumber;
        }

        // The reader knows the line of what follows, not reliably its column: the first character
        // there that is not white space (after the document's own end, on the line where it ends).
        var lines = text.Split('\n');
        var content = line >= 1 && line <= lines.Length ? lines[line - 1] : "";
        var column = line == endLine ? endColumn : 0;
        while (column < content.Length && char.IsWhiteSpace(content[column]))
        {
            column++;
        }

        return new SourceSpan(file, line, column + 1);
    }
}
