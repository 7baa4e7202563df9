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

    /// <summary>
    /// Whether rules' patterns are joined in the order a planner chooses (most constant tests first,
    /// then patterns keyed to what is bound; see <see cref="RuleNetwork.JoinOrder(string)"/>) rather
    /// than the order they are written in. True by default; the matches are the same either way.
    /// </summary>
    public bool PlanJoins { get; set; } = true;
}
