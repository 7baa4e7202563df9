using FsCheck;
using FsCheck.Fluent;
using FluentAssertions;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Tests.Engine;

/// <summary>Finding a fact given twice in a batch: against the naive answer, whatever the filter lets through.</summary>
public class BatchRepeatsTests
{
    [Fact]
    public void The_first_fact_that_repeats_an_earlier_one_is_found_and_nothing_else()
    {
        // A batch: picks from a pool of objects (small pools repeat often, large ones rarely), and a
        // size hint that may be smaller than the batch, as an enumeration that was not a collection.
        var repeats = new BatchRepeats(); // reused, as a pooled session reuses it
        Prop.ForAll(Gen.Choose(1, 2_000).ToArbitrary(), Gen.Choose(0, 3_000).ArrayOf().ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (poolSize, picks, hint) =>
        {
            var pool = Enumerable.Range(0, poolSize).Select(i => new object()).ToArray();
            var facts = picks.Select(p => pool[p % poolSize]).ToArray();
            var handles = new FactHandleTable(1);
            var rows = facts.Select((fact, i) => handles.New(fact, i, startsRules: false)).ToList();

            repeats.Start(hint);
            foreach (var fact in facts)
            {
                repeats.Add(fact);
            }

            return repeats.FirstRepeat(rows, handles) == Naive(facts);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Fact]
    public void Many_distinct_facts_sharing_the_filters_bits_are_not_taken_for_repeats()
    {
        // 100,000 facts in a filter sized for one: nearly every bit is marked twice, so every fact is compared exactly.
        var facts = Enumerable.Range(0, 100_000).Select(i => new object()).ToArray();
        var handles = new FactHandleTable(1);
        var rows = facts.Select((fact, i) => handles.New(fact, i, startsRules: false)).ToList();
        var repeats = new BatchRepeats();

        repeats.Start(1);
        foreach (var fact in facts)
        {
            repeats.Add(fact);
        }

        repeats.FirstRepeat(rows, handles).Should().Be(-1);
    }

    private static int Naive(object[] facts)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < facts.Length; i++)
        {
            if (!seen.Add(facts[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
