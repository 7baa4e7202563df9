namespace PolicyRules.Language.Catalog;

/// <summary>A type registered for rules: its name in rule files and the members they may reach.</summary>
public sealed class FactTypeInfo
{
    internal FactTypeInfo(string name, Type type, IReadOnlyDictionary<string, FactMember> members)
    {
        Name = name;
        Type = type;
        Members = members;
    }

    /// <summary>The name rule files use (<c>"match": "Clause"</c>).</summary>
    public string Name { get; }

    /// <summary>The CLR type.</summary>
    public Type Type { get; }

    /// <summary>The members rules may reach, by name.</summary>
    public IReadOnlyDictionary<string, FactMember> Members { get; }
}
