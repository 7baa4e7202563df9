using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyRules.Diagnostics;

namespace PolicyRules.Checking.Waivers;

/// <summary>
/// Reads waiver files: <c>{ "waivers": [ { "rule": "LIB-001", "document": "ausfta", "clause": "10.4",
/// "reason": "…", "by": "…", "expires": "2026-06-30" } ] }</c> (a bare list of waivers is accepted too).
/// <c>rule</c>, <c>reason</c> and <c>by</c> are required; <c>document</c>, <c>clause</c> and <c>expires</c> are optional.
/// </summary>
public static class WaiverFile
{
    private static readonly HashSet<string> Fields = ["rule", "document", "clause", "reason", "by", "expires"];

    /// <summary>Reads a waiver file; problems come back as diagnostics (errors make the file unusable).</summary>
    public static (IReadOnlyList<Waiver> Waivers, IReadOnlyList<Diagnostic> Diagnostics) Load(string path, string? displayPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var shown = displayPath ?? path;
        try
        {
            return Parse(File.ReadAllText(path), shown);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], [new Diagnostic(WaiverDiagnosticCodes.Unreadable, DiagnosticSeverity.Error, $"Cannot read the waiver file: {ex.Message}", shown, 0, 0)]);
        }
    }

    /// <summary>Reads waivers given as text.</summary>
    public static (IReadOnlyList<Waiver> Waivers, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        JToken root;
        try
        {
            root = JToken.Parse(text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, CommentHandling = CommentHandling.Ignore });
        }
        catch (JsonReaderException ex)
        {
            var (at, reason) = JsonReadFailure.Of(ex, text, path);
            diagnostics.Add(new Diagnostic(WaiverDiagnosticCodes.Malformed, DiagnosticSeverity.Error, $"Malformed waiver file: {reason}", path, at.Line, at.Column));
            return ([], diagnostics);
        }

        var list = root switch
        {
            JArray array => array,
            JObject { } obj when obj["waivers"] is JArray array => array,
            _ => null,
        };
        if (list is null)
        {
            diagnostics.Add(Error(WaiverDiagnosticCodes.Malformed, root, path, "A waiver file is an object with a list of 'waivers'."));
            return ([], diagnostics);
        }

        var waivers = new List<Waiver>();
        foreach (var item in list)
        {
            if (item is not JObject w)
            {
                diagnostics.Add(Error(WaiverDiagnosticCodes.InvalidWaiver, item, path, "A waiver is an object with 'rule', 'reason' and 'by'."));
                continue;
            }

            var before = diagnostics.Count;
            var rule = Text(w, "rule", required: true, path, diagnostics);
            var reason = Text(w, "reason", required: true, path, diagnostics);
            var by = Text(w, "by", required: true, path, diagnostics);
            var document = Text(w, "document", required: false, path, diagnostics);
            var clause = Text(w, "clause", required: false, path, diagnostics);
            var expiresText = Text(w, "expires", required: false, path, diagnostics);
            DateOnly? expires = null;
            if (expiresText is not null)
            {
                if (DateOnly.TryParseExact(expiresText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    expires = date;
                }
                else
                {
                    diagnostics.Add(Error(WaiverDiagnosticCodes.InvalidWaiver, w["expires"]!, path, $"'expires' must be a date such as 2026-12-31, not '{expiresText}'."));
                }
            }

            foreach (var unknown in w.Properties().Where(p => !Fields.Contains(p.Name) && !p.Name.StartsWith('$')))
            {
                diagnostics.Add(At(unknown, path, WaiverDiagnosticCodes.InvalidWaiver, DiagnosticSeverity.Warning, $"Unknown waiver field '{unknown.Name}' is ignored.{Suggestions.DidYouMean(unknown.Name, Fields)} Fields: {string.Join(", ", Fields)}."));
            }

            if (diagnostics.Skip(before).Any(d => d.IsError))
            {
                continue;
            }

            var at = SourceSpan.Of(w, path);
            waivers.Add(new Waiver(rule!, document, clause, reason!, by!, expires, at.Line, at.Column));
        }

        return (waivers, diagnostics);
    }

    private static string? Text(JObject obj, string name, bool required, string? path, List<Diagnostic> diagnostics)
    {
        var token = obj[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required)
            {
                diagnostics.Add(Error(WaiverDiagnosticCodes.InvalidWaiver, obj, path, $"Missing required field '{name}'."));
            }

            return null;
        }

        if (token.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)token))
        {
            diagnostics.Add(Error(WaiverDiagnosticCodes.InvalidWaiver, token, path, $"'{name}' must be a non-empty string."));
            return null;
        }

        return (string)token!;
    }

    private static Diagnostic Error(string code, JToken token, string? path, string message) =>
        At(token, path, code, DiagnosticSeverity.Error, message);

    // Where the token starts: a field at its name, a value at its first character.
    private static Diagnostic At(JToken token, string? path, string code, DiagnosticSeverity severity, string message)
    {
        var at = SourceSpan.Of(token, path);
        return new Diagnostic(code, severity, message, path, at.Line, at.Column);
    }
}
