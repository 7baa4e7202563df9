using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Tests.Engine;

/// <summary>The chunked list of the agenda and the session pools, differentially against <see cref="List{T}"/>.</summary>
public class SegmentedListTests
{
    // An operation: 0 adds `n` items, 1 pops up to `n`, 2 truncates to `n` (when shorter), 3 clears, 4 overwrites item `n`.
    private static readonly Gen<(int Kind, int N)> Operation =
        Gen.Zip(Gen.Choose(0, 4), Gen.OneOf(Gen.Choose(0, 20), Gen.Choose(0, 9_000)));

    [Fact]
    public void Any_sequence_of_operations_leaves_the_same_items_as_a_list()
    {
        Prop.ForAll(Operation.ArrayOf().ToArbitrary(), operations =>
        {
            var list = new SegmentedList<int>();
            var expected = new List<int>();
            var next = 0;
            foreach (var (kind, n) in operations)
            {
                switch (kind)
                {
                    case 0:
                        for (var i = 0; i < n; i++)
                        {
                            list.Add(next);
                            expected.Add(next++);
                        }

                        break;
                    case 1:
                        for (var i = 0; i < n && expected.Count > 0; i++)
                        {
                            if (list.Pop() != expected[^1])
                            {
                                return false;
                            }

                            expected.RemoveAt(expected.Count - 1);
                        }

                        break;
                    case 2 when n < expected.Count:
                        list.Truncate(n);
                        expected.RemoveRange(n, expected.Count - n);
                        break;
                    case 3:
                        list.Clear();
                        expected.Clear();
                        break;
                    case 4 when n < expected.Count:
                        list[n] = -n;
                        expected[n] = -n;
                        break;
                }

                if (list.Count != expected.Count)
                {
                    return false;
                }
            }

            return Enumerable.Range(0, expected.Count).All(i => list[i] == expected[i]);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Fact]
    public void Items_popped_truncated_or_cleared_are_not_kept_alive()
    {
        // Pooled across sessions, the agenda's rows must not keep a finished session's facts alive.
        var list = new SegmentedList<object>();
        var popped = Fill(list, 3);
        Pop(list);
        var truncated = Fill(list, 5_000); // across a chunk's edge
        list.Truncate(4_000);
        var cleared = Fill(list, 10);
        list.Clear();

        GC.Collect();
        GC.WaitForPendingFinalizers();

        popped[^1].IsAlive.Should().BeFalse("a popped item's place is cleared");
        truncated[^1].IsAlive.Should().BeFalse("the places beyond a truncation are cleared");
        truncated[^1_000].IsAlive.Should().BeFalse("including those in an earlier chunk");
        cleared.Should().OnlyContain(item => !item.IsAlive, "a cleared list holds nothing");
        list.Count.Should().Be(0);
    }

    // Not inlined, so no local of the caller's frame keeps the item popped alive (a Debug build keeps every temporary).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Pop(SegmentedList<object> list) => list.Pop();

    // Not inlined, so no local of the caller's frame keeps an item alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] Fill(SegmentedList<object> list, int count)
    {
        var references = new WeakReference[count];
        for (var i = 0; i < count; i++)
        {
            var item = new object();
            references[i] = new WeakReference(item);
            list.Add(item);
        }

        return references;
    }
}
