using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Compilation;

internal static class Errors
{
    public static RuleDefinitionException Definition(string ruleId, string message) => new(ruleId, message);
}
