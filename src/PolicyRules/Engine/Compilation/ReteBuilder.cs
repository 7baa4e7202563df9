using System.Collections.ObjectModel;
using System.Linq.Expressions;
using System.Reflection;
using PolicyRules.Engine.Model;
using PolicyRules.Engine.Rete;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Compilation;

/// <summary>
/// Compiles rule definitions into a Rete network: a shared alpha network (type roots, hash dispatch,
/// selections, memories) and a beta chain per distinct left-hand side ending in a terminal node.
/// Every expression is compiled here, once.
/// </summary>
internal sealed class ReteBuilder(IExpressionCompiler compiler, bool planJoins = true)
{
    private static readonly MethodInfo KeyOfValue = typeof(JoinKey).GetMethod(nameof(JoinKey.Of), [typeof(object)])!;
    private static readonly MethodInfo KeyOfValues = typeof(JoinKey).GetMethod(nameof(JoinKey.Of), [typeof(object[])])!;
    private static readonly MethodInfo KeyOfPair = typeof(JoinKey).GetMethod(nameof(JoinKey.Of), [typeof(object), typeof(object)])!;
    private static readonly MethodInfo KeyOfIdentity = typeof(JoinKey).GetMethod(nameof(JoinKey.OfIdentity))!;
    private static readonly MethodInfo CreateListMethod = typeof(ReteBuilder).GetMethod(nameof(CreateList), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly List<ReteNode> _nodes = [];
    private readonly Dictionary<Type, TypeNode> _typeNodes = [];
    private readonly Dictionary<(AlphaNode Parent, string Key), AlphaNode> _alphaIndex = [];
    private readonly List<StartNode> _starts = [];
    private readonly List<CompiledRule> _rules = [];
    private readonly Dictionary<string, JoinPlan> _joins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TerminalNode> _terminals = new(StringComparer.Ordinal);
    private readonly ExpressionKey _keys = new();
    private readonly System.Text.StringBuilder _leftHandSideText = new(4096);

    // Join-key extractors by the canonical text of their keys: rules that join on the same keys (a
    // clause's agreement id) share one delegate, compiled and tiered once, and a session computes a
    // fact's key once for all of them (LeftKeyMemo). The texts are the ones the left-hand side's key
    // is written from (KeyTexts), so sharing costs no canonical key of its own.
    private readonly Dictionary<string, Delegate> _keyExtractors = new(StringComparer.Ordinal);
    private readonly Dictionary<PatternPlan, (string Left, string Right)> _keyTexts = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<ReteNode> Nodes => _nodes;

    public IReadOnlyDictionary<Type, TypeNode> TypeNodes => _typeNodes;

    public IReadOnlyList<StartNode> StartNodes => _starts;

    public IReadOnlyList<CompiledRule> Rules => _rules;

    /// <summary>Each rule's join order, by rule id.</summary>
    public IReadOnlyDictionary<string, JoinPlan> Joins => _joins;

    public void Add(RuleDefinition rule)
    {
        // First the rule's left-hand side is checked and normalised; rules whose left-hand sides are
        // the same (same tests on the same slots, whatever the aliases are called) share one beta
        // chain and one terminal, which makes an activation for each of them.
        var join = planJoins ? JoinPlanner.Plan(rule) : JoinPlanner.Unplanned(rule);
        var scope = new Scope(rule.Id);
        var plans = Analyze(join.Rule, scope);
        var written = rule.Conditions.Select(e => e switch { PatternElement p => p.Alias, AggregateElement a => a.Alias, _ => null }).OfType<string>().ToList();
        var compiled = new CompiledRule(
            rule,
            // Matches list their bindings in the order the rule declares them, whatever the join order.
            scope.Bindings.OrderBy(b => written.IndexOf(b.Alias)).Select(b => new CompiledRule.Slot(b.Alias, b.Slot, b.IsAggregate)).ToArray(),
            rule.Actions.Select((a, i) => CompileAction(a, scope, rule.Id, i)).ToArray());
        _rules.Add(compiled);
        _joins.Add(rule.Id, join);

        var key = LeftHandSideKey(plans, scope);
        if (_terminals.TryGetValue(key, out var shared))
        {
            shared.Add(compiled);
            foreach (var node in shared.Chain)
            {
                node.RuleIds.Add(rule.Id);
            }

            foreach (var plan in plans)
            {
                BuildAlpha(plan.FactType, plan.Plan, rule.Id);
            }

            return;
        }

        var terminal = Build(rule, plans, scope);
        terminal.Add(compiled);
        _terminals.Add(key, terminal);
    }

    /// <summary>One element of a left-hand side, checked and split into the network's shapes.</summary>
    private sealed record ElementPlan(RuleElement Element, Type FactType, PatternPlan Plan, int Slot, ParameterExpression? Result, IReadOnlyList<Expression> ResultTests);

    private static List<ElementPlan> Analyze(RuleDefinition rule, Scope scope)
    {
        var plans = new List<ElementPlan>();
        foreach (var element in rule.Conditions)
        {
            switch (element)
            {
                case PatternElement pattern:
                    plans.Add(new ElementPlan(element, pattern.FactType, ConditionAnalyzer.Analyze(pattern, scope, rule.Id), scope.Count, null, []));
                    scope.Add(pattern.Alias, pattern.FactType, isAggregate: false);
                    break;
                case NotElement not:
                    plans.Add(new ElementPlan(element, not.Pattern.FactType, ConditionAnalyzer.Analyze(not.Pattern, scope, rule.Id), -1, null, []));
                    break;
                case ExistsElement exists:
                    plans.Add(new ElementPlan(element, exists.Pattern.FactType, ConditionAnalyzer.Analyze(exists.Pattern, scope, rule.Id), -1, null, []));
                    break;
                case AggregateElement aggregate:
                {
                    var plan = ConditionAnalyzer.Analyze(aggregate.Source, scope, rule.Id);
                    var subject = Expression.Parameter(aggregate.ResultType, aggregate.Alias);
                    var tests = aggregate.ResultConditions
                        .Select(c => ConditionAnalyzer.Normalize(new DeferredLambda(c), aggregate.ResultType, subject, scope, () => $"result condition {c} of aggregate '{aggregate.Alias}'", rule.Id))
                        .ToArray();
                    plans.Add(new ElementPlan(element, aggregate.Source.FactType, plan, scope.Count, subject, tests));
                    scope.Add(aggregate.Alias, aggregate.ResultType, isAggregate: true);
                    break;
                }

                default:
                    throw Errors.Definition(rule.Id, $"element {plans.Count} is of an unknown kind.");
            }
        }

        return plans;
    }

    /// <summary>A canonical text of a left-hand side: element kinds, types, and every test, with parameters named by slot.</summary>
    private string LeftHandSideKey(List<ElementPlan> plans, Scope scope)
    {
        // One buffer for every rule, the tests' keys written into it: a builder and a string per
        // test were a fifth of what compiling the shipped rulebook allocated.
        var text = _leftHandSideText.Clear();
        var slots = scope.Bindings.Select(b => b.Parameter).ToList();
        foreach (var plan in plans)
        {
            IReadOnlyList<ParameterExpression> parameters = [plan.Plan.Fact, .. slots];
            text.Append('[').Append(plan.Element.GetType().Name).Append(' ').Append(_keys.TypeId(plan.FactType));
            if (plan.Element is AggregateElement aggregate)
            {
                text.Append(' ').Append(aggregate.Kind);
            }

            foreach (var test in plan.Plan.Alpha)
            {
                _keys.AppendTo(text.Append(" a:"), test.Condition, parameters);
            }

            if (plan.Plan.Keys.Count > 0)
            {
                var (left, right) = KeyTexts(plan, parameters);
                text.Append(" k:").Append(left).Append('=').Append(right);
            }

            foreach (var residual in plan.Plan.Residual)
            {
                _keys.AppendTo(text.Append(" r:"), residual, parameters);
            }

            if (plan.Result is { } subject)
            {
                foreach (var test in plan.ResultTests)
                {
                    _keys.AppendTo(text.Append(" h:"), test, [subject, .. slots]);
                }
            }

            text.Append(']');
        }

        return text.ToString();
    }

    /// <summary>The canonical texts of a pattern's join keys, each side with how the keys compare, the right with the fact's type.</summary>
    private (string Left, string Right) KeyTexts(ElementPlan plan, IReadOnlyList<ParameterExpression> parameters)
    {
        var left = new System.Text.StringBuilder();
        var right = new System.Text.StringBuilder(_keys.TypeId(plan.FactType));
        foreach (var key in plan.Plan.Keys)
        {
            _keys.AppendTo(left.Append(key.ByReference), key.Left, parameters).Append(';');
            _keys.AppendTo(right.Append(key.ByReference), key.Right, parameters).Append(';');
        }

        var texts = (left.ToString(), right.ToString());
        _keyTexts[plan.Plan] = texts;
        return texts;
    }

    private TerminalNode Build(RuleDefinition rule, List<ElementPlan> plans, Scope scope)
    {
        var slotCount = scope.Count;
        var chain = new List<BetaNode>();
        LeftAdapterNode? adapter = null;

        void Chain(BetaNode node)
        {
            Register(node, rule.Id);
            if (chain.Count > 0)
            {
                chain[^1].Child = node;
            }
            else if (adapter is not null)
            {
                adapter.Child = node;
            }
            else
            {
                var start = new StartNode(slotCount);
                Register(start, rule.Id);
                start.Child = node;
                _starts.Add(start);
            }

            chain.Add(node);
        }

        for (var index = 0; index < plans.Count; index++)
        {
            var plan = plans[index];
            var memory = BuildAlpha(plan.FactType, plan.Plan, rule.Id);
            switch (plan.Element)
            {
                case PatternElement when index == 0:
                    adapter = new LeftAdapterNode();
                    Register(adapter, rule.Id);
                    memory.AddLeftSuccessor(adapter);
                    break;
                case PatternElement:
                {
                    var join = new JoinNode(plan.Slot, CompileBeta(plan.Plan, scope, plan.FactType));
                    Chain(join);
                    FeedRight(memory, join, chain, rule.Id);
                    break;
                }

                case NotElement:
                {
                    var node = new NotNode(CompileBeta(plan.Plan, scope, plan.FactType));
                    Chain(node);
                    FeedRight(memory, node, chain, rule.Id);
                    break;
                }

                case ExistsElement:
                {
                    var node = new ExistsNode(CompileBeta(plan.Plan, scope, plan.FactType));
                    Chain(node);
                    FeedRight(memory, node, chain, rule.Id);
                    break;
                }

                case AggregateElement aggregate:
                {
                    var (test, text) = CompileResultTest(aggregate, plan, scope);
                    var node = new AggregateNode(
                        plan.Slot,
                        aggregate.Kind,
                        CreateListFactory(plan.FactType),
                        test,
                        text,
                        CompileBeta(plan.Plan, scope, plan.FactType));
                    Chain(node);
                    FeedRight(memory, node, chain, rule.Id);
                    break;
                }
            }
        }

        var terminal = new TerminalNode();
        Chain(terminal);
        terminal.Chain = chain;
        return terminal;
    }

    /// <summary>
    /// Connects <paramref name="node"/> to the right input of <paramref name="memory"/> that takes its
    /// facts by the same key (the key delegates are shared by their text), making one if none does.
    /// </summary>
    private void FeedRight(AlphaMemoryNode memory, RightInputNode node, List<BetaNode> chain, string ruleId)
    {
        var condition = node.Condition;
        var right = Array.Find(memory.RightSuccessors, r => ReferenceEquals(r.Key, condition.RightKey) && r.ByReference == condition.KeyedByReference);
        if (right is null)
        {
            right = new RightMemoryNode(condition.RightKey, condition.KeyedByReference);
            Register(right, ruleId);
            memory.AddRightSuccessor(right);
        }
        else
        {
            right.RuleIds.Add(ruleId);
        }

        right.Add(node, chain);
    }

    private void Register(ReteNode node, string ruleId)
    {
        node.Id = _nodes.Count;
        _nodes.Add(node);
        node.RuleIds.Add(ruleId);
    }

    private AlphaMemoryNode BuildAlpha(Type factType, PatternPlan plan, string ruleId)
    {
        if (!_typeNodes.TryGetValue(factType, out var typeNode))
        {
            typeNode = new TypeNode(factType);
            Register(typeNode, ruleId);
            _typeNodes.Add(factType, typeNode);
        }
        else
        {
            typeNode.RuleIds.Add(ruleId);
        }

        AlphaNode parent = typeNode;
        foreach (var test in plan.Alpha)
        {
            parent = test.Kind switch
            {
                AlphaTestKind.Equality => Branch(
                    (EqualityDispatchNode)Child(parent, "eq " + _keys.Of(test.Accessor!, [plan.Fact]), ruleId, () =>
                        new EqualityDispatchNode(CompileAccessor(test.Accessor!, plan.Fact), test.Accessor!.ToString())).Node,
                    n => n.Branches,
                    test,
                    plan.Fact,
                    ruleId),
                AlphaTestKind.Contains => Branch(
                    (ContainsDispatchNode)Child(parent, "in " + _keys.Of(test.Accessor!, [plan.Fact]), ruleId, () =>
                    {
                        ExpressionShapes.TryContains(test.Condition, out _, out _, out var element);
                        return new ContainsDispatchNode(
                            CompileAccessor(test.Accessor!, plan.Fact),
                            element.MakeArrayType(),
                            typeof(List<>).MakeGenericType(element),
                            test.Accessor!.ToString());
                    }).Node,
                    n => n.Branches,
                    test,
                    plan.Fact,
                    ruleId),
                _ => Child(parent, "where " + _keys.Of(test.Condition, [plan.Fact]), ruleId, () =>
                    new SelectionNode(CompilePredicate(test.Condition, plan.Fact), test.Description)).Node,
            };
        }

        return (AlphaMemoryNode)Child(parent, "memory", ruleId, () => new AlphaMemoryNode()).Node;
    }

    private (AlphaNode Node, bool Created) Child(AlphaNode parent, string key, string ruleId, Func<AlphaNode> create)
    {
        if (_alphaIndex.TryGetValue((parent, key), out var existing))
        {
            existing.RuleIds.Add(ruleId);
            return (existing, false);
        }

        var node = create();
        Register(node, ruleId);
        parent.AddChild(node);
        _alphaIndex.Add((parent, key), node);
        return (node, true);
    }

    private DispatchBranch Branch<TNode>(TNode dispatch, Func<TNode, DispatchTable> branches, AlphaTest test, ParameterExpression fact, string ruleId)
        where TNode : AlphaNode
    {
        var key = JoinKey.Of(test.Value);
        var map = branches(dispatch);
        if (!map.TryGetValue(key, out var branch))
        {
            branch = new DispatchBranch(key, CompilePredicate(test.Condition, fact));
            Register(branch, ruleId);
            map.Add(key, branch);
        }
        else
        {
            branch.RuleIds.Add(ruleId);
        }

        return branch;
    }

    private Func<object, bool> CompilePredicate(Expression condition, ParameterExpression fact)
    {
        var input = Expression.Parameter(typeof(object), "fact");
        var body = ParameterReplacer.Replace(condition, new Dictionary<ParameterExpression, Expression> { [fact] = Expression.Convert(input, fact.Type) });
        return compiler.Compile(Expression.Lambda<Func<object, bool>>(body, input));
    }

    private Func<object, object?> CompileAccessor(Expression accessor, ParameterExpression fact)
    {
        var input = Expression.Parameter(typeof(object), "fact");
        var body = ParameterReplacer.Replace(accessor, new Dictionary<ParameterExpression, Expression> { [fact] = Expression.Convert(input, fact.Type) });
        return compiler.Compile(Expression.Lambda<Func<object, object?>>(Expression.Convert(body, typeof(object)), input));
    }

    private BetaCondition CompileBeta(PatternPlan plan, Scope scope, Type factType)
    {
        if (plan.Keys.Count == 0 && plan.Residual.Count == 0)
        {
            return BetaCondition.None;
        }

        var tuple = Expression.Parameter(typeof(object?[]), "tuple");
        var fact = Expression.Parameter(typeof(object), "fact");
        var map = TupleReads(scope, tuple);
        map[plan.Fact] = Expression.Convert(fact, factType);

        Func<object?[], object>? leftKey = null;
        Func<object, object>? rightKey = null;
        var byReference = plan.Keys.Count == 1 && plan.Keys[0].ByReference;
        if (plan.Keys.Count > 0)
        {
            var (leftText, rightText) = _keyTexts[plan];
            leftKey = CompileKey("l" + leftText, () => Expression.Lambda<Func<object?[], object>>(KeyOf(plan.Keys.Select(k => (k.Left, k.ByReference && !byReference)), map), tuple));
            rightKey = CompileKey("r" + rightText, () => Expression.Lambda<Func<object, object>>(KeyOf(plan.Keys.Select(k => (k.Right, k.ByReference && !byReference)), map), fact));
        }

        Func<object?[], object, bool>? residual = null;
        if (plan.Residual.Count > 0)
        {
            var body = plan.Residual.Select(r => ParameterReplacer.Replace(r, map)).Aggregate(Expression.AndAlso);
            residual = compiler.Compile(Expression.Lambda<Func<object?[], object, bool>>(body, tuple, fact));
        }

        return new BetaCondition(leftKey, rightKey, residual, plan.JoinDescription) { KeyedByReference = byReference };
    }

    private TDelegate CompileKey<TDelegate>(string text, Func<Expression<TDelegate>> lambda)
        where TDelegate : Delegate
    {
        if (!_keyExtractors.TryGetValue(text, out var compiled))
        {
            compiled = compiler.Compile(lambda());
            _keyExtractors.Add(text, compiled);
        }

        return (TDelegate)compiled;
    }

    private static Dictionary<ParameterExpression, Expression> TupleReads(Scope scope, ParameterExpression tuple) =>
        scope.Bindings.ToDictionary(
            b => b.Parameter,
            b => (Expression)Expression.Convert(Expression.ArrayIndex(tuple, Expression.Constant(b.Slot)), b.Type));

    private static Expression KeyOf(IEnumerable<(Expression Value, bool ByReference)> values, Dictionary<ParameterExpression, Expression> map)
    {
        var boxed = values.Select(v =>
        {
            var value = (Expression)Expression.Convert(ParameterReplacer.Replace(v.Value, map), typeof(object));
            return v.ByReference ? Expression.Call(KeyOfIdentity, value) : value;
        }).ToArray();
        return boxed.Length switch
        {
            1 => Expression.Call(KeyOfValue, boxed[0]),
            2 => Expression.Call(KeyOfPair, boxed[0], boxed[1]),
            _ => Expression.Call(KeyOfValues, Expression.NewArrayInit(typeof(object), boxed)),
        };
    }

    private (Func<object?[], object, bool>? Test, string Text) CompileResultTest(AggregateElement aggregate, ElementPlan plan, Scope scope)
    {
        if (plan.ResultTests.Count == 0)
        {
            return (null, "true");
        }

        var tuple = Expression.Parameter(typeof(object?[]), "tuple");
        var result = Expression.Parameter(typeof(object), "result");
        var map = TupleReads(scope, tuple);
        map[plan.Result!] = Expression.Convert(result, aggregate.ResultType);
        var body = plan.ResultTests.Select(b => ParameterReplacer.Replace(b, map)).Aggregate(Expression.AndAlso);
        var text = string.Join(" && ", aggregate.ResultConditions.Select(c => c.ToString()));
        return (compiler.Compile(Expression.Lambda<Func<object?[], object, bool>>(body, tuple, result)), text);
    }

    private Action<IActionContext, IMatch, object?[]> CompileAction(RuleAction action, Scope scope, string ruleId, int index)
    {
        if (action.Callback is Action<IActionContext, IMatch> callback)
        {
            // A delegate already: called as it is, not through a compiled lambda that invokes it.
            return (context, match, _) => callback(context, match);
        }

        var context = Expression.Parameter(typeof(IActionContext), "context");
        var match = Expression.Parameter(typeof(IMatch), "match");
        var tuple = Expression.Parameter(typeof(object?[]), "tuple");
        var map = new Dictionary<ParameterExpression, Expression>();
        foreach (var parameter in action.Parts.Parameters)
        {
            if (parameter.Type == typeof(IActionContext))
            {
                map[parameter] = context;
            }
            else if (parameter.Type == typeof(IMatch))
            {
                map[parameter] = match;
            }
            else
            {
                var binding = scope.Resolve(parameter, () => $"action {index + 1}");
                map[parameter] = Expression.Convert(Expression.ArrayIndex(tuple, Expression.Constant(binding.Slot)), parameter.Type);
            }
        }

        var body = ParameterReplacer.Replace(action.Parts.Body, map);
        return compiler.Compile(Expression.Lambda<Action<IActionContext, IMatch, object?[]>>(body, context, match, tuple));
    }

    private static Func<IReadOnlyList<object>, object> CreateListFactory(Type elementType) =>
        CreateListMethod.MakeGenericMethod(elementType).CreateDelegate<Func<IReadOnlyList<object>, object>>();

    private static object CreateList<T>(IReadOnlyList<object> facts) =>
        new ReadOnlyCollection<T>(facts.Cast<T>().ToArray());
}
