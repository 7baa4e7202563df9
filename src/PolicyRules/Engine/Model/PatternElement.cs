using System.Linq.Expressions;

namespace PolicyRules.Engine.Model;

/// <summary>
/// Matches one fact of a type that satisfies every condition, and binds it to an alias.
/// </summary>
/// <remarks>
/// Each condition is a lambda returning <see cref="bool"/>. Its first parameter is the fact being
/// matched (any name); every further parameter is bound by name to an alias declared earlier in the
/// rule, which is how patterns join. A condition over the fact alone is tested in the alpha network
/// (shared between rules and dispatched by hash where it is a constant equality); a condition over
/// earlier aliases is a join test (hashed where it is an equality).
/// </remarks>
public sealed class PatternElement : RuleElement
{
    private LambdaExpression[]? _lambdas;

    /// <summary>Creates a pattern.</summary>
    /// <param name="factType">The type of fact matched; facts of derived types match too.</param>
    /// <param name="alias">The name the matched fact is bound to.</param>
    /// <param name="conditions">Conditions the fact must satisfy, all of them.</param>
    /// <exception cref="ArgumentNullException">A type, alias or the conditions are missing.</exception>
    /// <exception cref="ArgumentException">The alias is blank, or a condition is null.</exception>
    public PatternElement(Type factType, string alias, IEnumerable<LambdaExpression> conditions)
        : this(factType, alias, Wrap(conditions))
    {
    }

    private PatternElement(Type factType, string alias, IReadOnlyList<DeferredLambda> conditions)
    {
        ArgumentNullException.ThrowIfNull(factType);
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        FactType = factType;
        Alias = alias;
        Parts = conditions;
    }

    /// <summary>The type of fact matched.</summary>
    public Type FactType { get; }

    /// <summary>The name the matched fact is bound to.</summary>
    public string Alias { get; }

    /// <summary>The conditions the fact must satisfy.</summary>
    public IReadOnlyList<LambdaExpression> Conditions
    {
        get
        {
            if (_lambdas is null)
            {
                Interlocked.CompareExchange(ref _lambdas, Parts.Select(c => c.Lambda).ToArray(), null);
            }

            return _lambdas;
        }
    }

    /// <summary>The conditions as the engine reads them: parameters and body, no lambda made.</summary>
    internal IReadOnlyList<DeferredLambda> Parts { get; }

    /// <summary>A pattern whose conditions the engine made (the binder, the join planner): their lambdas are made when asked.</summary>
    internal static PatternElement OfParts(Type factType, string alias, IReadOnlyList<DeferredLambda> conditions) => new(factType, alias, conditions);

    private static DeferredLambda[] Wrap(IEnumerable<LambdaExpression> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        return conditions.Select(c => new DeferredLambda(c ?? throw new ArgumentException("A condition is null.", nameof(conditions)))).ToArray();
    }
}
