using Newtonsoft.Json;

namespace PolicyRules.Diagnostics;

/// <summary>
/// What a JSON file Newtonsoft.Json could not read tells its author: where reading stopped, and why
/// in the library's first sentence (without the JSON path it appends). An empty file says so at its
/// first line: the library would say "Error reading JToken from JsonReader" at line 0.
/// </summary>
internal static class JsonReadFailure
{
    public static (SourceSpan At, string Reason) Of(JsonReaderException exception, string text, string? file)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (new SourceSpan(file, 1, 1), "The file is empty.");
        }

        var message = exception.Message;
        var path = message.IndexOf(" Path '", StringComparison.Ordinal);
        return (new SourceSpan(file, Math.Max(1, exception.LineNumber), Math.Max(1, exception.LinePosition)), path > 0 ? message[..path] : message);
    }
}
