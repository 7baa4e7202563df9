using FsCheck;
using FsCheck.Fluent;
using FluentAssertions;
using PolicyRules.Engine.Rete;

namespace PolicyRules.Tests.Engine;

/// <summary>A beta node's left tokens by key, as ids: against a model of which tokens each key holds.</summary>
public class TokenIndexTests
{
    // Keys of both kinds an index meets: strings (their own dictionary) and other values.
    private static readonly object[] Keys = ["a", "b", "c", 1, 2, JoinKey.None];

    [Fact]
    public void Each_key_holds_exactly_the_tokens_added_under_it_and_not_removed()
    {
        // An operation: true adds a token under Keys[k % Keys.Length]; false removes the live token picked by k.
        var operations = Gen.Zip(Gen.Elements(true, true, false), Gen.Choose(0, 1_000)).ArrayOf().ToArbitrary();
        Prop.ForAll(operations, Gen.Elements(true, false).ToArbitrary(), (steps, keyed) =>
        {
            var tokens = new TokenTable();
            var index = new TokenIndex(tokens, keyed, byReference: false);
            var model = new Dictionary<int, object>(); // live token -> its key
            foreach (var (add, k) in steps)
            {
                if (add)
                {
                    var key = Keys[k % Keys.Length];
                    var token = tokens.New([k], -1, null, key);
                    index.Add(key, token);
                    model.Add(token, key);
                }
                else if (model.Count > 0)
                {
                    var token = model.Keys.ElementAt(k % model.Count);
                    index.Remove(model[token], token);
                    model.Remove(token);
                    if (tokens[token].BucketIndex != -1)
                    {
                        return false; // a removed token still claims a place
                    }
                }

                foreach (var key in Keys)
                {
                    var items = index.Get(key);
                    var held = Enumerable.Range(0, items.Count).Select(i => items[i]).ToList();
                    var expected = model.Where(pair => !keyed || pair.Value.Equals(key)).Select(pair => pair.Key).ToHashSet();
                    if (held.Count != expected.Count || !expected.SetEquals(held)
                        || held.Where((token, place) => tokens[token].BucketIndex != place).Any())
                    {
                        return false;
                    }
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void An_absent_key_holds_nothing()
    {
        var tokens = new TokenTable();
        var index = new TokenIndex(tokens, keyed: true, byReference: true);
        var token = tokens.New([], -1, null, JoinKey.None);
        var key = new string('k', 1);
        index.Add(key, token);

        index.Get(new string('k', 1)).Count.Should().Be(0, "by reference, an equal string is another key");
        index.Get(key).Count.Should().Be(1);
        index.Get(key)[0].Should().Be(token);
    }
}
