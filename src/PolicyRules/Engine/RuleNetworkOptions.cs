using PolicyRules.Engine.Compilation;

namespace PolicyRules.Engine;

/// <summary>Options for <see cref="RuleNetwork.Compile(IEnumerable{Model.RuleDefinition}, RuleNetworkOptions?)"/>.</summary>
public sealed class RuleNetworkOptions
{
    /// <summary>
    /// The compiler for conditions, keys and actions; <see cref="FastExpressionTreeCompiler"/> by
    /// default, which hands the shapes FastExpressionCompiler is known to miscompile to System.Linq.Expressions.
    /// <see cref="SystemExpressionCompiler"/> compiles everything with System.Linq.Expressions, slower to build.
    /// </summary>
    public IExpressionCompiler ExpressionCompiler { get; set; } = FastExpressionTreeCompiler.Instance;

    /// <summary>
    /// Whether rules' patterns are joined in the order a planner chooses (most constant tests first,
    /// then patterns keyed to what is bound; see <see cref="RuleNetwork.JoinOrder(string)"/>) rather
    /// than the order they are written in. True by default; the matches are the same either way.
    /// </summary>
    public bool PlanJoins { get; set; } = true;
}
