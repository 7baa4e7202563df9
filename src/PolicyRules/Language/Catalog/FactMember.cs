using System.Reflection;

namespace PolicyRules.Language.Catalog;

/// <summary>A public property of a registered type, as rules see it.</summary>
public sealed class FactMember
{
    internal FactMember(string name, PropertyInfo property, ValueKind kind, Type? elementType, bool mayBeNull)
    {
        Name = name;
        Property = property;
        Kind = kind;
        ElementType = elementType;
        MayBeNull = mayBeNull;
    }

    /// <summary>The name rules use: the property's name in camelCase.</summary>
    public string Name { get; }

    /// <summary>The property read.</summary>
    public PropertyInfo Property { get; }

    /// <summary>The kind of value.</summary>
    public ValueKind Kind { get; }

    /// <summary>For lists, the element type; for objects, the object type.</summary>
    public Type? ElementType { get; }

    /// <summary>False when the property is declared non-nullable, so rules need not guard it.</summary>
    public bool MayBeNull { get; }
}
