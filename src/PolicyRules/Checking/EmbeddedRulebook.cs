using System.Reflection;
using PolicyRules.Language;

namespace PolicyRules.Checking;

/// <summary>The default rulebook: the <c>rules/</c> folder, embedded in this assembly at build.</summary>
public static class EmbeddedRulebook
{
    private const string Prefix = "PolicyRules.rules.";

    /// <summary>The embedded rule files, in name order, named <c>rules/&lt;file&gt;</c> in diagnostics.</summary>
    public static IReadOnlyList<RulebookSource> Sources()
    {
        var assembly = typeof(EmbeddedRulebook).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal) && !name.Contains(".schema.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => RulebookSource.FromStream(Open(assembly, name), "rules/" + name[Prefix.Length..]))
            .ToArray();
    }

    /// <summary>The JSON schema of rule files, as text.</summary>
    public static string RulebookSchema() => Schema("rulebook");

    /// <summary>A JSON schema shipped in <c>rules/schema/</c>, by name (<c>rulebook</c>, <c>draft</c>), as text.</summary>
    public static string Schema(string name) => Read($"PolicyRules.schema.{name}.schema.json");

    /// <summary>The names of the schemas shipped.</summary>
    public static IReadOnlyList<string> SchemaNames() =>
        typeof(EmbeddedRulebook).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("PolicyRules.schema.", StringComparison.Ordinal) && n.EndsWith(".schema.json", StringComparison.Ordinal))
            .Select(n => n["PolicyRules.schema.".Length..^".schema.json".Length])
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string Read(string name)
    {
        using var reader = new StreamReader(Open(typeof(EmbeddedRulebook).Assembly, name));
        return reader.ReadToEnd();
    }

    private static Stream Open(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The resource {name} is missing from {assembly.GetName().Name}.");
}
