using System.Collections;
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
    public string Member { get; } = member;

    public DispatchTable Branches { get; } = new();

    public override void Activate(RuleSession session, FactHandle handle)
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

        if (items is object?[] array && items.GetType() == arrayType)
        {
            // Arrays of references (string[]) read without the IList interface.
            Dispatch(session, handle, array);
        }
        else if (items is IList list && (items.GetType() == arrayType || items.GetType() == listType))
        {
            Dispatch(session, handle, list);
        }
        else
        {
            TestEachBranch(session, handle);
        }
    }

    private void Dispatch(RuleSession session, FactHandle handle, IList items)
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
            if (Branches.TryGetValue(key, out var branch))
            {
                branch.Activate(session, handle);
            }
        }
    }

    private void Dispatch(RuleSession session, FactHandle handle, object?[] items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            var key = JoinKey.Of(items[i]);
            if (IsRepeated(items, i, key))
            {
                continue;
            }

            session.Counters.AlphaDispatchLookups++;
            if (Branches.TryGetValue(key, out var branch))
            {
                branch.Activate(session, handle);
            }
        }
    }

    private static bool IsRepeated(object?[] items, int index, object key)
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

    // Collections on facts are short: a linear look-back beats allocating a set per fact.
    private static bool IsRepeated(IList items, int index, object key)
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

    private void TestEachBranch(RuleSession session, FactHandle handle)
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
                branch.Activate(session, handle);
            }
        }
    }
}
