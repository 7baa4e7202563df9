using System.Linq.Expressions;
using PolicyRules.Engine.Model;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Builder;

/// <summary>Writes a <see cref="RuleDefinition"/> in C#, fluently.</summary>
/// <example>
/// <code>
/// var rule = new RuleBuilder("LIB-001")
///     .Priority(10)
///     .Match&lt;Clause&gt;("c", c =&gt; c.Kind == "market-access", c =&gt; c.Sectors.Contains("audiovisual"))
///     .Not&lt;Clause&gt;((Clause e) =&gt; e.Kind == "exception", (Clause e, Clause c) =&gt; e.AgreementId == c.AgreementId)
///     .Then((IActionContext ctx, Clause c) =&gt; ctx.InsertLinked(new Finding(c.Id)))
///     .Build();
/// </code>
/// </example>
/// <remarks>
/// A condition's first parameter is the fact matched; its other parameters are bound by name to
/// aliases declared earlier. An action's parameters are bound the same way, except that an
/// <see cref="IActionContext"/> parameter receives the context and an <see cref="IMatch"/> parameter the match.
/// </remarks>
public sealed class RuleBuilder
{
    private readonly string _id;
    private readonly List<RuleElement> _conditions = [];
    private readonly List<RuleAction> _actions = [];
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private string? _name;
    private int _priority;
    private int _anonymous;

    /// <summary>Starts a rule with its identifier.</summary>
    public RuleBuilder(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _id = id;
    }

    /// <summary>Sets the human-readable name.</summary>
    public RuleBuilder Name(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>Sets the priority: higher fires first.</summary>
    public RuleBuilder Priority(int priority)
    {
        _priority = priority;
        return this;
    }

    /// <summary>Adds a metadata entry.</summary>
    public RuleBuilder Metadata(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _metadata[key] = value;
        return this;
    }

    /// <summary>Matches a fact of type <typeparamref name="T"/> satisfying conditions over it alone.</summary>
    public RuleBuilder Match<T>(string alias, params Expression<Func<T, bool>>[] conditions) =>
        Match<T>(alias, (LambdaExpression[])conditions);

    /// <summary>Matches a fact of type <typeparamref name="T"/>; conditions may join earlier aliases by parameter name.</summary>
    public RuleBuilder Match<T>(string alias, params LambdaExpression[] conditions)
    {
        _conditions.Add(new PatternElement(typeof(T), alias, conditions));
        return this;
    }

    /// <summary>Holds when no fact of type <typeparamref name="T"/> satisfies the conditions.</summary>
    public RuleBuilder Not<T>(params Expression<Func<T, bool>>[] conditions) => Not<T>((LambdaExpression[])conditions);

    /// <summary>Holds when no fact of type <typeparamref name="T"/> satisfies the conditions, which may join earlier aliases.</summary>
    public RuleBuilder Not<T>(params LambdaExpression[] conditions)
    {
        _conditions.Add(new NotElement(Hidden<T>(conditions)));
        return this;
    }

    /// <summary>Holds when some fact of type <typeparamref name="T"/> satisfies the conditions.</summary>
    public RuleBuilder Exists<T>(params Expression<Func<T, bool>>[] conditions) => Exists<T>((LambdaExpression[])conditions);

    /// <summary>Holds when some fact of type <typeparamref name="T"/> satisfies the conditions, which may join earlier aliases.</summary>
    public RuleBuilder Exists<T>(params LambdaExpression[] conditions)
    {
        _conditions.Add(new ExistsElement(Hidden<T>(conditions)));
        return this;
    }

    /// <summary>Binds to <paramref name="alias"/> the number of facts matching <paramref name="source"/>, holding when every <paramref name="having"/> condition does.</summary>
    public RuleBuilder Count<T>(string alias, Func<PatternConditions<T>, PatternConditions<T>> source, params Expression<Func<int, bool>>[] having) =>
        Aggregate(alias, AggregateKind.Count, source, having);

    /// <summary>Binds to <paramref name="alias"/> the facts matching <paramref name="source"/> as an <see cref="IReadOnlyList{T}"/>, holding when every <paramref name="having"/> condition does.</summary>
    public RuleBuilder Collect<T>(string alias, Func<PatternConditions<T>, PatternConditions<T>> source, params Expression<Func<IReadOnlyList<T>, bool>>[] having) =>
        Aggregate(alias, AggregateKind.Collect, source, having);

    /// <summary>Binds an aggregate of the facts matching <paramref name="source"/>; <paramref name="having"/> conditions may join earlier aliases.</summary>
    public RuleBuilder Aggregate<T>(string alias, AggregateKind kind, Func<PatternConditions<T>, PatternConditions<T>> source, params LambdaExpression[] having)
    {
        ArgumentNullException.ThrowIfNull(source);
        var conditions = source(new PatternConditions<T>()).Conditions;
        _conditions.Add(new AggregateElement(alias, kind, new PatternElement(typeof(T), alias + ".source", conditions), having));
        return this;
    }

    /// <summary>Adds an action written as an expression; parameters are bound by type (context, match) or alias name.</summary>
    public RuleBuilder Then(LambdaExpression action)
    {
        _actions.Add(new RuleAction(action));
        return this;
    }

    /// <summary>Adds an action written as a delegate over the context and the match.</summary>
    /// <remarks>The match shows the activation that is firing, and only while it fires: keep its <see cref="IMatch.Bindings"/> (a copy), not the match itself.</remarks>
    public RuleBuilder Do(Action<IActionContext, IMatch> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var context = Expression.Parameter(typeof(IActionContext), "context");
        var match = Expression.Parameter(typeof(IMatch), "match");
        var body = Expression.Invoke(Expression.Constant(action), context, match);
        _actions.Add(new RuleAction(Expression.Lambda<Action<IActionContext, IMatch>>(body, context, match)) { Callback = action });
        return this;
    }

    /// <summary>Builds the rule. The network compiler checks aliases and types.</summary>
    public RuleDefinition Build() => new(_id, _name, _priority, _conditions, _actions, _metadata);

    private PatternElement Hidden<T>(LambdaExpression[] conditions) =>
        new(typeof(T), $"${typeof(T).Name}{++_anonymous}", conditions);
}
