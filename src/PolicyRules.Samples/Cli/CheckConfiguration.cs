using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyRules.Diagnostics;
using PolicyRules.Reporting;

namespace PolicyRules.Cli;

/// <summary>
/// <c>policy-check.json</c>: what a repository always passes to <c>check</c> (rules, the rules it
/// disables and the severities it gives, waivers, baseline, fail-on, perspective, strict, the drafts
/// to include and exclude), found from the working folder up,
/// like <c>conftest.toml</c>. Paths in it are relative to its folder; the command line wins over it.
/// </summary>
internal sealed record CheckConfiguration(
    string File,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<string> Rules,
    string? Waivers,
    string? Baseline,
    string? FailOn,
    string? Perspective,
    bool? Strict)
{
    /// <summary>Rules of the rulebooks in force that the repository switches off.</summary>
    public IReadOnlyList<string> Disable { get; init; } = [];

    /// <summary>Severities the repository gives rules in place of their own (rule id → severity).</summary>
    public IReadOnlyDictionary<string, string> Severities { get; init; } = new Dictionary<string, string>();

    public const string FileName = "policy-check.json";

    private static readonly string[] Fields = ["$schema", "include", "exclude", "rules", "disable", "severities", "waivers", "baseline", "failOn", "perspective", "strict"];

    /// <summary>The configuration file nearest the working folder (it or one of its parents), or null.</summary>
    public static string? Find(string workingDirectory)
    {
        for (var folder = new DirectoryInfo(workingDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, FileName);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads a configuration file; problems come back as diagnostics (PR6xxx) and a null configuration.</summary>
    public static (CheckConfiguration? Configuration, IReadOnlyList<Diagnostic> Diagnostics) Load(string file, string display, CliEnvironment environment)
    {
        var diagnostics = new List<Diagnostic>();
        void Error(string code, SourceSpan at, string message) => diagnostics.Add(new Diagnostic(code, DiagnosticSeverity.Error, message, at.File, at.Line, at.Column));
        JObject root;
        string text = "";
        try
        {
            text = System.IO.File.ReadAllText(file);
            root = JObject.Parse(text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        }
        catch (JsonReaderException) when (string.IsNullOrWhiteSpace(text))
        {
            // Newtonsoft.Json would say "Error reading JObject from JsonReader" at line 0.
            Error(ConfigDiagnosticCodes.Malformed, new SourceSpan(display, 1, 1), "Malformed JSON: The file is empty.");
            return (null, diagnostics);
        }
        catch (JsonReaderException ex)
        {
            Error(ConfigDiagnosticCodes.Malformed, new SourceSpan(display, ex.LineNumber, ex.LinePosition), $"Malformed JSON: {ex.Message.Split(" Path '")[0]}");
            return (null, diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Error(ConfigDiagnosticCodes.Malformed, new SourceSpan(display, 0, 0), $"Cannot read the configuration: {ex.Message}");
            return (null, diagnostics);
        }

        foreach (var property in root.Properties().Where(p => !Fields.Contains(p.Name)))
        {
            Error(ConfigDiagnosticCodes.UnknownField, SourceSpan.Of(property, display), $"Unknown field '{property.Name}'.{Suggestions.DidYouMean(property.Name, Fields)} Fields: {string.Join(", ", Fields.Skip(1))}.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        string Local(string path) => Path.GetRelativePath(environment.WorkingDirectory, Path.GetFullPath(path, folder)).Replace('\\', '/');

        string[] Strings(string name, bool paths)
        {
            var token = root[name];
            if (token is null or { Type: JTokenType.Null })
            {
                return [];
            }

            var items = token is JArray list ? list.ToArray() : [token];
            if (items.Any(i => i.Type != JTokenType.String))
            {
                Error(ConfigDiagnosticCodes.InvalidValue, SourceSpan.Of(token, display), paths ? $"'{name}' is a path or a list of paths." : $"'{name}' is a string or a list of strings.");
                return [];
            }

            return items.Select(i => paths ? Local((string)i!) : (string)i!).ToArray();
        }

        string? Text(string name, bool path, IReadOnlyCollection<string>? allowed = null)
        {
            var token = root[name];
            if (token is null or { Type: JTokenType.Null })
            {
                return null;
            }

            if (token.Type != JTokenType.String || (allowed is not null && !allowed.Contains((string)token!)))
            {
                var expected = allowed is null ? "a string" : string.Join(", ", allowed);
                Error(ConfigDiagnosticCodes.InvalidValue, SourceSpan.Of(token, display), $"'{name}' is {expected}, not {token.ToString(Formatting.None)}.");
                return null;
            }

            return path ? Local((string)token!) : (string)token!;
        }

        bool? strict = null;
        if (root["strict"] is { } strictToken)
        {
            if (strictToken.Type == JTokenType.Boolean)
            {
                strict = (bool)strictToken;
            }
            else
            {
                Error(ConfigDiagnosticCodes.InvalidValue, SourceSpan.Of(strictToken, display), "'strict' is true or false.");
            }
        }

        // Rule ids and severities are checked against the rulebooks when the checker is built.
        var severities = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root["severities"] is { Type: not JTokenType.Null } severitiesToken)
        {
            if (severitiesToken is JObject byRule && byRule.Properties().All(p => p.Value.Type == JTokenType.String))
            {
                foreach (var property in byRule.Properties())
                {
                    severities[property.Name] = (string)property.Value!;
                }
            }
            else
            {
                Error(ConfigDiagnosticCodes.InvalidValue, SourceSpan.Of(severitiesToken, display), "'severities' maps rule ids to severities, such as { \"LIB-001\": \"critical\" }.");
            }
        }

        // Include patterns and folders are paths; exclude patterns match the paths the report shows, so they stay as written.
        var configuration = new CheckConfiguration(
            display,
            Strings("include", paths: true),
            Strings("exclude", paths: false),
            Strings("rules", paths: true),
            Text("waivers", path: true),
            Text("baseline", path: true),
            Text("failOn", path: false, [.. FailThreshold.Values]),
            Text("perspective", path: false),
            strict)
        {
            Disable = Strings("disable", paths: false),
            Severities = severities,
        };
        return (diagnostics.Count == 0 ? configuration : null, diagnostics);
    }
}

/// <summary>The diagnostic codes of <c>policy-check.json</c> (PR6xxx).</summary>
internal static class ConfigDiagnosticCodes
{
    /// <summary>The file is not well-formed JSON, or cannot be read.</summary>
    public const string Malformed = "PR6001";

    /// <summary>A field the configuration does not have (with a suggestion).</summary>
    public const string UnknownField = "PR6002";

    /// <summary>A field holds a value of the wrong kind, or out of its vocabulary.</summary>
    public const string InvalidValue = "PR6003";
}
