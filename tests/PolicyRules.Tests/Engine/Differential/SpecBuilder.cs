using System.Linq.Expressions;
using System.Reflection;
using PolicyRules.Engine.Model;

namespace PolicyRules.Tests.Engine.Differential;

/// <summary>
/// Turns <see cref="RuleSpec"/>s into <see cref="RuleDefinition"/>s, writing every condition as an
/// expression tree with named parameters (the fact first, then earlier aliases by name).
/// </summary>
public static class SpecBuilder
{
    private static readonly MethodInfo StringEquality = typeof(string).GetMethod("op_Equality", [typeof(string), typeof(string)])!;
    private static readonly MethodInfo StringEqualsStatic = typeof(string).GetMethod(nameof(string.Equals), BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(string)])!;
    private static readonly MethodInfo ListContains = typeof(List<int>).GetMethod(nameof(List<int>.Contains), [typeof(int)])!;
    private static readonly MethodInfo EnumerableContains = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(int));

    // What C# itself writes for array.Contains(x) in an expression tree: the span overload since C# 14.
    private static readonly (MethodInfo Contains, MethodInfo ToSpan)? SpanContains = FindSpanContains();

    /// <summary>Builds rules R0, R1, … .</summary>
    /// <param name="specs">The rules.</param>
    /// <param name="idPrefix">Prefix of the rule ids.</param>
    /// <param name="derivedLevel">When set, every pattern over <see cref="Derived"/> also requires <c>d.Level == derivedLevel</c>.</param>
    /// <param name="actions">The actions of each rule, by id (none by default).</param>
    public static RuleDefinition[] Build(
        IReadOnlyList<RuleSpec> specs,
        string idPrefix = "R",
        int? derivedLevel = null,
        Func<string, IEnumerable<RuleAction>>? actions = null)
    {
        return specs.Select((spec, i) =>
        {
            var id = idPrefix + i;
            return new RuleDefinition(id, null, 0, BuildElements(spec, derivedLevel), actions?.Invoke(id) ?? []);
        }).ToArray();
    }

    public static Type TypeOf(PType type) => type switch
    {
        PType.IFact => typeof(IFact),
        PType.Foo => typeof(Foo),
        PType.Bar => typeof(Bar),
        PType.SubBar => typeof(SubBar),
        _ => typeof(Derived),
    };

    public static Type TypeOf(FKind kind) => kind switch
    {
        FKind.Foo => typeof(Foo),
        FKind.Bar => typeof(Bar),
        FKind.SubBar => typeof(SubBar),
        _ => typeof(Derived),
    };

    private static List<RuleElement> BuildElements(RuleSpec spec, int? derivedLevel)
    {
        var scope = new List<Avail>();
        var elements = new List<RuleElement>();
        for (var j = 0; j < spec.Elems.Count; j++)
        {
            switch (spec.Elems[j])
            {
                case EPattern p:
                    elements.Add(Pattern(p.P, "p" + j, scope, derivedLevel));
                    scope.Add(new Avail("p" + j, AvailKind.Fact, TypeOf(p.P.Type)));
                    break;
                case ENot n:
                    elements.Add(new NotElement(Pattern(n.P, "h" + j, scope, derivedLevel)));
                    break;
                case EExists e:
                    elements.Add(new ExistsElement(Pattern(e.P, "h" + j, scope, derivedLevel)));
                    break;
                case EAgg a:
                {
                    var alias = (a.Collect ? "l" : "n") + j;
                    var source = Pattern(a.Source, "s" + j, scope, derivedLevel);
                    var kind = a.Collect ? AggregateKind.Collect : AggregateKind.Count;
                    var resultType = a.Collect ? typeof(IReadOnlyList<>).MakeGenericType(source.FactType) : typeof(int);
                    var results = a.Results
                        .Select(r => ResultCondition(r, alias, resultType, source.FactType, scope))
                        .OfType<LambdaExpression>()
                        .ToArray();
                    elements.Add(new AggregateElement(alias, kind, source, results));
                    scope.Add(new Avail(alias, a.Collect ? AvailKind.Collect : AvailKind.Count, source.FactType));
                    break;
                }
            }
        }

        return elements;
    }

    private static PatternElement Pattern(PatternSpec spec, string alias, List<Avail> scope, int? derivedLevel)
    {
        var type = TypeOf(spec.Type);
        var lambdas = new List<LambdaExpression>();
        if (derivedLevel is { } level && type == typeof(Derived))
        {
            var d = Expression.Parameter(typeof(Derived), alias);
            lambdas.Add(Expression.Lambda(Expression.Equal(Expression.Property(d, nameof(Derived.Level)), Expression.Constant(level)), d));
        }

        if (spec.OneLambda)
        {
            var context = new LambdaContext(alias, type, spec.Conds.FirstOrDefault()?.Wide ?? false, scope);
            var bodies = spec.Conds.Select(c => Condition(c, context)).OfType<Expression>().ToList();
            if (bodies.Count > 0)
            {
                lambdas.Add(context.Lambda(bodies.Aggregate(Expression.AndAlso)));
            }
        }
        else
        {
            foreach (var cond in spec.Conds)
            {
                var context = new LambdaContext(alias, type, cond.Wide, scope);
                if (Condition(cond, context) is { } body)
                {
                    lambdas.Add(context.Lambda(body));
                }
            }
        }

        return new PatternElement(type, alias, lambdas);
    }

    private static Expression? Condition(Cond cond, LambdaContext c)
    {
        var f = c.Self;
        switch (cond)
        {
            case CConstEq e:
            {
                var value = Int(f, e.F);
                return value is null ? null : e.Reversed ? Expression.Equal(Expression.Constant(e.C), value) : Expression.Equal(value, Expression.Constant(e.C));
            }

            case CTagEq t:
            {
                var tag = Tag(f);
                if (tag is null)
                {
                    return null;
                }

                var constant = Expression.Constant(t.C, typeof(string));
                return t.Style switch
                {
                    0 => Expression.Equal(tag, constant, false, StringEquality),
                    1 => Expression.Equal(constant, tag, false, StringEquality),
                    _ => Expression.Call(StringEqualsStatic, tag, constant),
                };
            }

            case CContains k:
            {
                return Contains(f, k.Coll, Expression.Constant(k.C), k.Alt);
            }

            case CNotContains k:
            {
                return Contains(f, k.Coll, Expression.Constant(k.C), false) is { } contains ? Expression.Not(contains) : null;
            }

            case CCompare k:
            {
                return Int(f, k.F) is { } v ? Compare(v, k.Op, Expression.Constant(k.C)) : null;
            }

            case CSumEq s:
            {
                return Int(f, IntField.X) is { } x && Int(f, IntField.Y) is { } y
                    ? Expression.Equal(Expression.Add(x, y), Expression.Constant(s.C))
                    : null;
            }

            case CTagLen t:
            {
                return Tag(f) is { } tag ? GuardedLength(tag, Expression.Constant(t.C)) : null;
            }

            case CIsType t:
            {
                return Expression.TypeIs(f, TypeOf(t.K));
            }

            case CAnyGreater a:
            {
                if (Member(f, nameof(IFact.Lst)) is not { } list)
                {
                    return null;
                }

                var v = Expression.Parameter(typeof(int), "v");
                return Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(int)], list, Expression.Lambda<Func<int, bool>>(Expression.GreaterThan(v, Expression.Constant(a.C)), v));
            }

            case CJoinEq j:
            {
                var (self, other) = (Int(f, j.Self), c.FactRef(j.Ref, j.Other));
                if (self is null || other is null)
                {
                    return null;
                }

                return j.Reversed ? Expression.Equal(other, self) : Expression.Equal(self, other);
            }

            case CJoinTag j:
            {
                var (self, other) = (Tag(f), c.FactRef(j.Ref, needsFull: true) is { } a ? Tag(a) : null);
                if (self is null || other is null)
                {
                    return null;
                }

                return j.StringEquals ? Expression.Call(StringEqualsStatic, other, self) : Expression.Equal(self, other, false, StringEquality);
            }

            case CJoinComposite j:
            {
                var a = c.FactRef(j.Ref, needsFull: true);
                if (a is null || Int(f, j.Self) is not { } self || Int(a, j.Other) is not { } other || Tag(f) is not { } selfTag)
                {
                    return null;
                }

                return Expression.AndAlso(Expression.Equal(self, other), Expression.Equal(selfTag, Tag(a)!, false, StringEquality));
            }

            case CJoinCmp j:
            {
                return Int(f, j.Self) is { } l && c.FactRef(j.Ref, j.Other) is { } r ? Compare(l, j.Op, r) : null;
            }

            case CJoinContains j:
            {
                if (j.SelfHolds)
                {
                    var item = c.FactRef(j.Ref, j.Other);
                    return item is null ? null : Contains(f, j.Coll, item, j.Alt);
                }

                var holder = c.FactRef(j.Ref, needsFull: true);
                return holder is not null && Int(f, j.Other) is { } value ? Contains(holder, j.Coll, value, j.Alt) : null;
            }

            case CRefOnly r:
            {
                return c.FactRef(r.Ref, r.F) is { } v ? Compare(v, r.Op, Expression.Constant(r.C)) : null;
            }

            case CRefRefEq r:
            {
                return c.FactRef(r.Ref1, r.F1) is { } a && c.FactRef(r.Ref2, r.F2) is { } b ? Expression.Equal(a, b) : null;
            }

            case CJoinSum s:
            {
                return Int(f, s.Self) is { } self && c.FactRef(s.Ref1, s.F1) is { } a1 && c.FactRef(s.Ref2, s.F2) is { } b1
                    ? Expression.Equal(self, Expression.Add(a1, b1))
                    : null;
            }

            case CGuardedJoin g:
            {
                var a = c.FactRef(g.Ref, needsFull: true);
                return a is not null && Int(f, IntField.X) is { } x ? GuardedLength(Tag(a)!, x) : null;
            }

            case CSelfGuardedJoin g:
            {
                return Tag(f) is { } tag && c.FactRef(g.Ref, IntField.X) is { } ax ? GuardedLength(tag, ax) : null;
            }

            case CWhen w:
            {
                return Member(f, nameof(IFact.When)) is { } when ? Compare(when, w.Op, Expression.Constant(Times.At(w.T))) : null;
            }

            case CInSet i:
            {
                return Int(f, i.F) is { } value ? Expression.Call(EnumerableContains, Expression.Constant(i.Values.ToArray()), value) : null;
            }

            case CJoinWhen w:
            {
                var a = c.FactRef(w.Ref, needsFull: true);
                return a is not null && Member(f, nameof(IFact.When)) is { } when ? Compare(when, w.Op, Member(a, nameof(IFact.When))!) : null;
            }

            case CSame same:
            {
                if (c.FactRef(same.Ref, needsFull: false) is not { } a)
                {
                    return null;
                }

                var (left, right) = f.Type.IsAssignableFrom(a.Type) || a.Type.IsAssignableFrom(f.Type)
                    ? ((Expression)f, a)
                    : (Expression.Convert(f, typeof(object)), Expression.Convert(a, typeof(object)));
                return same.Negate ? Expression.NotEqual(left, right) : Expression.Equal(left, right);
            }

            case CInCollect i:
            {
                return c.CollectionRef(i.Ref, f.Type) is var (list, element)
                    ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [element], list, f.Type == element ? f : Expression.Convert(f, element))
                    : null;
            }

            case CHoistedGuard g:
            {
                var a = c.FactRef(g.Ref, needsFull: true);
                if (a is null || Tag(f) is not { } tag)
                {
                    return null;
                }

                var other = Tag(a)!;
                return Expression.AndAlso(
                    Expression.AndAlso(
                        Expression.NotEqual(other, Expression.Constant(null, typeof(string))),
                        Expression.Equal(tag, other, false, StringEquality)),
                    Expression.Equal(Expression.Property(tag, nameof(string.Length)), Expression.Constant(g.C)));
            }

            case CKeyGuard g:
            {
                var a = c.FactRef(g.Ref, needsFull: true);
                if (a is null || Tag(f) is not { } tag || Int(f, IntField.X) is not { } x)
                {
                    return null;
                }

                var other = Tag(a)!;
                return Expression.AndAlso(
                    Expression.AndAlso(
                        Expression.NotEqual(tag, Expression.Constant(null, typeof(string))),
                        Expression.Equal(tag, other, false, StringEquality)),
                    Expression.Equal(Expression.Property(other, nameof(string.Length)), x));
            }

            case CAggJoin g:
            {
                return Int(f, g.Self) is { } s2 && c.AggregateRef(g.Ref) is { } n ? Compare(s2, g.Op, n) : null;
            }

            default:
                throw new InvalidOperationException("Unknown condition " + cond);
        }
    }

    private static LambdaExpression? ResultCondition(RCond cond, string alias, Type resultType, Type elementType, List<Avail> scope)
    {
        var isCollect = resultType != typeof(int);
        var wideList = cond.Wide && isCollect && typeof(IFact).IsAssignableFrom(elementType);
        var subjectType = wideList ? typeof(IEnumerable<IFact>) : resultType;
        var subject = Expression.Parameter(subjectType, alias);
        var context = new LambdaContext(subject, scope);
        Expression value = !isCollect ? subject
            : wideList ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(IFact)], subject)
            : Expression.Property(subject, typeof(IReadOnlyCollection<>).MakeGenericType(elementType).GetProperty("Count")!);
        Expression? body = cond switch
        {
            RCmp r => Compare(value, r.Op, Expression.Constant(r.C)),
            RVsRef r => context.AnyRef(r.Ref, r.F) is { } other ? Compare(value, r.Op, other) : null,
            RAny r when isCollect => AnyItem(subject, wideList ? typeof(IFact) : elementType, r.F, r.C),
            _ => null,
        };
        return body is null ? null : context.Lambda(body);
    }

    private static Expression? AnyItem(Expression list, Type elementType, IntField field, int constant)
    {
        var x = Expression.Parameter(elementType, "x");
        if (Int(x, field) is not { } value)
        {
            return null;
        }

        var predicate = Expression.Lambda(typeof(Func<,>).MakeGenericType(elementType, typeof(bool)), Expression.Equal(value, Expression.Constant(constant)), x);
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [elementType], list, predicate);
    }

    private static Expression GuardedLength(Expression tag, Expression length) =>
        Expression.AndAlso(
            Expression.NotEqual(tag, Expression.Constant(null, typeof(string)), false, typeof(string).GetMethod("op_Inequality", [typeof(string), typeof(string)])!),
            Expression.Equal(Expression.Property(tag, nameof(string.Length)), length));

    private static Expression Compare(Expression left, Cmp op, Expression right) => op switch
    {
        Cmp.Eq => Expression.Equal(left, right),
        Cmp.Ne => Expression.NotEqual(left, right),
        Cmp.Lt => Expression.LessThan(left, right),
        Cmp.Le => Expression.LessThanOrEqual(left, right),
        Cmp.Gt => Expression.GreaterThan(left, right),
        _ => Expression.GreaterThanOrEqual(left, right),
    };

    private static Expression? Contains(Expression holder, Coll coll, Expression item, bool alt)
    {
        if (coll == Coll.Arr)
        {
            if (Member(holder, nameof(IFact.Arr)) is not { } array)
            {
                return null;
            }

            return alt && SpanContains is var (contains, toSpan)
                ? Expression.Call(contains, Expression.Call(toSpan, array), item)
                : Expression.Call(EnumerableContains, array, item);
        }

        if (Member(holder, nameof(IFact.Lst)) is not { } list)
        {
            return null;
        }

        return alt ? Expression.Call(EnumerableContains, list, item) : Expression.Call(list, ListContains, item);
    }

    /// <summary>An int read from a fact, or null when its type has no such member (a <see cref="Derived"/> has X and Y only).</summary>
    internal static Expression? Int(Expression fact, IntField field) => field switch
    {
        IntField.X => Member(fact, nameof(IFact.X)),
        IntField.Y => Member(fact, nameof(IFact.Y)),
        IntField.ArrLen => Member(fact, nameof(IFact.Arr)) is { } a ? Expression.ArrayLength(a) : null,
        _ => Member(fact, nameof(IFact.Lst)) is { } l ? Expression.Property(l, nameof(List<int>.Count)) : null,
    };

    private static Expression? Tag(Expression fact) => Member(fact, nameof(IFact.Tag));

    private static Expression? Member(Expression fact, string name) =>
        fact.Type.GetProperty(name) is { } property
            ? Expression.Property(fact, property)
            : fact.Type.IsInterface && typeof(IFact).IsAssignableFrom(fact.Type) ? Expression.Property(fact, typeof(IFact).GetProperty(name)!) : null;

    private static (MethodInfo, MethodInfo)? FindSpanContains()
    {
        Expression<Func<int[], bool>> template = a => a.Contains(0);
        return template.Body is MethodCallExpression { Method.DeclaringType: var declaring } call
               && declaring == typeof(MemoryExtensions)
               && call.Arguments[0] is MethodCallExpression { Method.Name: "op_Implicit" } conversion
            ? (call.Method, conversion.Method)
            : null;
    }

    private enum AvailKind
    {
        Fact,
        Count,
        Collect,
    }

    /// <summary>An alias bound earlier in the rule: a fact of <paramref name="Type"/>, or an aggregate over facts of that type.</summary>
    private sealed record Avail(string Alias, AvailKind Kind, Type Type)
    {
        public bool IsFull => typeof(IFact).IsAssignableFrom(Type);
    }

    /// <summary>The parameters of one lambda being written: the subject first, then the aliases it reads, created on first use.</summary>
    private sealed class LambdaContext
    {
        private readonly List<Avail> _scope;
        private readonly bool _wide;
        private readonly Dictionary<string, ParameterExpression> _refs = new(StringComparer.Ordinal);

        public LambdaContext(string alias, Type type, bool wide, List<Avail> scope)
        {
            _scope = scope;
            _wide = wide;
            Self = Expression.Parameter(wide && typeof(IFact).IsAssignableFrom(type) ? typeof(IFact) : type, alias);
        }

        public LambdaContext(ParameterExpression subject, List<Avail> scope)
        {
            _scope = scope;
            Self = subject;
        }

        public ParameterExpression Self { get; }

        /// <summary>An int read from an earlier fact alias that has <paramref name="field"/>, chosen by index modulo the candidates.</summary>
        public Expression? FactRef(int index, IntField field) =>
            FactRef(index, needsFull: field is IntField.ArrLen or IntField.LstCount) is { } fact ? Int(fact, field) : null;

        /// <summary>An earlier fact alias, chosen by index modulo the candidates.</summary>
        public Expression? FactRef(int index, bool needsFull)
        {
            var candidates = _scope.Where(a => a.Kind == AvailKind.Fact && (!needsFull || a.IsFull)).ToList();
            return candidates.Count == 0 ? null : Parameter(candidates[index % candidates.Count]);
        }

        /// <summary>An earlier collection whose elements may be <paramref name="item"/>s, chosen by index modulo the candidates.</summary>
        public (Expression List, Type Element)? CollectionRef(int index, Type item)
        {
            var candidates = _scope.Where(a => a.Kind == AvailKind.Collect && a.Type.IsAssignableFrom(item)).ToList();
            if (candidates.Count == 0)
            {
                return null;
            }

            var avail = candidates[index % candidates.Count];
            return (Parameter(avail), avail.Type);
        }

        /// <summary>The int value of an earlier aggregate: the count, or the collection's Count.</summary>
        public Expression? AggregateRef(int index)
        {
            var candidates = _scope.Where(a => a.Kind != AvailKind.Fact).ToList();
            return candidates.Count == 0 ? null : IntOf(candidates[index % candidates.Count]);
        }

        /// <summary>An int from any earlier alias: a fact's field, or an aggregate's value.</summary>
        public Expression? AnyRef(int index, IntField field)
        {
            if (_scope.Count == 0)
            {
                return null;
            }

            var avail = _scope[index % _scope.Count];
            return avail.Kind == AvailKind.Fact ? Int(Parameter(avail), field) : IntOf(avail);
        }

        public LambdaExpression Lambda(Expression body) => Expression.Lambda(body, [Self, .. _refs.Values]);

        private Expression IntOf(Avail avail)
        {
            var parameter = Parameter(avail);
            return avail.Kind == AvailKind.Count
                ? parameter
                : Expression.Property(parameter, typeof(IReadOnlyCollection<>).MakeGenericType(avail.Type).GetProperty("Count")!);
        }

        private ParameterExpression Parameter(Avail avail)
        {
            if (!_refs.TryGetValue(avail.Alias, out var parameter))
            {
                var type = avail.Kind switch
                {
                    AvailKind.Fact => _wide && avail.IsFull ? typeof(IFact) : avail.Type,
                    AvailKind.Count => typeof(int),
                    _ => typeof(IReadOnlyList<>).MakeGenericType(avail.Type),
                };
                parameter = Expression.Parameter(type, avail.Alias);
                _refs.Add(avail.Alias, parameter);
            }

            return parameter;
        }
    }
}
