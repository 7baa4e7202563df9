using System.Text;

namespace PolicyRules.Tests.Engine.Differential;

internal static class Scenarios
{
    /// <summary>The tags facts have and conditions test.</summary>
    public static readonly string?[] Tags = [null, "", "a", "b", "ab"];
}

/// <summary>Rules and the facts to insert (properties a and b).</summary>
public sealed record MatchScenario(IReadOnlyList<RuleSpec> Rules, IReadOnlyList<FactSpec> Facts)
{
    public override string ToString() =>
        $"MatchScenario\n  rules:\n{Lines(Rules)}  facts:\n{Lines(Facts)}";

    internal static string Lines<T>(IEnumerable<T> items) => string.Concat(items.Select((x, i) => $"    [{i}] {x}\n"));
}

/// <summary>Rules and a sequence of changes to working memory (property c).</summary>
public sealed record ChangeScenario(IReadOnlyList<RuleSpec> Rules, IReadOnlyList<Op> Ops)
{
    public override string ToString() =>
        $"ChangeScenario\n  rules:\n{MatchScenario.Lines(Rules)}  ops:\n{MatchScenario.Lines(Ops)}";
}

/// <summary>
/// Two strata of chaining rules: level 1 over base facts, level 2 over base facts and the level-1
/// <see cref="Derived"/> facts; every rule inserts one linked <see cref="Derived"/> (property d).
/// </summary>
public sealed record ChainScenario(IReadOnlyList<RuleSpec> Level1, IReadOnlyList<RuleSpec> Level2, IReadOnlyList<FactSpec> Facts, IReadOnlyList<Op> Ops)
{
    public override string ToString() =>
        $"ChainScenario\n  level 1:\n{MatchScenario.Lines(Level1)}  level 2:\n{MatchScenario.Lines(Level2)}  facts:\n{MatchScenario.Lines(Facts)}  ops:\n{MatchScenario.Lines(Ops)}";
}

public enum MKind
{
    SetX,
    SetY,
    SetTag,
    SetArr,
    LstAdd,
    LstRemove,
    LstClear,
    SetWhen,
    Nothing,
}

/// <summary>An in-place change to a fact. On a <see cref="Derived"/> only X and Y can change; anything else leaves it as it is.</summary>
public sealed record Mutation(MKind Kind, int Value, int[] Items)
{
    public static readonly string?[] Tags = Scenarios.Tags;

    public void Apply(object fact)
    {
        switch (fact)
        {
            case IFact f:
                switch (Kind)
                {
                    case MKind.SetX: f.X = Value; break;
                    case MKind.SetY: f.Y = Value; break;
                    case MKind.SetTag: f.Tag = Tags[Value % Tags.Length]; break;
                    case MKind.SetArr: f.Arr = [.. Items]; break;
                    case MKind.LstAdd: f.Lst.Add(Value); break;
                    case MKind.LstRemove: f.Lst.Remove(Value); break;
                    case MKind.LstClear: f.Lst.Clear(); break;
                    case MKind.SetWhen: f.When = Times.At(Value); break;
                }

                break;
            case Derived d:
                if (Kind == MKind.SetX)
                {
                    d.X = Value;
                }
                else if (Kind == MKind.SetY)
                {
                    d.Y = Value;
                }

                break;
        }
    }

    public override string ToString() => Kind switch
    {
        MKind.SetTag => $"Tag={Tags[Value % Tags.Length] ?? "null"}",
        MKind.SetArr => $"Arr=[{string.Join(",", Items)}]",
        MKind.SetWhen => $"When={Times.Show(Times.At(Value))}",
        MKind.LstClear or MKind.Nothing => Kind.ToString(),
        _ => $"{Kind}({Value})",
    };
}

/// <summary>One change to working memory. Targets are indices into the live (or retracted) facts, modulo their number.</summary>
public abstract record Op;

public sealed record OpInsert(FactSpec Fact) : Op;

public sealed record OpInsertAll(IReadOnlyList<FactSpec> Facts) : Op
{
    public override string ToString() => $"InsertAll [{string.Join(", ", Facts)}]";
}

