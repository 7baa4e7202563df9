using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyRules.Diagnostics;

namespace PolicyRules.Domain.Drafts;

/// <summary>
/// Reads drafts in the format of DRAFT-FORMAT.md into facts. A problem in one clause makes that
/// clause unreadable (reported with its diagnostics) and leaves the others to be checked; fields
/// beyond the contract are kept as attributes.
/// </summary>
public sealed partial class DraftReader
{
    private static readonly HashSet<string> ClauseFields =
    [
        "id", "chapter", "article", "title", "text", "kind", "strength", "obligations", "sectors", "modes",
        "measureTypes", "commitmentLevel", "parties", "exceptions", "definitionRef", "temporal",
        "disputeSettlement", "conventionReference", "refersTo",
    ];

    /// <summary>The largest draft read, in bytes. Default 16 MiB.</summary>
    public long MaxFileBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>When set, the party assessed in every draft read, in place of the draft's own <c>perspective</c>.</summary>
    public string? Perspective { get; init; }

    /// <summary>The vocabulary values are checked against. Default: the one that ships with the library.</summary>
    public DraftVocabulary Vocabulary { get; init; } = DraftVocabulary.Default;

    /// <summary>
    /// When true, unknown values (PR2008) and misspelt fields (PR2009) are errors, which make their
    /// clause unreadable, rather than warnings.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>Reads a draft file.</summary>
    public Draft ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var start = new SourceSpan(path, 0, 0);
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                return Unreadable(path, DraftDiagnosticCodes.FileTooLarge, start, $"The draft is {length:N0} bytes; the limit is {MaxFileBytes:N0}.");
            }

            var text = TextDecoding.Decode(File.ReadAllBytes(path), out var legacy);
            var draft = Read(text, path);
            return legacy
                ? new Draft(draft.Path, draft.Agreement, draft.Perspective, draft.Clauses, [new Diagnostic(DraftDiagnosticCodes.NotUtf8, DiagnosticSeverity.Warning, TextDecoding.LegacyMessage, path, 1, 1), .. draft.Diagnostics], draft.AgreementLocation)
                : draft;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, DraftDiagnosticCodes.UnreadableFile, start, $"Cannot read the draft: {ex.Message}");
        }
    }

    /// <summary>Reads a draft from a stream (standard input, say).</summary>
    public Draft Read(Stream stream, string? path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        return Read(reader.ReadToEnd(), path);
    }

    /// <summary>Reads a draft given as text.</summary>
    public Draft Read(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Encoding.UTF8.GetByteCount(text) > MaxFileBytes)
        {
            return Unreadable(path, DraftDiagnosticCodes.FileTooLarge, new SourceSpan(path, 1, 1), $"The draft is larger than {MaxFileBytes:N0} bytes.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Unreadable(path, DraftDiagnosticCodes.MalformedJson, new SourceSpan(path, 1, 1), $"The draft is empty: {DraftShape}");
        }

        JToken root;
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
        try
        {
            root = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            });
        }
        catch (JsonReaderException ex)
        {
            var (at, reason) = JsonReadFailure.Of(ex, text, path);
            return Unreadable(path, DraftDiagnosticCodes.MalformedJson, at, $"Malformed JSON: {reason}");
        }

        if (JsonReadFailure.TextAfterEnd(reader, text, path) is { } after)
        {
            return Unreadable(path, DraftDiagnosticCodes.MalformedJson, after, $"Malformed JSON: text after the end of the draft. A file holds one draft: {DraftShape}");
        }

        return new Reading(path, Perspective, Vocabulary, Strict).Draft(root);
    }

    /// <summary>
    /// Reads a draft a tool holds in memory: an agreement and its clauses as objects, checked as a
    /// draft file is (required fields, the vocabulary, unique clause ids, the perspective among the
    /// parties) and returned with the same diagnostics, each without a line. The draft's perspective
    /// is <see cref="Agreement.Perspective"/> (or this reader's <see cref="Perspective"/>); each
    /// clause's <see cref="Clause.AgreementId"/> and its exceptions' ids are the agreement's and the
    /// clause's own. Attributes are read as a file's extra fields: one named as a field of the format
    /// is read as that field unless the typed property is set.
    /// </summary>
    /// <param name="agreement">The agreement.</param>
    /// <param name="clauses">Its clauses, in draft order.</param>
    /// <param name="path">What reports call the draft (its path, say); null for none.</param>
    /// <returns>The draft, whose clauses that could not be read carry their diagnostics.</returns>
    public Draft Read(Agreement agreement, IEnumerable<Clause> clauses, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(clauses);
        return new Reading(path, Perspective, Vocabulary, Strict).Draft(DraftJson.Of(agreement, clauses));
    }

    private const string DraftShape = "a draft is a JSON object with 'agreement' and 'clauses'.";

    /// <summary>
    /// Reads a draft built in memory by an importer: its diagnostics come first, and the positions of
    /// its parts are the <see cref="SourceLine"/> annotations they carry (a line of the source text).
    /// </summary>
    internal Draft ReadBuilt(JObject root, string? path, IEnumerable<Diagnostic> preceding)
    {
        var reading = new Reading(path, Perspective, Vocabulary, Strict);
        foreach (var diagnostic in preceding)
        {
            reading.Add(diagnostic);
        }

        return reading.Draft(root);
    }

    /// <summary>A draft that could not be read at all, with the diagnostic that says why.</summary>
    internal static Draft Unreadable(string? path, IReadOnlyList<Diagnostic> diagnostics) =>
        new(path, null, null, [], diagnostics);

    private static Draft Unreadable(string? path, string code, SourceSpan at, string message)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.Error(code, at, message);
        return new Draft(path, null, null, [], diagnostics.Items);
    }

    /// <summary>The state of reading one draft: where diagnostics go, draft-level or clause-level.</summary>
    private sealed class Reading(string? path, string? perspectiveOverride, DraftVocabulary vocabulary, bool strict)
    {
        private static readonly string[] DraftFields = ["agreement", "perspective", "clauses"];
        private static readonly string[] AgreementFields = ["id", "name", "type", "signed", "parties"];
        private static readonly string[] PartyFields = ["code", "status"];
        private static readonly string[] ExceptionFields = ["type", "ref", "parties", "sectors", "obligationsCovered", "chapters", "exceptProvisions", "countsAsCulturalMitigation"];
        private static readonly string[] TemporalFields = ["permanent", "expiry", "reviewClause", "transition"];
        private static readonly string[] DisputeFields = ["stateState", "isds", "nonViolation", "excludedForThisClause"];

        private readonly DiagnosticBag _draft = new();

        public void Add(Diagnostic diagnostic) => _draft.Add(diagnostic.Code, diagnostic.Severity, new SourceSpan(diagnostic.File, diagnostic.Line, diagnostic.Column), diagnostic.Message);

        public Draft Draft(JToken root)
        {
            if (root is not JObject obj)
            {
                _draft.Error(DraftDiagnosticCodes.InvalidValue, At(root), "A draft is a JSON object with 'agreement' and 'clauses'.");
                return new Draft(path, null, null, [], _draft.Items);
            }

            var agreementToken = Required(obj, "agreement", _draft) as JObject;
            if (obj["agreement"] is { } a && a is not JObject)
            {
                _draft.Error(DraftDiagnosticCodes.InvalidValue, At(a), "'agreement' must be an object with 'id' and 'parties'.");
            }

            MisspeltFields(obj);
            var perspective = perspectiveOverride
                ?? (obj["perspective"] is { Type: not JTokenType.Null } p ? Text(p, "perspective", _draft) : null);
            var agreement = agreementToken is null ? null : Agreement(agreementToken, perspective);
            if (agreement is not null && perspective is not null && !agreement.Parties.Any(party => party.Code == perspective))
            {
                // A perspective asked for in place of the draft's own is not the draft's mistake: it is reported at the parties it is not among.
                var at = perspectiveOverride is null && obj["perspective"] is { } written ? At(written) : At(agreementToken!["parties"] ?? agreementToken);
                var asked = perspectiveOverride is null ? "" : " asked for in place of the draft's own";
                _draft.Error(DraftDiagnosticCodes.UnknownPerspective, at, $"The perspective '{perspective}'{asked} is not a party of the agreement ({string.Join(", ", agreement.PartyCodes)}).");
            }

            var clauses = new List<DraftClause>();
            if (Required(obj, "clauses", _draft) is { } clausesToken)
            {
                if (clausesToken is JArray array)
                {
                    var ids = new HashSet<string>(StringComparer.Ordinal);
                    for (var i = 0; i < array.Count; i++)
                    {
                        clauses.Add(Clause(array[i], i, agreement?.Id ?? "", ids));
                    }
                }
                else
                {
                    _draft.Error(DraftDiagnosticCodes.InvalidValue, At(clausesToken), "'clauses' must be a list of clauses.");
                }
            }

            return new Draft(path, agreement, perspective, clauses, _draft.Items, agreementToken is null ? default : At(agreementToken));
        }

        private Agreement? Agreement(JObject obj, string? perspective)
        {
            var id = Text(Required(obj, "id", _draft), "id", _draft);
            if (id is not null && id.Trim().Length == 0)
            {
                _draft.Error(DraftDiagnosticCodes.InvalidValue, At(obj["id"]!), "'id' must name the agreement; it is empty.");
                id = null;
            }

            if (obj["signed"] is { Type: JTokenType.String } signed && !IsoDate().IsMatch((string)signed!))
            {
                Problem(_draft, DraftDiagnosticCodes.MalformedValue, At(signed), $"'signed' is '{(string)signed!}'; it is a date as 2014-09-22 (year, month, day).");
            }

            var parties = new List<Party>();
            if (Required(obj, "parties", _draft) is { } partiesToken)
            {
                if (partiesToken is JArray { Count: > 0 } list)
                {
                    foreach (var item in list)
                    {
                        if (item is JObject party && Text(Required(party, "code", _draft), "code", _draft) is { } code)
                        {
                            Fields(party, PartyFields, "a party", _draft, keptAsAttributes: false);
                            parties.Add(new Party { Code = code, Status = Controlled("parties.status", party, "status", _draft) });
                        }
                        else if (item is not JObject)
                        {
                            _draft.Error(DraftDiagnosticCodes.InvalidValue, At(item), "A party is an object such as { \"code\": \"CAN\", \"status\": \"developed\" }.");
                        }
                    }
                }
                else
                {
                    _draft.Error(DraftDiagnosticCodes.InvalidValue, At(partiesToken), "'parties' must be a list of at least one party.");
                }
            }

            if (id is null)
            {
                return null;
            }

            Fields(obj, AgreementFields, "the agreement", _draft, keptAsAttributes: true);
            return new Agreement
            {
                Id = id,
                Name = Optional(obj, "name", _draft),
                Type = Controlled("agreement.type", obj, "type", _draft),
                Signed = Optional(obj, "signed", _draft),
                Parties = parties,
                Perspective = perspective,
                Attributes = Attributes(obj, ["id", "name", "type", "signed", "parties"]),
            };
        }

        private DraftClause Clause(JToken token, int index, string agreementId, HashSet<string> ids)
        {
            var diagnostics = new DiagnosticBag();
            var fallbackId = $"#{index + 1}";
            if (token is not JObject obj)
            {
                diagnostics.Error(DraftDiagnosticCodes.InvalidValue, At(token), "A clause is a JSON object with 'id' and 'text'.");
                return new DraftClause(fallbackId, null, At(token), diagnostics.Items);
            }

            var id = Text(Required(obj, "id", diagnostics), "id", diagnostics);
            if (id is not null && !ids.Add(id))
            {
                diagnostics.Error(DraftDiagnosticCodes.DuplicateClauseId, At(obj["id"]!), $"Clause id '{id}' is used by an earlier clause.");
            }

            var clause = new Clause
            {
                Id = id ?? fallbackId,
                AgreementId = agreementId,
                Chapter = Optional(obj, "chapter", diagnostics),
                Article = Optional(obj, "article", diagnostics),
                Title = Optional(obj, "title", diagnostics),
                Text = Text(Required(obj, "text", diagnostics), "text", diagnostics) ?? "",
                Kind = Controlled("kind", obj, "kind", diagnostics),
                Strength = Controlled("strength", obj, "strength", diagnostics),
                Obligations = Texts(obj, "obligations", diagnostics, vocabularyField: "obligations"),
                Sectors = Texts(obj, "sectors", diagnostics, vocabularyField: "sectors"),
                Modes = Texts(obj, "modes", diagnostics, numbersAsText: true, vocabularyField: "modes"),
                MeasureTypes = Texts(obj, "measureTypes", diagnostics, vocabularyField: "measureTypes"),
                CommitmentLevel = Controlled("commitmentLevel", obj, "commitmentLevel", diagnostics),
                Parties = Texts(obj, "parties", diagnostics),
                Exceptions = Exceptions(obj, id ?? fallbackId, agreementId, diagnostics),
                DefinitionRef = Optional(obj, "definitionRef", diagnostics),
                Temporal = obj["temporal"] is JObject temporal && Fields(temporal, TemporalFields, "'temporal'", diagnostics, keptAsAttributes: false)
                    ? new Temporal { Permanent = Flag(temporal, "permanent", diagnostics), Expiry = Optional(temporal, "expiry", diagnostics), ReviewClause = Optional(temporal, "reviewClause", diagnostics), Transition = Optional(temporal, "transition", diagnostics) }
                    : Object<Temporal>(obj, "temporal", diagnostics),
                DisputeSettlement = obj["disputeSettlement"] is JObject ds && Fields(ds, DisputeFields, "'disputeSettlement'", diagnostics, keptAsAttributes: false)
                    ? new DisputeSettlement { StateState = Flag(ds, "stateState", diagnostics), Isds = Flag(ds, "isds", diagnostics), NonViolation = Flag(ds, "nonViolation", diagnostics), ExcludedForThisClause = Flag(ds, "excludedForThisClause", diagnostics) }
                    : Object<DisputeSettlement>(obj, "disputeSettlement", diagnostics),
                ConventionReference = Controlled("conventionReference", obj, "conventionReference", diagnostics),
                RefersTo = Texts(obj, "refersTo", diagnostics),
                Attributes = Attributes(obj, ClauseFields),
            };
            Fields(obj, ClauseFields, "a clause", diagnostics, keptAsAttributes: true);
            return new DraftClause(clause.Id, diagnostics.ErrorCount == 0 ? clause : null, At(obj), diagnostics.Items);
        }

        private IReadOnlyList<ExceptionScope> Exceptions(JObject obj, string clauseId, string agreementId, DiagnosticBag diagnostics)
        {
            if (obj["exceptions"] is not { Type: not JTokenType.Null } token)
            {
                return [];
            }

            if (token is not JArray list)
            {
                diagnostics.Error(DraftDiagnosticCodes.InvalidValue, At(token), "'exceptions' must be a list of objects.");
                return [];
            }

            var result = new List<ExceptionScope>();
            foreach (var item in list)
            {
                if (item is not JObject e)
                {
                    diagnostics.Error(DraftDiagnosticCodes.InvalidValue, At(item), "An exception is an object with 'type'.");
                    continue;
                }

                Fields(e, ExceptionFields, "an exception", diagnostics, keptAsAttributes: false);
                result.Add(new ExceptionScope
                {
                    ClauseId = clauseId,
                    AgreementId = agreementId,
                    Type = Required(e, "type", diagnostics) is null ? "" : Controlled("exceptions.type", e, "type", diagnostics) ?? "",
                    Ref = Optional(e, "ref", diagnostics) ?? clauseId, // none named: the format's "ref = its own id", the clause's own reach
                    Parties = Texts(e, "parties", diagnostics),
                    Sectors = Texts(e, "sectors", diagnostics, vocabularyField: "exceptions.sectors"),
                    ObligationsCovered = Texts(e, "obligationsCovered", diagnostics, vocabularyField: "exceptions.obligationsCovered"),
                    Chapters = Texts(e, "chapters", diagnostics),
                    ExceptProvisions = Texts(e, "exceptProvisions", diagnostics),
                    CountsAsCulturalMitigation = Flag(e, "countsAsCulturalMitigation", diagnostics),
                });
            }

            return result;
        }

        private T? Object<T>(JObject obj, string name, DiagnosticBag diagnostics)
            where T : class
        {
            if (obj[name] is { Type: not JTokenType.Null } token)
            {
                diagnostics.Error(DraftDiagnosticCodes.InvalidValue, At(token), $"'{name}' must be an object.");
            }

            return null;
        }

        private static IReadOnlyDictionary<string, string> Attributes(JObject obj, IReadOnlyCollection<string> known) =>
            obj.Properties()
                .Where(p => !known.Contains(p.Name))
                .ToDictionary(p => p.Name, p => p.Value.Type == JTokenType.String ? (string)p.Value! : p.Value.ToString(Formatting.None), StringComparer.Ordinal);

        private JToken? Required(JObject obj, string name, DiagnosticBag diagnostics)
        {
            if (obj[name] is { Type: not JTokenType.Null } token)
            {
                return token;
            }

            diagnostics.Error(DraftDiagnosticCodes.MissingField, At(obj), $"Missing required field '{name}'.");
            return null;
        }

        private string? Text(JToken? token, string name, DiagnosticBag diagnostics)
        {
            if (token is null)
            {
                return null;
            }

            if (token.Type == JTokenType.String)
            {
                return (string)token!;
            }

            diagnostics.Error(DraftDiagnosticCodes.InvalidValue, At(token), $"'{name}' must be a string.");
            return null;
        }

        private string? Optional(JObject obj, string name, DiagnosticBag diagnostics) =>
            obj[name] is { Type: not JTokenType.Null } token ? Text(token, name, diagnostics) : null;

        private bool? Flag(JObject obj, string name, DiagnosticBag diagnostics)
        {
            if (obj[name] is not { Type: not JTokenType.Null } token)
            {
                return null;
            }

            if (token.Type == JTokenType.Boolean)
            {
                return (bool)token;
            }

            diagnostics.Error(DraftDiagnosticCodes.InvalidValue, At(token), $"'{name}' must be true or false.");
            return null;
        }

        private IReadOnlyList<string> Texts(JObject obj, string name, DiagnosticBag diagnostics, bool numbersAsText = false, string? vocabularyField = null)
        {
            if (obj[name] is not { Type: not JTokenType.Null } token)
            {
                return [];
            }

            if (token is not JArray list)
            {
                diagnostics.Error(DraftDiagnosticCodes.InvalidValue, At(token), $"'{name}' must be a list of strings.");
                return [];
            }

            var result = new List<string>(list.Count);
            foreach (var item in list)
            {
                if (item.Type == JTokenType.String || (numbersAsText && item.Type == JTokenType.Integer))
                {
                    var value = item.ToString();
                    if (vocabularyField is null)
                    {
                        result.Add(value);
                        continue;
                    }

                    foreach (var known in Check(vocabularyField, value, item, diagnostics))
                    {
                        if (!result.Contains(known, StringComparer.Ordinal))
                        {
                            result.Add(known);
                        }
                    }
                }
                else
                {
                    diagnostics.Error(DraftDiagnosticCodes.InvalidValue, At(item), $"'{name}' must hold {(numbersAsText ? "strings or whole numbers" : "strings")} only.");
                }
            }

            return result;
        }

        /// <summary>A single controlled value (<c>kind</c>, <c>strength</c>, …), read against the vocabulary.</summary>
        private string? Controlled(string field, JObject obj, string name, DiagnosticBag diagnostics) =>
            obj[name] is { Type: not JTokenType.Null } token && Text(token, name, diagnostics) is { } value
                ? Check(field, value, token, diagnostics)[0]
                : null;

        /// <summary>
        /// The taxonomy's values a written value stands for: itself when known; the taxonomy's spelling of
        /// an alias, with a note; or itself, with a warning naming the closest value, when unknown.
        /// </summary>
        private IReadOnlyList<string> Check(string field, string value, JToken at, DiagnosticBag diagnostics)
        {
            if (vocabulary.Field(field) is not { } known)
            {
                return [value];
            }

            var match = known.Resolve(value);
            switch (match.Kind)
            {
                case VocabularyMatchKind.Alias:
                    diagnostics.Add(DraftDiagnosticCodes.AliasValue, DiagnosticSeverity.Info, At(at), $"{Label(field)} '{value}' read as {string.Join(", ", match.Values.Select(v => $"'{v}'"))}.");
                    break;
                case VocabularyMatchKind.Unknown:
                    Problem(diagnostics, DraftDiagnosticCodes.UnknownValue, At(at), $"unknown {Label(field)} '{value}'.{(match.Suggestion is { } s ? $" Did you mean '{s}'?" : "")} `policy-check vocabulary {field}` lists the values.");
                    break;
            }

            return match.Values;
        }

        /// <summary>
        /// Warns of a top-level field that looks like a misspelt one of the format ('perspectve' would
        /// assess every party without a word); others are left to the tools that add them.
        /// </summary>
        private void MisspeltFields(JObject draft)
        {
            foreach (var property in draft.Properties().Where(p => !DraftFields.Contains(p.Name) && p.Name != "$schema"))
            {
                if (Suggestions.Closest(property.Name, DraftFields) is { } closest)
                {
                    Problem(_draft, DraftDiagnosticCodes.UnknownField, At(property), $"unknown field '{property.Name}' of the draft (ignored). Did you mean '{closest}'?");
                }
            }
        }

        /// <summary>Warns of fields the format does not define: each that looks like a misspelt one, or any at all where nothing is kept.</summary>
        private bool Fields(JObject obj, IReadOnlyCollection<string> known, string what, DiagnosticBag diagnostics, bool keptAsAttributes)
        {
            foreach (var property in obj.Properties().Where(p => !known.Contains(p.Name) && p.Name != "$schema"))
            {
                var closest = Suggestions.Closest(property.Name, known);
                if (keptAsAttributes && closest is null)
                {
                    continue; // an extra field of the contract: kept as an attribute that rules may match
                }

                var fate = keptAsAttributes ? $"kept as the attribute '{property.Name}'" : "ignored";
                Problem(diagnostics, DraftDiagnosticCodes.UnknownField, At(property), $"unknown field '{property.Name}' of {what} ({fate}).{(closest is null ? $" Fields: {string.Join(", ", known)}." : $" Did you mean '{closest}'?")}");
            }

            return true;
        }

        private void Problem(DiagnosticBag diagnostics, string code, SourceSpan at, string message) =>
            diagnostics.Add(code, strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, at, message);

        private static string Label(string field) => field switch
        {
            "agreement.type" => "agreement type",
            "parties.status" => "party status",
            "obligations" or "exceptions.obligationsCovered" => "obligation",
            "sectors" or "exceptions.sectors" => "sector",
            "modes" => "mode",
            "measureTypes" => "measure type",
            "commitmentLevel" => "commitment level",
            "exceptions.type" => "exception type",
            "conventionReference" => "convention reference",
            _ => field,
        };

        private SourceSpan At(JToken token)
        {
            var span = SourceSpan.Of(token, path);
            if (span.Line > 0)
            {
                return span;
            }

            // A draft built in memory has no JSON lines: its parts carry the line of their source.
            for (JToken? t = token; t is not null; t = t.Parent)
            {
                if (t.Annotation<SourceLine>() is { } line)
                {
                    return new SourceSpan(path, line.Line, 1);
                }
            }

            return span;
        }
    }

    // An ISO date of signature: the format's "2014-09-22".
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IsoDate();
}
