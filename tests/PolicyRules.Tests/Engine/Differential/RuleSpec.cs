namespace PolicyRules.Tests.Engine.Differential;

// A small, shrinkable description of rules and facts. The generators produce these; SpecBuilder
// turns them into RuleDefinitions whose conditions are expression trees built by hand. References to
// earlier aliases are indices resolved modulo the aliases actually available, and a condition that
// cannot be resolved is dropped, so removing any element or condition (shrinking) leaves a valid rule.

/// <summary>The declared type of a pattern.</summary>
public enum PType
{
    IFact,
    Foo,
    Bar,
    SubBar,
    Derived,
}

/// <summary>The runtime type of a fact.</summary>
public enum FKind
{
    Foo,
    Bar,
    SubBar,
    Derived,
}

/// <summary>An int read from a fact: a field, an array length or a list count.</summary>
public enum IntField
{
    X,
    Y,
    ArrLen,
    LstCount,
}

public enum Cmp
{
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// <summary>Which collection member: the <c>int[]</c> or the <c>List&lt;int&gt;</c>.</summary>
public enum Coll
{
    Arr,
    Lst,
}

public sealed record FactSpec(FKind Kind, int X, int Y, string? Tag, int[] Arr, int[] Lst, int When = 0)
{
    public object Create(int id) => Kind switch
    {
        FKind.Foo => new Foo { Id = id, X = X, Y = Y, Tag = Tag, Arr = [.. Arr], Lst = [.. Lst], When = Times.At(When) },
        FKind.Bar => new Bar { Id = id, X = X, Y = Y, Tag = Tag, Arr = [.. Arr], Lst = [.. Lst], When = Times.At(When) },
        FKind.SubBar => new SubBar { Id = id, X = X, Y = Y, Tag = Tag, Arr = [.. Arr], Lst = [.. Lst], When = Times.At(When) },
        _ => new Derived { Id = id, X = X, Y = Y },
    };

    public override string ToString() =>
        Kind == FKind.Derived
            ? $"Derived(X={X},Y={Y})"
            : $"{Kind}(X={X},Y={Y},Tag={(Tag is null ? "null" : "\"" + Tag + "\"")},Arr=[{string.Join(",", Arr)}],Lst=[{string.Join(",", Lst)}],When={Times.Show(Times.At(When))})";
}

/// <summary>One condition of a pattern. <see cref="Wide"/> types the lambda's parameters as <see cref="IFact"/> where possible.</summary>
public abstract record Cond
{
    public bool Wide { get; init; }
}

// ---- conditions on the fact alone ----

/// <summary><c>f.F == C</c> (or <c>C == f.F</c>): constant equality, hash-dispatched.</summary>
public sealed record CConstEq(IntField F, int C, bool Reversed) : Cond;

/// <summary><c>f.Tag == C</c>, <c>C == f.Tag</c> or <c>string.Equals(f.Tag, C)</c>; C may be null.</summary>
public sealed record CTagEq(string? C, int Style) : Cond;

/// <summary><c>f.Arr.Contains(C)</c> (Enumerable or span form) or <c>f.Lst.Contains(C)</c> (instance or Enumerable form).</summary>
public sealed record CContains(Coll Coll, int C, bool Alt) : Cond;

/// <summary><c>!f.Coll.Contains(C)</c>: a predicate.</summary>
public sealed record CNotContains(Coll Coll, int C) : Cond;

/// <summary><c>f.F op C</c>.</summary>
public sealed record CCompare(IntField F, Cmp Op, int C) : Cond;

/// <summary><c>f.X + f.Y == C</c>: an equality on a computed accessor.</summary>
public sealed record CSumEq(int C) : Cond;

/// <summary><c>f.Tag != null &amp;&amp; f.Tag.Length == C</c>: the equality needs the guard.</summary>
public sealed record CTagLen(int C) : Cond;

/// <summary><c>f is K</c>.</summary>
public sealed record CIsType(FKind K) : Cond;

/// <summary><c>f.Lst.Any(v =&gt; v &gt; C)</c>: a nested lambda.</summary>
public sealed record CAnyGreater(int C) : Cond;

/// <summary><c>f.When op T</c> with T one of <see cref="Times.All"/>: a DateTime constant.</summary>
public sealed record CWhen(Cmp Op, int T) : Cond;

/// <summary><c>new[] { … }.Contains(f.F)</c>: membership of the fact's value in a constant set (a predicate, not a dispatch).</summary>
public sealed record CInSet(IntField F, int[] Values) : Cond
{
    public override string ToString() => $"CInSet {{ Wide = {Wide}, F = {F}, Values = [{string.Join(",", Values)}] }}";
}

// ---- conditions joining earlier aliases ----

/// <summary><c>f.When op a.When</c> (a key when op is ==).</summary>
public sealed record CJoinWhen(Cmp Op, int Ref) : Cond;

/// <summary><c>f == a</c> or <c>f != a</c>: reference (in)equality of two facts.</summary>
public sealed record CSame(int Ref, bool Negate) : Cond;

