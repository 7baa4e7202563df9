using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using FluentAssertions;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Tests.Engine;

/// <summary>A session's fact handles as rows: against a model of which rows are in use, discarded and free.</summary>
public class FactHandleTableTests
{
    // An operation: 0 makes `n` rows, 1 discards up to `n` live rows, 2 recycles, 3 releases everything.
    private static readonly Gen<(int Kind, int N)> Operation =
        Gen.Zip(Gen.Choose(0, 3), Gen.OneOf(Gen.Choose(0, 20), Gen.Choose(0, 3_000)));

    [Fact]
    public void A_row_is_reused_only_once_the_change_that_discarded_it_is_complete()
    {
        Prop.ForAll(Operation.ArrayOf().ToArbitrary(), operations =>
        {
            var table = new FactHandleTable(2);
            var live = new Dictionary<int, object>(); // id -> its fact
            var discarded = new HashSet<int>();
            var sequence = 0L;
            foreach (var (kind, n) in operations)
            {
                switch (kind)
                {
                    case 0:
                        for (var i = 0; i < n; i++)
                        {
                            var fact = new object();
                            var startsRules = i % 3 != 0;
                            var id = table.New(fact, ++sequence, startsRules);
                            if (live.ContainsKey(id) || discarded.Contains(id))
                            {
                                return false; // a row still in use, or discarded during the change, handed out again
                            }

                            ref var row = ref table[id];
                            if (row.Id != id || row.Fact != fact || row.Sequence != sequence || row.NextLinked != -1
                                || row.Leaving || row.MemoryCount != 0 || row.LinkedTo != -1)
                            {
                                return false; // not made new
                            }

                            // A row for a fact a rule can start with has an empty array of root facts; another
                            // may keep the array of the row's earlier fact, emptied.
                            if ((startsRules && row.RootFacts is null) || row.RootFacts is { } roots && (roots.Length != 2 || roots[0] is not null))
                            {
                                return false;
                            }

                            // Dirty it as a session would, for the reuse to clean.
                            if (row.RootFacts is { } array)
                            {
                                array[0] = fact;
                            }

                            row.Leaving = true;
                            row.NextLinked = id;
                            live.Add(id, fact);
                        }

                        break;
                    case 1:
                        foreach (var id in live.Keys.Take(n).ToList())
                        {
                            table.Discard(id);
                            live.Remove(id);
                            discarded.Add(id);
                        }

                        break;
                    case 2:
                        table.Recycle();
                        discarded.Clear();
                        break;
                    case 3:
                        table.Release();
                        live.Clear();
                        discarded.Clear();
                        break;
                }

                if (table.Live != live.Count || live.Any(pair => table[pair.Key].Fact != pair.Value))
                {
                    return false;
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Fact]
    public void A_reference_to_a_row_stays_valid_while_rows_are_added()
    {
        var table = new FactHandleTable(1);
        var first = table.New("first", 1, startsRules: true);
        ref var row = ref table[first];
        for (var i = 0; i < 5_000; i++)
        {
            table.New(i, i + 2, startsRules: true); // across several chunks' edges
        }

        row.Leaving = true; // written through the reference taken before the table grew
        table[first].Leaving.Should().BeTrue("the row was not moved");
        table[first].Fact.Should().Be("first");
        table[4_000].Fact.Should().Be(3_999);
    }

    [Fact]
    public void Rows_recycled_or_released_keep_no_fact_alive()
    {
        // Pooled across sessions, the rows must not keep a finished session's facts alive.
        var table = new FactHandleTable(2);
        var (recycled, released) = Fill(table);

        GC.Collect();
        GC.WaitForPendingFinalizers();

        recycled.IsAlive.Should().BeFalse("a recycled row drops its fact and its root array's slot");
        released.Should().OnlyContain(fact => !fact.IsAlive, "a released table holds no fact");
        table.Live.Should().Be(0);
    }

    // Not inlined, so no local of the caller's frame keeps a fact alive (a Debug build keeps every temporary).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Recycled, WeakReference[] Released) Fill(FactHandleTable table)
    {
        var fact = new object();
        var id = table.New(fact, 1, startsRules: true);
        table[id].RootFacts![0] = fact; // as the first root token fills it
        table.Discard(id);
        table.Recycle();
        var recycled = new WeakReference(fact);

        var released = new WeakReference[3_000]; // across a chunk's edge (2,048 rows)
        for (var i = 0; i < released.Length; i++)
        {
            var other = new object();
            var row = table.New(other, i + 2, startsRules: true);
            table[row].RootFacts![0] = other;
            released[i] = new WeakReference(other);
        }

        table.Release();
        return (recycled, released);
    }
}
