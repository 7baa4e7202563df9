using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyRules.Diagnostics;

namespace PolicyRules.Language.Parsing;

/// <summary>
/// A JSON value of a rule file and where it starts: what the parser walks.
/// </summary>
/// <remarks>
/// Lighter than Newtonsoft's <see cref="JToken"/> tree, which keeps a parent link, a line-information
/// annotation and, per object, a dictionary of its properties: that tree was about ten times the size
/// of the file, and since the syntax kept some of its values, their parent links kept the whole tree
/// alive for as long as the checker. These nodes link only downwards, so what the syntax keeps of them
/// (literals, action arguments) keeps nothing else (docs/PERFORMANCE.md, start-up).
/// </remarks>
internal abstract class RuleJson(SourceSpan span, JTokenType type)
{
    /// <summary>Where the value starts.</summary>
    public SourceSpan Span { get; } = span;

    /// <summary>What kind of JSON value it is, in Newtonsoft's terms.</summary>
    public JTokenType Type { get; } = type;
}

/// <summary>A string, number, boolean, null or <c>undefined</c>.</summary>
internal sealed class RuleJsonValue(SourceSpan span, JTokenType type, object? value) : RuleJson(span, type)
{
    /// <summary>A <see cref="string"/>, <see cref="long"/> (or a larger integer), <see cref="decimal"/>, <see cref="bool"/>, or null.</summary>
    public object? Value { get; } = value;

    /// <summary>The text when the value is a string, else null.</summary>
    public string? Text => Value as string;

    /// <summary>The value written as compact JSON, as messages quote it.</summary>
    public string ToJson() => ToJson(Type, Value);

    internal static string ToJson(JTokenType type, object? value) => type switch
    {
        JTokenType.Undefined => "undefined",
        JTokenType.Null => "null",
        _ => JsonConvert.ToString(value),
    };
}

/// <summary>A JSON list.</summary>
internal sealed class RuleJsonArray(SourceSpan span, RuleJson[] items) : RuleJson(span, JTokenType.Array)
{
    /// <summary>The items in order (an array, so that walking them boxes no enumerator; not to be changed).</summary>
    public RuleJson[] Items { get; } = items;
}

/// <summary>A JSON object: its properties in the order written, no name twice.</summary>
internal sealed class RuleJsonObject(SourceSpan span, RuleJsonProperty[] properties) : RuleJson(span, JTokenType.Object)
{
    /// <summary>The properties in order (an array, so that walking them boxes no enumerator; not to be changed).</summary>
    public RuleJsonProperty[] Properties => properties;

    public int Count => properties.Length;

    /// <summary>The value of the property <paramref name="name"/>, or null.</summary>
    /// <remarks>A search, not a dictionary: a rule file's objects have a handful of properties.</remarks>
    public RuleJson? this[string name]
    {
        get
        {
            foreach (var property in properties)
            {
                if (property.Name == name)
                {
                    return property.Value;
                }
            }

            return null;
        }
    }
}

/// <summary>A <c>"name": value</c> of an object.</summary>
internal sealed class RuleJsonProperty(SourceSpan span, string name, RuleJson value)
{
    /// <summary>Where the name starts.</summary>
    public SourceSpan Span { get; } = span;

    public string Name { get; } = name;

    public RuleJson Value { get; } = value;
}

/// <summary>A JavaScript constructor (<c>new Date(…)</c>), which Newtonsoft reads and no rule file field accepts.</summary>
internal sealed class RuleJsonConstructor(SourceSpan span) : RuleJson(span, JTokenType.Constructor);