/// <summary><c>l.Contains(f)</c> where l is an earlier collection whose element type the fact has.</summary>
public sealed record CInCollect(int Ref) : Cond;

/// <summary><c>a.Tag != null &amp;&amp; f.Tag == a.Tag &amp;&amp; f.Tag.Length == C</c>: the last test is on the fact alone, but only safe after the others.</summary>
public sealed record CHoistedGuard(int Ref, int C) : Cond;


/// <summary><c>f.Self == a.Other</c> (either side first): a hashed join key.</summary>
public sealed record CJoinEq(IntField Self, int Ref, IntField Other, bool Reversed) : Cond;

/// <summary><c>f.Tag == a.Tag</c> or <c>string.Equals(a.Tag, f.Tag)</c>: a join key that may be null.</summary>
public sealed record CJoinTag(int Ref, bool StringEquals) : Cond;

/// <summary><c>f.Self == a.Other &amp;&amp; f.Tag == a.Tag</c>: a composite key.</summary>
public sealed record CJoinComposite(IntField Self, int Ref, IntField Other) : Cond;

/// <summary><c>f.Self op a.Other</c>: a residual join test.</summary>
public sealed record CJoinCmp(IntField Self, Cmp Op, int Ref, IntField Other) : Cond;

/// <summary><c>f.Coll.Contains(a.Other)</c> when <see cref="SelfHolds"/>, else <c>a.Coll.Contains(f.Other)</c>.</summary>
public sealed record CJoinContains(bool SelfHolds, Coll Coll, int Ref, IntField Other, bool Alt) : Cond;

/// <summary><c>a.F op C</c>: mentions an earlier alias only.</summary>
public sealed record CRefOnly(int Ref, IntField F, Cmp Op, int C) : Cond;

/// <summary><c>a.F1 == b.F2</c>: an equality between earlier aliases only (not a key).</summary>
public sealed record CRefRefEq(int Ref1, IntField F1, int Ref2, IntField F2) : Cond;

/// <summary><c>f.Self == a.F1 + b.F2</c>: a key computed from two aliases.</summary>
public sealed record CJoinSum(IntField Self, int Ref1, IntField F1, int Ref2, IntField F2) : Cond;

/// <summary><c>a.Tag != null &amp;&amp; a.Tag.Length == f.X</c>: an equality guarded by the conjunct before it.</summary>
public sealed record CGuardedJoin(int Ref) : Cond;

/// <summary><c>f.Tag != null &amp;&amp; f.Tag.Length == a.X</c>: the same, guarding the fact's side.</summary>
public sealed record CSelfGuardedJoin(int Ref) : Cond;

/// <summary><c>f.Self op n</c> where n is an earlier count (or a collection's Count).</summary>
public sealed record CAggJoin(IntField Self, Cmp Op, int Ref) : Cond;

/// <summary>
/// <c>f.Tag != null &amp;&amp; f.Tag == a.Tag &amp;&amp; a.Tag.Length == f.X</c>: two equality keys, the second safe only
/// once the first holds (then a.Tag is not null).
/// </summary>
public sealed record CKeyGuard(int Ref) : Cond;

// ---- result conditions of aggregates ----

public abstract record RCond
{
    public bool Wide { get; init; }
}

/// <summary><c>n op C</c>, or <c>list.Count op C</c>.</summary>
public sealed record RCmp(Cmp Op, int C) : RCond;

/// <summary><c>n op a.F</c> (a fact alias) or <c>n op m</c> (an earlier aggregate).</summary>
public sealed record RVsRef(Cmp Op, int Ref, IntField F) : RCond;

/// <summary><c>list.Any(x =&gt; x.F == C)</c> (collections only).</summary>
public sealed record RAny(IntField F, int C) : RCond;

// ---- elements and rules ----

/// <summary>A pattern: its type, its conditions, and whether they are written as one lambda joined by &amp;&amp;.</summary>
public sealed record PatternSpec(PType Type, IReadOnlyList<Cond> Conds, bool OneLambda)
{
    public override string ToString() => $"{Type}[{string.Join("; ", Conds)}]{(OneLambda ? " as one lambda" : "")}";
}

public abstract record Elem;

public sealed record EPattern(PatternSpec P) : Elem
{
    public override string ToString() => "Pattern " + P;
}

public sealed record ENot(PatternSpec P) : Elem
{
    public override string ToString() => "Not " + P;
}

public sealed record EExists(PatternSpec P) : Elem
{
    public override string ToString() => "Exists " + P;
}

public sealed record EAgg(bool Collect, PatternSpec Source, IReadOnlyList<RCond> Results) : Elem
{
    public override string ToString() => $"{(Collect ? "Collect" : "Count")} {Source} having [{string.Join("; ", Results)}]";
}

public sealed record RuleSpec(IReadOnlyList<Elem> Elems)
{
    public override string ToString() => string.Join(" | ", Elems);
}
