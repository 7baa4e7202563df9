using PolicyRules.Engine.Compilation;

namespace PolicyRules.Engine;

/// <summary>Options for <see cref="RuleNetwork.Compile(IEnumerable{Model.RuleDefinition}, RuleNetworkOptions?)"/>.</summary>
public sealed class RuleNetworkOptions
{
    /// <summary>The compiler for conditions, keys and actions; <see cref="SystemExpressionCompiler"/> by default.</summary>
    public IExpressionCompiler ExpressionCompiler { get; set; } = SystemExpressionCompiler.Instance;
}
