using Newtonsoft.Json.Linq;

namespace PolicyRules.Domain.Drafts;

/// <summary>
/// The vocabulary of drafts: the values of <c>kind</c>, <c>sectors</c>, <c>obligations</c> and the other
/// controlled fields (taxonomy.md), shipped with the library as <c>rules/vocabulary/taxonomy.json</c>.
/// The draft reader checks values against it; the draft schema's enums are its lists.
/// </summary>
public sealed class DraftVocabulary
{
    private static readonly Lazy<DraftVocabulary> Embedded = new(() => Parse(ReadEmbedded()));

    private readonly Dictionary<string, VocabularyField> _fields;

    private DraftVocabulary(IReadOnlyList<VocabularyField> fields)
    {
        Fields = fields;
        _fields = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The vocabulary that ships with the library.</summary>
    public static DraftVocabulary Default => Embedded.Value;

    /// <summary>The controlled fields, in the taxonomy's order.</summary>
    public IReadOnlyList<VocabularyField> Fields { get; }

    /// <summary>The field named <paramref name="name"/> (<c>sectors</c>, <c>exceptions.type</c>), or null.</summary>
    public VocabularyField? Field(string name) => _fields.GetValueOrDefault(name);

    /// <summary>Reads a vocabulary file (the format of <c>rules/vocabulary/taxonomy.json</c>).</summary>
    /// <exception cref="FormatException">The text is not a vocabulary.</exception>
    public static DraftVocabulary Parse(string json)
    {
        try
        {
            var root = JObject.Parse(json);
            var fields = new List<VocabularyField>();
            var byName = new Dictionary<string, VocabularyField>(StringComparer.Ordinal);
            foreach (var property in ((JObject)root["fields"]!).Properties())
            {
                var body = (JObject)property.Value;
                var aliases = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                if (body["sameAs"] is { } same && byName.TryGetValue((string)same!, out var other))
                {
                    foreach (var (alias, values) in other.Aliases)
                    {
                        aliases[alias] = values;
                    }
                }

                foreach (var alias in (body["aliases"] as JObject)?.Properties() ?? [])
                {
                    aliases[alias.Name] = alias.Value is JArray several ? several.Select(v => (string)v!).ToArray() : [(string)alias.Value!];
                }

                var field = new VocabularyField(property.Name, (string?)body["description"] ?? "", body["values"]!.Select(v => (string)v!).ToArray(), aliases);
                fields.Add(field);
                byName[field.Name] = field;
            }

            return new DraftVocabulary(fields);
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or InvalidCastException or NullReferenceException or ArgumentException)
        {
            throw new FormatException($"Not a draft vocabulary: {ex.Message}", ex);
        }
    }

    /// <summary>The text of the embedded vocabulary file.</summary>
    public static string ReadEmbedded()
    {
        using var stream = typeof(DraftVocabulary).Assembly.GetManifestResourceStream("PolicyRules.vocabulary.taxonomy.json")
            ?? throw new InvalidOperationException("The resource PolicyRules.vocabulary.taxonomy.json is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
