using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using FluentAssertions;
using PolicyRules.Engine.Rete;

namespace PolicyRules.Tests.Engine;

/// <summary>A session's tokens as rows: the token tree and the rows' reuse, against a model.</summary>
public class TokenTableTests
{
    // An operation: 0 makes `n` roots, 1 makes `n` children of live tokens, 2 withdraws up to `n`
    // tokens with everything under them, 3 recycles, 4 releases everything. `Pick` chooses which.
    private static readonly Gen<(int Kind, int N, int Pick)> Operation =
        Gen.Zip(Gen.Zip(Gen.Choose(0, 4), Gen.OneOf(Gen.Choose(0, 10), Gen.Choose(0, 3_000))), Gen.Choose(0, int.MaxValue))
            .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2));

    [Fact]
    public void The_tree_and_the_reuse_of_rows_agree_with_a_model()
    {
        Prop.ForAll(Operation.ArrayOf().ToArbitrary(), operations =>
        {
            var tokens = new TokenTable();
            var parents = new Dictionary<int, int>(); // live token -> its parent, or -1
            var children = new Dictionary<int, List<int>>(); // live token -> its children, newest first
            var discarded = new HashSet<int>();
            foreach (var (kind, n, pick) in operations)
            {
                var live = parents.Keys.ToList();
                switch (kind)
                {
                    case 0 or 1:
                        for (var i = 0; i < n && (kind == 0 || live.Count > 0); i++)
                        {
                            var parent = kind == 0 ? -1 : live[(pick + i) % live.Count];
                            var facts = new object?[] { i };
                            var id = tokens.New(facts, parent, null, JoinKey.None);
                            if (parents.ContainsKey(id) || discarded.Contains(id))
                            {
                                return false; // a row in use, or discarded during the change, handed out again
                            }

                            ref var row = ref tokens[id];
                            if (row.Facts != facts || row.FirstChild != -1 || row.NextSibling != -1 || row.BucketIndex != -1
                                || row.BlockedIndex != -1 || row.Pending != 0 || row.State is not null || (parent < 0) != (row.Links < 0))
                            {
                                return false; // not made new, or a root given links (or a child none)
                            }

                            // Dirty it as a session would, for the reuse to clean.
                            row.BucketIndex = row.BlockedIndex = 7;
                            row.Pending = 1;
                            row.State = facts;
                            if (parent >= 0)
                            {
                                tokens.AddChild(id);
                                children[parent].Insert(0, id);
                            }

                            parents.Add(id, parent);
                            children.Add(id, []);
                        }

                        break;
                    case 2:
                        foreach (var id in live.Skip(live.Count == 0 ? 0 : pick % live.Count).Take(n))
                        {
                            if (parents.TryGetValue(id, out var parent))
                            {
                                if (parent >= 0)
                                {
                                    tokens.RemoveChild(id);
                                    children[parent].Remove(id);
                                }

                                Withdraw(tokens, id, parents, children, discarded);
                            }
                        }

                        break;
                    case 3:
                        tokens.Recycle();
                        discarded.Clear();
                        break;
                    case 4:
                        tokens.Release();
                        parents.Clear();
                        children.Clear();
                        discarded.Clear();
                        break;
                }

                if (!Agrees(tokens, parents, children))
                {
                    return false;
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Fact]
    public void A_root_costs_one_row_and_a_child_two()
    {
        var tokens = new TokenTable();
        var root = tokens.New([1], -1, null, JoinKey.None);
        tokens.Live.Should().Be(1, "a root has no links to a producer");
        var child = tokens.New([1, 2], root, null, JoinKey.None);
        tokens.AddChild(child);
        tokens.Live.Should().Be(3, "a child's links are a row of their own");
        tokens.LinksOf(child).Parent.Should().Be(root);
        tokens.Discard(child);
        tokens.Live.Should().Be(1, "discarding a child discards its links too");
    }

    [Fact]
    public void Rows_recycled_or_released_keep_no_fact_alive()
    {
        var tokens = new TokenTable();
        var (recycled, released) = Fill(tokens);

        GC.Collect();
        GC.WaitForPendingFinalizers();

        recycled.IsAlive.Should().BeFalse("a recycled row drops its facts, key and state");
        released.Should().OnlyContain(fact => !fact.IsAlive, "a released table holds no fact");
        tokens.Live.Should().Be(0);
    }

    // Not inlined, so no local of the caller's frame keeps a fact alive (a Debug build keeps every temporary).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Recycled, WeakReference[] Released) Fill(TokenTable tokens)
    {
        var fact = new object();
        var id = tokens.New([fact], -1, null, new object[] { fact });
        tokens[id].State = new List<object> { fact };
        tokens.Discard(id);
        tokens.Recycle();
        var recycled = new WeakReference(fact);

        var released = new WeakReference[5_000]; // across chunks' edges
        for (var i = 0; i < released.Length; i++)
        {
            var other = new object();
            tokens.New([other], -1, null, other);
            released[i] = new WeakReference(other);
        }

        tokens.Release();
        return (recycled, released);
    }

    /// <summary>Withdraws a token and everything under it, as a node's retraction does.</summary>
    private static void Withdraw(TokenTable tokens, int id, Dictionary<int, int> parents, Dictionary<int, List<int>> children, HashSet<int> discarded)
    {
        foreach (var child in children[id])
        {
            Withdraw(tokens, child, parents, children, discarded);
        }

        tokens[id].FirstChild = -1;
        tokens.Discard(id);
        parents.Remove(id);
        children.Remove(id);
        discarded.Add(id);
    }

    /// <summary>Each live token's children, walked through the rows, are the model's, each linked back to its parent and its previous sibling.</summary>
    private static bool Agrees(TokenTable tokens, Dictionary<int, int> parents, Dictionary<int, List<int>> children)
    {
        var rows = parents.Count + parents.Values.Count(parent => parent >= 0);
        if (tokens.Live != rows)
        {
            return false;
        }

        foreach (var (id, expected) in children)
        {
            var previous = -1;
            var walked = new List<int>();
            for (var child = tokens[id].FirstChild; child >= 0 && walked.Count <= expected.Count; child = tokens[child].NextSibling)
            {
                ref var links = ref tokens.LinksOf(child);
                if (links.Parent != id || links.PrevSibling != previous)
                {
                    return false;
                }

                walked.Add(child);
                previous = child;
            }

            if (!walked.SequenceEqual(expected))
            {
                return false;
            }
        }

        return true;
    }
}
