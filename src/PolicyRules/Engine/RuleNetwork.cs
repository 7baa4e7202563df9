using System.Collections.Concurrent;
using PolicyRules.Engine.Compilation;
using PolicyRules.Engine.Model;
using PolicyRules.Engine.Rete;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine;

/// <summary>
/// Rules compiled into a Rete network. The network is immutable and thread-safe: compile it once,
/// then create a cheap <see cref="RuleSession"/> per unit of work, on any thread.
/// </summary>
public sealed class RuleNetwork
{
    private readonly Dictionary<Type, TypeNode> _typeNodes;
    private readonly ConcurrentDictionary<Type, TypeRoute> _routes = new();

    // Disposed sessions' objects, cleared; a few per core are enough for sessions run in parallel.
    private readonly ConcurrentBag<SessionArena> _arenas = [];
    private static readonly int MaxPooledArenas = 2 * Environment.ProcessorCount;
    private const int MaxPooledObjects = 1_000_000;

    private readonly Dictionary<string, JoinPlan> _joins;

    private RuleNetwork(IReadOnlyList<RuleDefinition> rules, ReteBuilder builder)
    {
        Rules = rules;
        NodeCount = builder.Nodes.Count;
        // The network is built: dispatch tables are sealed, and beta nodes can be named by id.
        BetaNodes = new BetaNode?[NodeCount];
        foreach (var node in builder.Nodes)
        {
            switch (node)
            {
                case EqualityDispatchNode equality:
                    equality.Branches.Seal();
                    break;
                case ContainsDispatchNode contains:
                    contains.Branches.Seal();
                    break;
                case BetaNode beta:
                    BetaNodes[beta.Id] = beta;
                    break;
            }
        }

        MaxSlotCount = Math.Max(1, rules.Count == 0 ? 1 : rules.Max(r => r.Conditions.Count(e => e is PatternElement or AggregateElement)));
        StartNodes = builder.StartNodes.ToArray();
        _typeNodes = new Dictionary<Type, TypeNode>(builder.TypeNodes);
        Statistics = NetworkStatistics.Of(builder.Nodes);
        _joins = new Dictionary<string, JoinPlan>(builder.Joins, StringComparer.Ordinal);
    }

    /// <summary>The rules, in the order given.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>How many nodes of each kind the network has: shows how much was shared.</summary>
    public NetworkStatistics Statistics { get; }

    /// <summary>
    /// The aliases of a rule's patterns in the order the network joins them (see
    /// <see cref="RuleNetworkOptions.PlanJoins"/>), which may differ from the order they are written in.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No rule of the network has this id.</exception>
    public IReadOnlyList<string> JoinOrder(string ruleId) =>
        _joins.TryGetValue(ruleId, out var join) ? join.Planned : throw new KeyNotFoundException($"No rule '{ruleId}' in the network.");

    /// <summary>
    /// The aliases of a rule's patterns that join with no equality key to the patterns before them,
    /// whatever the order: every combination is tried (a cross product). Empty for most rules.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No rule of the network has this id.</exception>
    public IReadOnlyList<string> CrossProducts(string ruleId) =>
        _joins.TryGetValue(ruleId, out var join) ? join.CrossProducts : throw new KeyNotFoundException($"No rule '{ruleId}' in the network.");

    internal int NodeCount { get; }

    /// <summary>The most aliases any rule binds: the length of every token's fact array.</summary>
    internal int MaxSlotCount { get; }

    internal IReadOnlyList<StartNode> StartNodes { get; }

    /// <summary>The beta nodes by <see cref="ReteNode.Id"/> (null for other nodes), so that what passes tokens on can name a node by its id.</summary>
    internal BetaNode?[] BetaNodes { get; }

    /// <summary>Compiles rules into a network.</summary>
    /// <exception cref="RuleDefinitionException">A rule is ill-formed: repeated id, unknown alias, wrong type, …</exception>
    public static RuleNetwork Compile(IEnumerable<RuleDefinition> rules, RuleNetworkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToArray();
        options ??= new RuleNetworkOptions();
        var builder = new ReteBuilder(options.ExpressionCompiler, options.PlanJoins);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in list)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
            if (!ids.Add(rule.Id))
            {
                throw Errors.Definition(rule.Id, "the id is used by another rule.");
            }

            builder.Add(rule);
        }

        return new RuleNetwork(list, builder);
    }

    /// <summary>Creates an empty session over this network (reusing a disposed session's objects when it can).</summary>
    public RuleSession CreateSession() => new(this, _arenas.TryTake(out var arena) ? arena : new SessionArena(this));

    /// <summary>Takes back a disposed session's objects, cleared, for the next session.</summary>
    internal void Return(SessionArena arena)
    {
        arena.Clear();
        if (_arenas.Count < MaxPooledArenas && arena.Size <= MaxPooledObjects)
        {
            _arenas.Add(arena);
        }
    }

    /// <summary>Where a fact of <paramref name="runtimeType"/> goes: the type roots it enters (those of its type and of every base type and interface rules match).</summary>
    internal TypeRoute RouteFor(Type runtimeType) =>
        _routes.GetOrAdd(runtimeType, type => TypeRoute.Of([.. _typeNodes.Values.Where(n => n.FactType.IsAssignableFrom(type)).OrderBy(n => n.Id)]));
}
