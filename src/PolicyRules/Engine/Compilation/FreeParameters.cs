using System.Linq.Expressions;

namespace PolicyRules.Engine.Compilation;

/// <summary>The parameters an expression reads, not counting those of lambdas nested in it.</summary>
/// <remarks>
/// Asked of every conjunct several times while rules are planned and built, of expressions that read
/// a handful of parameters: small lists searched in order cost less than hash sets there.
/// </remarks>
internal sealed class FreeParameters : ExpressionVisitor
{
    // One visitor per thread (rules are bound on several), its lists reused from call to call: a
    // visitor, a list and its array per call were a twentieth of what loading the shipped rulebook allocated.
    [ThreadStatic]
    private static FreeParameters? _reusable;

    private readonly List<ParameterExpression> _found = [];
    private readonly List<ParameterExpression> _bound = [];

    /// <summary>The parameters <paramref name="expression"/> reads, in the order first read, each once.</summary>
    public static ParameterExpression[] Of(Expression expression)
    {
        var visitor = Visited(expression);
        ParameterExpression[] found = visitor._found.Count == 0 ? [] : [.. visitor._found];
        visitor.Release();
        return found;
    }

    /// <summary>Whether <paramref name="expression"/> reads no parameter but <paramref name="parameter"/>.</summary>
    public static bool ReadsOnly(Expression expression, ParameterExpression parameter)
    {
        var visitor = Visited(expression);
        var only = true;
        foreach (var read in visitor._found)
        {
            only &= read == parameter;
        }

        visitor.Release();
        return only;
    }

    /// <summary>This thread's visitor, taken while in use (should a visit ever ask again), after a visit of <paramref name="expression"/>.</summary>
    private static FreeParameters Visited(Expression expression)
    {
        var visitor = _reusable ?? new FreeParameters();
        _reusable = null;
        visitor.Visit(expression);
        return visitor;
    }

    /// <summary>Empties the visitor and gives it back to its thread. A visit that throws never gets here, and its visitor is dropped.</summary>
    private void Release()
    {
        _found.Clear();
        _bound.Clear();
        _reusable = this;
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (!_bound.Contains(node) && !_found.Contains(node))
        {
            _found.Add(node);
        }

        return node;
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        Bind(node.Parameters);
        return base.VisitLambda(node);
    }

    protected override Expression VisitBlock(BlockExpression node)
    {
        Bind(node.Variables);
        return base.VisitBlock(node);
    }

    protected override CatchBlock VisitCatchBlock(CatchBlock node)
    {
        if (node.Variable is not null)
        {
            Bind([node.Variable]);
        }

        return base.VisitCatchBlock(node);
    }

    private void Bind(IEnumerable<ParameterExpression> parameters) => _bound.AddRange(parameters);
}
