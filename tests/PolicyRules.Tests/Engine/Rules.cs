using PolicyRules.Engine;
using PolicyRules.Engine.Builder;
using PolicyRules.Engine.Model;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Tests.Engine;

/// <summary>Helpers that keep the tests about behaviour, not set-up.</summary>
internal static class Rules
{
    public static RuleSession Session(params RuleDefinition[] rules) => RuleNetwork.Compile(rules).CreateSession();

    /// <summary>The pending matches as "RULE(alias=value,…)" strings, in firing order.</summary>
    public static string[] Matches(this RuleSession session) =>
        session.PendingMatches.Select(m => $"{m.Rule.Id}({string.Join(",", m.Bindings.Select(b => $"{b.Alias}={Show(b.Value)}"))})").ToArray();

    public static RuleBuilder Rule(string id) => new(id);

    private static string Show(object? value) => value switch
    {
        IEnumerable<object> list => "[" + string.Join(" ", list) + "]",
        _ => value?.ToString() ?? "null",
    };
}
