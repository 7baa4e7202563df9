using System.Collections;
using System.Reflection;

namespace PolicyRules.Language.Catalog;

/// <summary>
/// The types rule files may match and the members they may read: nothing else is reachable from a
/// rule. Register the fact types (and the types of their nested objects) before loading rules.
/// </summary>
/// <remarks>
/// A type's members are its public instance properties with a getter, named in camelCase, whose
/// types the language knows: strings, numbers, booleans, lists of those, registered types and
/// lists of them, and a string-keyed dictionary of extra fields (read as <c>attributes.name</c>).
/// Other properties are not reachable. A loader reads the catalog from several threads at once:
/// register every type before loading.
/// </remarks>
public sealed class FactCatalog
{
    private readonly Dictionary<string, Type> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, FactTypeInfo> _infos = [];
    private readonly HashSet<Type> _parts = [];
    private readonly Dictionary<(Type Type, string Member), MemberVocabulary> _vocabularies = [];

    /// <summary>The registered names, sorted.</summary>
    public IReadOnlyList<string> Names => _names.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The names of the types a pattern can match (the registered ones but the parts), sorted.</summary>
    public IReadOnlyList<string> FactNames => _names.Where(p => !_parts.Contains(p.Value)).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="name"/> (its type name by default).</summary>
    public FactCatalog Register<T>(string? name = null) => Register(typeof(T), name);

    /// <summary>Registers a type under <paramref name="name"/> (its type name by default).</summary>
    /// <exception cref="ArgumentException">The name is taken by another type.</exception>
    public FactCatalog Register(Type type, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        name ??= type.Name;
        if (_names.TryGetValue(name, out var existing) && existing != type)
        {
            throw new ArgumentException($"The name '{name}' is already registered for {existing.FullName}.", nameof(name));
        }

        _names[name] = type;
        _infos.Remove(type);
        return this;
    }

    /// <summary>
    /// Registers <typeparamref name="T"/> as a part of other facts (a clause's <c>temporal</c>, an
    /// agreement's parties): rules read it through their members, and a pattern cannot match it, as
    /// no such fact is ever inserted.
    /// </summary>
    public FactCatalog RegisterPart<T>(string? name = null)
    {
        Register(typeof(T), name);
        _parts.Add(typeof(T));
        return this;
    }

    /// <summary>
    /// Gives a member of <typeparamref name="T"/> its vocabulary: a rule that compares the member with
    /// a value outside it, or with an alias the facts' reader turns into other values, is an error,
    /// since the condition could never hold as written.
    /// </summary>
    /// <param name="member">The member, as rules name it (<c>kind</c>, <c>sectors</c>).</param>
    /// <param name="values">The values it holds.</param>
    /// <param name="aliases">Other names the reader accepts, each with the values it is read as.</param>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not registered, or has no such member.</exception>
    public FactCatalog Vocabulary<T>(string member, IEnumerable<string> values, IReadOnlyDictionary<string, IReadOnlyList<string>>? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(values);
        if (Describe(typeof(T)) is not { } info || !info.Members.ContainsKey(member))
        {
            throw new ArgumentException($"{typeof(T).Name} is not registered or has no member '{member}'.", nameof(member));
        }

        _vocabularies[(typeof(T), member)] = new MemberVocabulary(
            values.ToHashSet(StringComparer.Ordinal),
            aliases ?? new Dictionary<string, IReadOnlyList<string>>());
        return this;
    }

    /// <summary>The vocabulary of a member, when one was given.</summary>
    internal MemberVocabulary? VocabularyOf(Type type, string member) => _vocabularies.GetValueOrDefault((type, member));

    /// <summary>Whether <paramref name="type"/> was registered as a part of other facts (<see cref="RegisterPart{T}"/>).</summary>
    public bool IsPart(Type type) => _parts.Contains(type);

    /// <summary>The registered type named <paramref name="name"/>.</summary>
    public FactTypeInfo? Find(string name) => _names.TryGetValue(name, out var type) ? Describe(type) : null;

    /// <summary>The description of a registered type, or null when it is not registered.</summary>
    public FactTypeInfo? Describe(Type type)
    {
        // A loader binds a file's rules in parallel, and descriptions are made on first use.
        lock (_infos)
        {
            if (_infos.TryGetValue(type, out var info))
            {
                return info;
            }

            var name = _names.FirstOrDefault(p => p.Value == type).Key;
            if (name is null)
            {
                return null;
            }

            info = new FactTypeInfo(name, type, DescribeMembers(type));
            _infos[type] = info;
            return info;
        }
    }

    private Dictionary<string, FactMember> DescribeMembers(Type type)
    {
        var nullability = new NullabilityInfoContext();
        var members = new Dictionary<string, FactMember>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var (kind, element) = Classify(property.PropertyType);
            if (kind is null)
            {
                continue;
            }

            var mayBeNull = !property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null;
            if (!property.PropertyType.IsValueType && nullability.Create(property).ReadState == NullabilityState.NotNull)
            {
                mayBeNull = false;
            }

            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            members[name] = new FactMember(name, property, kind.Value, element, mayBeNull);
        }

        return members;
    }

    private (ValueKind?, Type?) Classify(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return (ValueKind.Text, null);
        }

        if (underlying == typeof(bool))
        {
            return (ValueKind.Boolean, null);
        }

        if (IsNumber(underlying))
        {
            return (ValueKind.Number, null);
        }

        if (_names.ContainsValue(underlying) || underlying == typeof(object))
        {
            // An object-typed member (a derived fact's subject) can be compared with an alias, not entered.
            return (ValueKind.Object, underlying);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>))
            && type.GetGenericArguments() is [var key, var value] && key == typeof(string) && value == typeof(string))
        {
            return (ValueKind.Attributes, typeof(string));
        }

        var element = ElementTypeOf(type);
        if (element is null)
        {
            return (null, null);
        }

        if (element == typeof(string))
        {
            return (ValueKind.TextList, element);
        }

        if (IsNumber(element))
        {
            return (ValueKind.NumberList, element);
        }

        return _names.ContainsValue(element) ? (ValueKind.ObjectList, element) : (null, null);
    }

    internal static bool IsNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(double) || type == typeof(float) || type == typeof(decimal);

    internal static Type? ElementTypeOf(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}
