using PolicyRules.Engine.Compilation;

namespace PolicyRules.Engine;

/// <summary>Options for <see cref="RuleNetwork.Compile(IEnumerable{Model.RuleDefinition}, RuleNetworkOptions?)"/>.</summary>
public sealed class RuleNetworkOptions
{
    /// <summary>
    /// The compiler for conditions, keys and actions; <see cref="SystemExpressionCompiler"/> by default,
    /// which takes any expression a C# lambda can hold. Rule files compile with
    /// <see cref="FastExpressionTreeCompiler"/> (<see cref="Language.RulebookSet.Compile"/>): the rule
    /// language builds a closed set of shapes, tested under it.
    /// </summary>
    public IExpressionCompiler ExpressionCompiler { get; set; } = SystemExpressionCompiler.Instance;
}