public sealed record OpUpdate(int Target, Mutation Change) : Op;

public sealed record OpUpdateAll(IReadOnlyList<OpUpdate> Changes) : Op
{
    public override string ToString() => $"UpdateAll [{string.Join(", ", Changes)}]";
}

public sealed record OpRetract(int Target) : Op;

public sealed record OpRetractAll(IReadOnlyList<int> Targets) : Op
{
    public override string ToString() => $"RetractAll [{string.Join(", ", Targets)}]";
}

/// <summary>Inserts again (the same object) a fact retracted earlier.</summary>
public sealed record OpReinsert(int Target) : Op;

/// <summary>
/// Applies <see cref="Op"/>s to a session and keeps the expected working memory (live facts in
/// insertion order) and a readable log of what was done, with the actual facts.
/// </summary>
public sealed class OpRunner(PolicyRules.Engine.Runtime.RuleSession session, int firstId = 1)
{
    private int _nextId = firstId;

    public List<object> Live { get; } = [];

    public List<object> Retracted { get; } = [];

    public StringBuilder Log { get; } = new();

    public void Apply(Op op)
    {
        switch (op)
        {
            case OpInsert i:
            {
                var fact = i.Fact.Create(_nextId++);
                Log.AppendLine($"  Insert {fact}");
                session.Insert(fact);
                Live.Add(fact);
                break;
            }

            case OpInsertAll all:
            {
                var facts = all.Facts.Select(f => f.Create(_nextId++)).ToList();
                Log.AppendLine($"  InsertAll [{string.Join(", ", facts.Select(FactText.Ref))}]:");
                foreach (var fact in facts)
                {
                    Log.AppendLine($"      {fact}");
                }

                session.InsertAll(facts);
                Live.AddRange(facts);
                break;
            }

            case OpUpdate u when Live.Count > 0:
            {
                var fact = Live[u.Target % Live.Count];
                u.Change.Apply(fact);
                Log.AppendLine($"  Update {FactText.Ref(fact)} {u.Change} -> {fact}");
                session.Update(fact);
                break;
            }

            case OpUpdateAll all when Live.Count > 0:
            {
                var facts = new List<object>();
                foreach (var change in all.Changes)
                {
                    var fact = Live[change.Target % Live.Count];
                    change.Change.Apply(fact);
                    facts.Add(fact);
                }

                Log.AppendLine($"  UpdateAll [{string.Join(", ", all.Changes.Select((c, k) => $"{FactText.Ref(facts[k])} {c.Change}"))}] -> {string.Join(" ", facts.Distinct(ReferenceEqualityComparer.Instance))}");
                session.UpdateAll(facts);
                break;
            }

            case OpRetract r when Live.Count > 0:
            {
                var fact = Live[r.Target % Live.Count];
                Log.AppendLine($"  Retract {FactText.Ref(fact)}");
                session.Retract(fact);
                RemoveReference(Live, fact);
                Retracted.Add(fact);
                break;
            }

            case OpRetractAll all when Live.Count > 0:
            {
                var facts = all.Targets.Select(t => Live[t % Live.Count]).Distinct(ReferenceEqualityComparer.Instance).ToList();
                Log.AppendLine($"  RetractAll [{string.Join(", ", facts.Select(FactText.Ref))}]");
                session.RetractAll(facts!);
                foreach (var fact in facts)
                {
                    RemoveReference(Live, fact!);
                    Retracted.Add(fact!);
                }

                break;
            }

            case OpReinsert r when Retracted.Count > 0:
            {
                var fact = Retracted[r.Target % Retracted.Count];
                Log.AppendLine($"  Reinsert {fact}");
                session.Insert(fact);
                RemoveReference(Retracted, fact);
                Live.Add(fact);
                break;
            }

            default:
                Log.AppendLine($"  ({op}: nothing to act on)");
                break;
        }
    }

    // Derived facts have value equality: List.Remove would take the first equal one, not this one.
    private static void RemoveReference(List<object> list, object fact) =>
        list.RemoveAt(list.FindIndex(x => ReferenceEquals(x, fact)));
}
