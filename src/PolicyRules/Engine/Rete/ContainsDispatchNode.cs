using System.Collections;
using System.Runtime.CompilerServices;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// Hash dispatch for membership tests on one collection member (<c>c.Sectors.Contains("music")</c>):
/// each distinct element of the fact's collection is looked up, so a fact meets only the branches
/// for the values it holds.
/// </summary>
/// <remarks>
/// Hashing agrees with the condition only for collections whose <c>Contains</c> uses the default
/// equality: arrays and <see cref="List{T}"/>. Any other collection (a set with its own comparer,
/// say) and a null one are tested branch by branch with the original condition.
/// </remarks>
internal sealed class ContainsDispatchNode(Func<object, object?> collection, Type arrayType, Type listType, string member) : AlphaNode
{
    // A string[] is read as the object?[] it is, covariantly; an int[] is not one.
    private readonly bool _arrayOfReferences = !arrayType.GetElementType()!.IsValueType;

    public string Member { get; } = member;

    public DispatchTable Branches { get; } = new();

    public override void Activate(RuleSession session, ref FactHandle handle)
    {
        object? items;
        try
        {
            items = collection(handle.Fact);
        }
        catch (Exception ex)
        {
            throw Failure(Member, handle.Fact, ex);
        }

        var type = items?.GetType();
        if (type == arrayType && _arrayOfReferences)
        {
            // Arrays of references (string[]) are read directly, other lists through IList; the
            // struct views make one specialised copy of the loop for each. The exact type is known,
            // so the array is read as object?[] without the covariance check `is object?[]` costs.
            Dispatch(session, ref handle, new ArrayView(Unsafe.As<object?[]>(items!)));
        }
        else if (type == arrayType || type == listType)
        {
            Dispatch(session, ref handle, new ListView((IList)items!));
        }
        else
        {
            TestEachBranch(session, ref handle);
        }
    }

    private void Dispatch<TItems>(RuleSession session, ref FactHandle handle, TItems items)
        where TItems : struct, IItems
    {
        var count = items.Count;
        for (var i = 0; i < count; i++)
        {
            var key = JoinKey.Of(items[i]);
            if (IsRepeated(items, i, key))
            {
                continue;
            }

            session.Counters.AlphaDispatchLookups++;
            if (Branches.TryGetTarget(key, out var target))
            {
                target.Activate(session, ref handle);
            }
        }
    }

    // Collections on facts are short: a linear look-back beats allocating a set per fact.
    private static bool IsRepeated<TItems>(TItems items, int index, object key)
        where TItems : struct, IItems
    {
        for (var j = 0; j < index; j++)
        {
            if (Equals(JoinKey.Of(items[j]), key))
            {
                return true;
            }
        }

        return false;
    }

    private void TestEachBranch(RuleSession session, ref FactHandle handle)
    {
        foreach (var branch in Branches.Values)
        {
            session.Counters.AlphaConditionEvaluations++;
            bool passed;
            try
            {
                passed = branch.Predicate(handle.Fact);
            }
            catch (Exception ex)
            {
                throw Failure(Member, handle.Fact, ex);
            }

            if (passed)
            {
                branch.Activate(session, ref handle);
            }
        }
    }

    private interface IItems
    {
        int Count { get; }

        object? this[int index] { get; }
    }

    private readonly struct ArrayView(object?[] items) : IItems
    {
        public int Count => items.Length;

        public object? this[int index] => items[index];
    }

    private readonly struct ListView(IList items) : IItems
    {
        public int Count => items.Count;

        public object? this[int index] => items[index];
    }
}
