using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyRules.Diagnostics;

namespace PolicyRules.Language.Parsing;

/// <summary>
/// Reads one JSON document into <see cref="RuleJson"/> from Newtonsoft's reader, as
/// <c>JToken.ReadFrom</c> would under the parser's settings: comments skipped, a property named twice
/// in one object an error, every value placed where it starts (Newtonsoft's reader places a value at
/// its last character and a property at the colon after its name). Errors are the reader's own, or
/// the ones <c>JToken.ReadFrom</c> raises, with the same messages and positions.
/// </summary>
internal sealed class RuleJsonReader
{
    private readonly JsonTextReader _reader;
    private readonly string? _file;

    // One list per nesting depth, reused: each container is copied out to an array of its exact size.
    private readonly List<List<RuleJsonProperty>> _properties = [];
    private readonly List<List<RuleJson>> _items = [];
    private int _depth;

    private RuleJsonReader(JsonTextReader reader, string? file)
    {
        _reader = reader;
        _file = file;
    }

    /// <summary>Reads the value at the reader's start, leaving the reader on its last token.</summary>
    /// <exception cref="JsonReaderException">The text is not one well-formed JSON value.</exception>
    public static RuleJson Read(JsonTextReader reader, string? file)
    {
        var json = new RuleJsonReader(reader, file);
        if (!json.Next())
        {
            throw json.Error("Error reading JToken from JsonReader.");
        }

        return reader.TokenType switch
        {
            JsonToken.StartObject or JsonToken.StartArray => json.Root(),
            JsonToken.StartConstructor => json.Constructor(),
            JsonToken.EndObject or JsonToken.EndArray or JsonToken.EndConstructor or JsonToken.Raw =>
                throw json.Error($"Error reading JToken from JsonReader. Unexpected token: {reader.TokenType}"),
            _ => json.Value(),
        };
    }

    /// <summary>The document's object or list, with the errors <c>JContainer</c> raises when the text ends inside it.</summary>
    private RuleJson Root()
    {
        var name = _reader.TokenType == JsonToken.StartObject ? nameof(JObject) : nameof(JArray);
        var span = At(1);
        var isObject = _reader.TokenType == JsonToken.StartObject;
        if (!_reader.Read())
        {
            throw Error($"Error reading {name} from JsonReader.");
        }

        return isObject ? ObjectFrom(span, name) : ArrayFrom(span, name);
    }

    private RuleJson Any(string root) => _reader.TokenType switch
    {
        JsonToken.StartObject => ObjectFrom(Open(root), root),
        JsonToken.StartArray => ArrayFrom(Open(root), root),
        JsonToken.StartConstructor => Constructor(),
        _ => Value(),
    };

    /// <summary>Where the object or list at the reader starts; moves to the first token inside it.</summary>
    private SourceSpan Open(string root)
    {
        var span = At(1);
        Expect(root);
        return span;
    }

    /// <summary>Reads an object's members; the reader is on the first token after its <c>{</c>.</summary>
    private RuleJsonObject ObjectFrom(SourceSpan span, string root)
    {
        var properties = Scratch(_properties);
        while (true)
        {
            switch (_reader.TokenType)
            {
                case JsonToken.EndObject:
                    _depth--;
                    return new RuleJsonObject(span, [.. properties]);
                case JsonToken.PropertyName:
                {
                    var name = (string)_reader.Value!;
                    foreach (var existing in properties)
                    {
                        if (existing.Name == name)
                        {
                            throw Error($"Property with the name '{name}' already exists in the current JSON object.");
                        }
                    }

                    var at = At(SourceSpan.QuotedLength(name) + 1);
                    Expect(root);
                    properties.Add(new RuleJsonProperty(at, name, Any(root)));
                    break;
                }
            }

            Expect(root);
        }
    }

    /// <summary>Reads a list's items; the reader is on the first token after its <c>[</c>.</summary>
    private RuleJsonArray ArrayFrom(SourceSpan span, string root)
    {
        var items = Scratch(_items);
        while (_reader.TokenType != JsonToken.EndArray)
        {
            if (_reader.TokenType != JsonToken.Comment)
            {
                items.Add(Any(root));
            }

            Expect(root);
        }

        _depth--;
        return new RuleJsonArray(span, [.. items]);
    }

    /// <summary>The empty list for the container being opened, one level deeper.</summary>
    private List<T> Scratch<T>(List<List<T>> lists)
    {
        while (lists.Count <= _depth)
        {
            lists.Add([]);
        }

        var list = lists[_depth++];
        list.Clear();
        return list;
    }

    private RuleJsonConstructor Constructor()
    {
        var span = At(1);
        _reader.Skip();
        return new RuleJsonConstructor(span);
    }

    private RuleJsonValue Value()
    {
        var type = _reader.TokenType switch
        {
            JsonToken.String => JTokenType.String,
            JsonToken.Integer => JTokenType.Integer,
            JsonToken.Float => JTokenType.Float,
            JsonToken.Boolean => JTokenType.Boolean,
            JsonToken.Null => JTokenType.Null,
            JsonToken.Undefined => JTokenType.Undefined,
            JsonToken.Date => JTokenType.Date,
            _ => JTokenType.Bytes,
        };
        var value = _reader.Value;
        var length = value is string text ? SourceSpan.QuotedLength(text) : RuleJsonValue.ToJson(type, value).Length;
        return new RuleJsonValue(At(length), type, value);
    }

    /// <summary>Moves to the next token, skipping comments; false at the end of the text.</summary>
    private bool Next()
    {
        while (_reader.Read())
        {
            if (_reader.TokenType != JsonToken.Comment)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves to the next token inside a container, which the text must not end before closing.</summary>
    private void Expect(string root)
    {
        if (!Next())
        {
            throw Error($"Unexpected end of content while loading {root}.");
        }
    }

    /// <summary>Where the current token starts, given how far before the reader's position that is.</summary>
    private SourceSpan At(int length) => new(_file, _reader.LineNumber, Math.Max(1, _reader.LinePosition - length + 1));

    private JsonReaderException Error(string message) =>
        new(message, _reader.Path, _reader.LineNumber, _reader.LinePosition, null);
}
