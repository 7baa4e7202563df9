using FsCheck;
using FsCheck.Fluent;

namespace PolicyRules.Tests.Engine.Differential;

/// <summary>
/// FsCheck generators and shrinkers for facts, rules and change sequences. Values are drawn from
/// tiny domains (0–3, a few tags) so that equalities, joins and aggregates actually hit.
/// </summary>
public static class Generators
{
    private static readonly Gen<int> Small = Gen.Frequency((3, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)));
    private static readonly Gen<int> Ref = Gen.Choose(0, 5);
    private static readonly Gen<bool> Bool = Gen.Elements(true, false);
    private static readonly Gen<bool> Rarely = Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)));
    private static readonly Gen<string?> Tag = Gen.Frequency(
        (3, Gen.Constant<string?>(null)), (1, Gen.Constant<string?>("")), (3, Gen.Constant<string?>("a")), (2, Gen.Constant<string?>("b")), (2, Gen.Constant<string?>("ab")));

    private static readonly Gen<int[]> Ints = Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Small, n));
    private static readonly Gen<IntField> Field = Gen.Frequency(
        (4, Gen.Constant(IntField.X)), (3, Gen.Constant(IntField.Y)), (1, Gen.Constant(IntField.ArrLen)), (1, Gen.Constant(IntField.LstCount)));

    private static readonly Gen<Cmp> Comparison = Gen.Elements(Enum.GetValues<Cmp>());
    private static readonly Gen<Coll> Collection = Gen.Elements(Coll.Arr, Coll.Lst);

    // ---------------------------------------------------------------- facts

    public static Gen<FactSpec> Fact(bool allowDerived) =>
        from kind in allowDerived
            ? Gen.Frequency((4, Gen.Constant(FKind.Foo)), (3, Gen.Constant(FKind.Bar)), (3, Gen.Constant(FKind.SubBar)), (2, Gen.Constant(FKind.Derived)))
            : Gen.Frequency((4, Gen.Constant(FKind.Foo)), (3, Gen.Constant(FKind.Bar)), (3, Gen.Constant(FKind.SubBar)))
        from x in Small
        from y in Small
        from tag in Tag
        from arr in Ints
        from lst in Ints
        from when in Small
        select new FactSpec(kind, x, y, tag, arr, lst, when);

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> facts, most often in the upper half.</summary>
    public static Gen<IReadOnlyList<FactSpec>> Facts(int min, int max, bool allowDerived) =>
        Gen.Frequency((1, Gen.Choose(min, max)), (2, Gen.Choose((min + max + 1) / 2, max)))
            .SelectMany(n => Gen.ListOf(Fact(allowDerived), n))
            .Select(l => (IReadOnlyList<FactSpec>)l.ToArray());

    // ---------------------------------------------------------------- rules

    /// <param name="level2">Chaining level 2: patterns over <see cref="Derived"/> are frequent.</param>
    /// <param name="allowDerived">Whether patterns may be over <see cref="Derived"/>.</param>
    public static Gen<IReadOnlyList<RuleSpec>> Rules(int min, int max, bool allowDerived, bool level2 = false) =>
        Gen.Choose(min, max).SelectMany(n => RuleList(n, [], allowDerived, level2)).Select(l => (IReadOnlyList<RuleSpec>)l.ToArray());

    public static Gen<RuleSpec> Rule(bool allowDerived, bool level2) =>
        Gen.Frequency((1, Gen.Constant(0)), (8, Gen.Constant(1)), (10, Gen.Constant(2)), (8, Gen.Constant(3)), (5, Gen.Constant(4)))
            .SelectMany(n => Elements(n, 0, 0, allowDerived, level2))
            .Select(elems => new RuleSpec(elems.ToArray()));

    /// <summary>
    /// Rules, each new or (one time in three) a variant of an earlier one: a prefix of it, or it with its
    /// last element replaced or one more added. Variants share alpha and beta prefixes in the network.
    /// </summary>
    private static Gen<List<RuleSpec>> RuleList(int remaining, List<RuleSpec> done, bool allowDerived, bool level2)
    {
        if (remaining == 0)
        {
            return Gen.Constant(done);
        }

        var fresh = Rule(allowDerived, level2);
        var next = done.Count == 0 || done.All(r => r.Elems.Count == 0)
            ? fresh
            : Gen.Frequency((2, fresh), (1, Gen.Elements(done.Where(r => r.Elems.Count > 0).ToArray()).SelectMany(r => Variant(r, allowDerived, level2))));
        return next.SelectMany(rule => RuleList(remaining - 1, [.. done, rule], allowDerived, level2));
    }

    private static Gen<RuleSpec> Variant(RuleSpec rule, bool allowDerived, bool level2)
    {
        var elems = rule.Elems;
        Gen<Elem> After(int count) =>
            Element(elems.Take(count).Count(e => e is EPattern), elems.Take(count).Count(e => e is EAgg), allowDerived, level2);
        return Gen.Frequency(
            (1, Gen.Choose(1, elems.Count).Select(n => new RuleSpec(elems.Take(n).ToArray()))),
            (1, After(elems.Count - 1).Select(e => new RuleSpec([.. elems.Take(elems.Count - 1), e]))),
            (elems.Count < 4 ? 1 : 0, After(elems.Count).Select(e => new RuleSpec([.. elems, e]))),
            (2, Sibling(rule)));
    }

    /// <summary>The same rule with one constant of one condition changed: the two share every node up to that test.</summary>
    private static Gen<RuleSpec> Sibling(RuleSpec rule) =>
        from index in Gen.Choose(0, rule.Elems.Count - 1)
        from value in Gen.Choose(0, 3)
        from pick in Gen.Choose(0, 7)
        select new RuleSpec(rule.Elems.Select((e, i) => i == index ? TweakElem(e, pick, value) : e).ToArray());

    private static Elem TweakElem(Elem elem, int pick, int value)
    {
        PatternSpec Tweak(PatternSpec p) => p.Conds.Count == 0
            ? p
            : p with { Conds = p.Conds.Select((c, i) => i == pick % p.Conds.Count ? TweakCond(c, value) : c).ToArray() };
        return elem switch
        {
            EPattern p => new EPattern(Tweak(p.P)),
            ENot n => new ENot(Tweak(n.P)),
            EExists x => new EExists(Tweak(x.P)),
            EAgg a => a with { Source = Tweak(a.Source) },
            _ => elem,
        };
    }

    private static Cond TweakCond(Cond cond, int value) => cond switch
    {
        CConstEq c => c with { C = value },
        CCompare c => c with { C = value },
        CWhen c => c with { T = value },
        CContains c => c with { C = value },
        CNotContains c => c with { C = value },
        CSumEq c => c with { C = value },
        CTagLen c => c with { C = value % 3 },
        CAnyGreater c => c with { C = value },
        CTagEq c => c with { C = Scenarios.Tags[value % Scenarios.Tags.Length] },
        CRefOnly c => c with { C = value },
        _ => cond,
    };

    private static Gen<List<Elem>> Elements(int remaining, int facts, int aggregates, bool allowDerived, bool level2)
    {
        if (remaining == 0)
        {
            return Gen.Constant(new List<Elem>());
        }

        return from elem in Element(facts, aggregates, allowDerived, level2)
               from rest in Elements(remaining - 1, facts + (elem is EPattern ? 1 : 0), aggregates + (elem is EAgg ? 1 : 0), allowDerived, level2)
               select (List<Elem>)[elem, .. rest];
    }

    private static Gen<Elem> Element(int facts, int aggregates, bool allowDerived, bool level2)
    {
        var pattern = Pattern(facts, aggregates, allowDerived, level2);
        return Gen.Frequency(
            (6, pattern.Select(p => (Elem)new EPattern(p))),
            (2, pattern.Select(p => (Elem)new ENot(p))),
            (2, pattern.Select(p => (Elem)new EExists(p))),
            (3, from collect in Bool
                from source in pattern
                from results in ResultConditions(collect, facts + aggregates)
                select (Elem)new EAgg(collect, source, results)));
    }

    private static Gen<PatternSpec> Pattern(int facts, int aggregates, bool allowDerived, bool level2)
    {
        var type = !allowDerived
            ? Gen.Frequency((2, Gen.Constant(PType.IFact)), (3, Gen.Constant(PType.Foo)), (3, Gen.Constant(PType.Bar)), (2, Gen.Constant(PType.SubBar)))
            : Gen.Frequency((2, Gen.Constant(PType.IFact)), (3, Gen.Constant(PType.Foo)), (3, Gen.Constant(PType.Bar)), (2, Gen.Constant(PType.SubBar)), (level2 ? 6 : 1, Gen.Constant(PType.Derived)));

        // Later patterns usually join; a first pattern has nothing to join to.
        var count = facts + aggregates == 0
            ? Gen.Frequency((3, Gen.Constant(0)), (5, Gen.Constant(1)), (2, Gen.Constant(2)))
            : Gen.Frequency((2, Gen.Constant(0)), (6, Gen.Constant(1)), (2, Gen.Constant(2)));
        return from t in type
               from n in count
               from conds in Gen.ListOf(Condition(facts, aggregates, t == PType.Derived), n)
               from oneLambda in Rarely
               select new PatternSpec(t, conds.ToArray(), oneLambda);
    }

    private static Gen<Cond> Condition(int facts, int aggregates, bool derived)
    {
        // On a Derived (X and Y only), conditions on Tag and the collections would be dropped: don't waste them.
        var choices = new List<(int, Gen<Cond>)?>
        {
            Shape("CConstEq", 3, from f in Field from c in Small from r in Bool select (Cond)new CConstEq(f, c, r)),
            Shape("CCompare", 2, from f in Field from op in Comparison from c in Small select (Cond)new CCompare(f, op, c)),
            Shape("CSumEq", 1, Small.Select(c => (Cond)new CSumEq(c))),
            Shape("CIsType", 1, Gen.Elements(Enum.GetValues<FKind>()).Select(k => (Cond)new CIsType(k))),
            Shape("CInSet", 1, from f in Field from values in Ints select (Cond)new CInSet(f, values)),
        };
        if (!derived)
        {
            choices.AddRange(
            [
                Shape("CTagEq", 2, from c in Gen.Elements<string?>(null, "", "a", "b", "ab") from s in Gen.Choose(0, 2) select (Cond)new CTagEq(c, s)),
                Shape("CContains", 3, from k in Collection from c in Small from alt in Bool select (Cond)new CContains(k, c, alt)),
                Shape("CNotContains", 1, from k in Collection from c in Small select (Cond)new CNotContains(k, c)),
                Shape("CTagLen", 1, Gen.Choose(0, 2).Select(c => (Cond)new CTagLen(c))),
                Shape("CAnyGreater", 1, Small.Select(c => (Cond)new CAnyGreater(c))),
                Shape("CWhen", 4, from op in Comparison from t in Small select (Cond)new CWhen(op, t)),
            ]);
        }

        if (facts > 0)
        {
            choices.AddRange(
            [
                Shape("CJoinEq", 6, from s in Field from r in Ref from o in Field from rev in Bool select (Cond)new CJoinEq(s, r, o, rev)),
                Shape("CJoinCmp", 2, from s in Field from op in Comparison from r in Ref from o in Field select (Cond)new CJoinCmp(s, op, r, o)),
                Shape("CRefOnly", 1, from r in Ref from f in Field from op in Comparison from c in Small select (Cond)new CRefOnly(r, f, op, c)),
                Shape("CRefRefEq", 1, from r1 in Ref from f1 in Field from r2 in Ref from f2 in Field select (Cond)new CRefRefEq(r1, f1, r2, f2)),
                Shape("CJoinSum", 1, from s in Field from r1 in Ref from f1 in Field from r2 in Ref from f2 in Field select (Cond)new CJoinSum(s, r1, f1, r2, f2)),
                Shape("CSelfGuardedJoin", 1, Ref.Select(r => (Cond)new CSelfGuardedJoin(r))),
                Shape("CSame", 1, from r in Ref from n in Bool select (Cond)new CSame(r, n)),
            ]);
            if (!derived)
            {
                choices.AddRange(
                [
                    Shape("CJoinTag", 2, from r in Ref from se in Bool select (Cond)new CJoinTag(r, se)),
                    Shape("CJoinComposite", 2, from s in Field from r in Ref from o in Field select (Cond)new CJoinComposite(s, r, o)),
                    Shape("CJoinContains", 2, from self in Bool from k in Collection from r in Ref from o in Field from alt in Bool select (Cond)new CJoinContains(self, k, r, o, alt)),
                    Shape("CGuardedJoin", 3, Ref.Select(r => (Cond)new CGuardedJoin(r))),
                    Shape("CHoistedGuard", 3, from r in Ref from c in Gen.Choose(0, 2) select (Cond)new CHoistedGuard(r, c)),
                    Shape("CKeyGuard", 3, Ref.Select(r => (Cond)new CKeyGuard(r))),
                    Shape("CJoinWhen", 1, from op in Comparison from r in Ref select (Cond)new CJoinWhen(op, r)),
                ]);
            }
        }

        if (aggregates > 0)
        {
            choices.Add(Shape("CAggJoin", 3, from s in Field from op in Comparison from r in Ref select (Cond)new CAggJoin(s, op, r)));
            choices.Add(Shape("CInCollect", 1, Ref.Select(r => (Cond)new CInCollect(r))));
        }

        return from cond in Gen.Frequency(choices.OfType<(int, Gen<Cond>)>())
               from wide in Rarely
               select cond with { Wide = wide };
    }

    private static Gen<IReadOnlyList<RCond>> ResultConditions(bool collect, int bound)
    {
        var choices = new List<(int, Gen<RCond>)>
        {
            (4, from op in Comparison from c in Small select (RCond)new RCmp(op, c)),
        };
        if (bound > 0)
        {
            choices.Add((2, from op in Comparison from r in Ref from f in Field select (RCond)new RVsRef(op, r, f)));
        }

        if (collect)
        {
            choices.Add((2, from f in Field from c in Small select (RCond)new RAny(f, c)));
        }

        var one = from r in Gen.Frequency(choices) from wide in Bool select r with { Wide = wide };
        return Gen.Frequency((3, Gen.Constant(0)), (4, Gen.Constant(1)), (1, Gen.Constant(2)))
            .SelectMany(n => Gen.ListOf(one, n))
            .Select(l => (IReadOnlyList<RCond>)l.ToArray());
    }

    /// <summary>
    /// Condition shapes left out of generation, by record name, from the environment variable
    /// DIFFERENTIAL_EXCLUDE (comma-separated, e.g. "CGuardedJoin,CSelfGuardedJoin"): a way to look
    /// past a known engine bug while hunting for others. Empty by default: every shape is generated.
    /// </summary>
    public static readonly HashSet<string> Excluded =
        [.. (Environment.GetEnvironmentVariable("DIFFERENTIAL_EXCLUDE") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static (int, Gen<Cond>)? Shape(string name, int weight, Gen<Cond> gen) =>
        Excluded.Contains(name) ? null : (weight, gen);

    // ---------------------------------------------------------------- changes

    public static Gen<Mutation> Mutation() =>
        from kind in Gen.Frequency(
            (3, Gen.Constant(MKind.SetX)), (2, Gen.Constant(MKind.SetY)), (2, Gen.Constant(MKind.SetTag)), (1, Gen.Constant(MKind.SetArr)),
            (2, Gen.Constant(MKind.LstAdd)), (1, Gen.Constant(MKind.LstRemove)), (1, Gen.Constant(MKind.LstClear)), (1, Gen.Constant(MKind.SetWhen)), (1, Gen.Constant(MKind.Nothing)))
        from value in Gen.Choose(0, 4)
        from items in Ints
        select new Mutation(kind, value, items);

    public static Gen<Op> Op(bool allowDerived, bool withReinsert = true)
    {
        var update = from t in Gen.Choose(0, 20) from m in Mutation() select new OpUpdate(t, m);
        var choices = new List<(int, Gen<Op>)>
        {
            (3, Fact(allowDerived).Select(f => (Op)new OpInsert(f))),
            (2, Facts(0, 4, allowDerived).Select(f => (Op)new OpInsertAll(f))),
            (5, update.Select(u => (Op)u)),
            (2, Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(update, n)).Select(l => (Op)new OpUpdateAll(l.ToArray()))),
            (3, Gen.Choose(0, 20).Select(t => (Op)new OpRetract(t))),
            (2, Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(Gen.Choose(0, 20), n)).Select(l => (Op)new OpRetractAll(l.ToArray()))),
        };
        if (withReinsert)
        {
            choices.Add((2, Gen.Choose(0, 20).Select(t => (Op)new OpReinsert(t))));
        }

        return Gen.Frequency(choices);
    }

    // ---------------------------------------------------------------- scenarios

    public static Arbitrary<MatchScenario> MatchScenarios() =>
        Arb.From(
            from rules in Rules(1, 4, allowDerived: true)
            from facts in Facts(0, 15, allowDerived: true)
            select new MatchScenario(rules, facts),
            Shrink);

    public static Arbitrary<ChangeScenario> ChangeScenarios() =>
        Arb.From(
            from rules in Rules(1, 4, allowDerived: true)
            from initial in Facts(0, 10, allowDerived: true)
            from n in Gen.Choose(1, 12)
            from ops in Gen.ListOf(Op(allowDerived: true), n)
            select new ChangeScenario(rules, [new OpInsertAll(initial), .. ops]),
            Shrink);

    public static Arbitrary<ChainScenario> ChainScenarios() =>
        Arb.From(
            from level1 in Rules(1, 3, allowDerived: false)
            from level2 in Rules(1, 3, allowDerived: true, level2: true)
            from facts in Facts(0, 8, allowDerived: false)
            from n in Gen.Choose(1, 8)
            from ops in Gen.ListOf(
                Gen.Frequency(
                    (5, Gen.Choose(0, 20).Select(t => (Op)new OpRetract(t))),
                    (2, Gen.Choose(1, 3).SelectMany(k => Gen.ListOf(Gen.Choose(0, 20), k)).Select(l => (Op)new OpRetractAll(l.ToArray()))),
                    (3, Op(allowDerived: false, withReinsert: false))),
                n)
            select new ChainScenario(level1, level2, facts, ops.ToArray()),
            Shrink);

    // ---------------------------------------------------------------- shrinking (by deletion, then simplification)

    public static IEnumerable<MatchScenario> Shrink(MatchScenario s) =>
        ShrinkList(s.Facts, ShrinkFact).Select(f => s with { Facts = f })
            .Concat(ShrinkRules(s.Rules).Select(r => s with { Rules = r }));

    public static IEnumerable<ChangeScenario> Shrink(ChangeScenario s) =>
        ShrinkList(s.Ops, ShrinkOp).Select(o => s with { Ops = o })
            .Concat(ShrinkRules(s.Rules).Select(r => s with { Rules = r }));

    public static IEnumerable<ChainScenario> Shrink(ChainScenario s) =>
        ShrinkList(s.Facts, ShrinkFact).Select(f => s with { Facts = f })
            .Concat(ShrinkList(s.Ops, ShrinkOp).Select(o => s with { Ops = o }))
            .Concat(ShrinkRules(s.Level1).Select(r => s with { Level1 = r }))
            .Concat(ShrinkRules(s.Level2, min: 0).Select(r => s with { Level2 = r }));

    private static IEnumerable<IReadOnlyList<RuleSpec>> ShrinkRules(IReadOnlyList<RuleSpec> rules, int min = 1) =>
        ShrinkList(rules, ShrinkRule, min);

    private static IEnumerable<RuleSpec> ShrinkRule(RuleSpec rule) =>
        ShrinkList(rule.Elems, ShrinkElem, min: 1).Select(e => new RuleSpec(e));

    private static IEnumerable<Elem> ShrinkElem(Elem elem) => elem switch
    {
        EPattern p => ShrinkPattern(p.P).Select(x => (Elem)new EPattern(x)),
        ENot n => ShrinkPattern(n.P).Select(x => (Elem)new ENot(x)).Prepend(new EPattern(n.P)),
        EExists e => ShrinkPattern(e.P).Select(x => (Elem)new EExists(x)).Prepend(new EPattern(e.P)),
        EAgg a => ShrinkList(a.Results, _ => []).Select(r => (Elem)(a with { Results = r }))
            .Concat(ShrinkPattern(a.Source).Select(x => (Elem)(a with { Source = x }))),
        _ => [],
    };

    private static IEnumerable<PatternSpec> ShrinkPattern(PatternSpec p)
    {
        foreach (var conds in ShrinkList(p.Conds, ShrinkCond))
        {
            yield return p with { Conds = conds };
        }

        if (p.OneLambda)
        {
            yield return p with { OneLambda = false };
        }
    }

    private static IEnumerable<Cond> ShrinkCond(Cond c)
    {
        if (c.Wide)
        {
            yield return c with { Wide = false };
        }
    }

    private static IEnumerable<FactSpec> ShrinkFact(FactSpec f)
    {
        if (f.Arr.Length > 0)
        {
            yield return f with { Arr = [] };
        }

        if (f.Lst.Length > 0)
        {
            yield return f with { Lst = [] };
        }

        if (f.Tag is not null)
        {
            yield return f with { Tag = null };
        }

        if (f.X != 0)
        {
            yield return f with { X = 0 };
        }

        if (f.Y != 0)
        {
            yield return f with { Y = 0 };
        }
    }

    private static IEnumerable<Op> ShrinkOp(Op op) => op switch
    {
        OpInsertAll all => ShrinkList(all.Facts, ShrinkFact).Select(f => (Op)new OpInsertAll(f)).Concat(all.Facts.Select(f => (Op)new OpInsert(f)).Take(1)),
        OpUpdateAll all => ShrinkList(all.Changes, _ => [], min: 1).Select(c => (Op)new OpUpdateAll(c)).Concat(all.Changes.Take(1)),
        OpRetractAll all => ShrinkList(all.Targets, _ => [], min: 1).Select(t => (Op)new OpRetractAll(t)).Append(new OpRetract(all.Targets[0])),
        OpInsert i => ShrinkFact(i.Fact).Select(f => (Op)new OpInsert(f)),
        _ => [],
    };

    /// <summary>Lists with one item removed (halves first, for speed), then with one item shrunk.</summary>
    private static IEnumerable<IReadOnlyList<T>> ShrinkList<T>(IReadOnlyList<T> list, Func<T, IEnumerable<T>> shrinkItem, int min = 0)
    {
        if (list.Count >= 4 && list.Count / 2 >= min)
        {
            yield return list.Take(list.Count / 2).ToArray();
            yield return list.Skip(list.Count / 2).ToArray();
        }

        if (list.Count > min)
        {
            for (var i = 0; i < list.Count; i++)
            {
                yield return list.Where((_, k) => k != i).ToArray();
            }
        }

        for (var i = 0; i < list.Count; i++)
        {
            foreach (var smaller in shrinkItem(list[i]))
            {
                var copy = list.ToArray();
                copy[i] = smaller;
                yield return copy;
            }
        }
    }
}
