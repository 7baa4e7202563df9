using PolicyRules.Engine;
using PolicyRules.Engine.Rete;
using static PolicyRules.Tests.Engine.Rules;

namespace PolicyRules.Tests.Engine;

public class DispatchTableTests
{
    [Fact]
    public void A_sealed_table_sends_a_value_to_its_branch_s_only_child_and_through_the_branch_otherwise()
    {
        var table = new DispatchTable();
        var one = new DispatchBranch("mfn", _ => true);
        var only = new AlphaMemoryNode();
        one.AddChild(only);
        var two = new DispatchBranch("subsidy", _ => true);
        two.AddChild(new AlphaMemoryNode());
        two.AddChild(new AlphaMemoryNode());
        table.Add("mfn", one);
        table.Add("subsidy", two);

        table.TryGetTarget("mfn", out var before).Should().BeTrue();
        before.Only.Should().BeNull("children are recorded beside their branch only once the network is built");

        table.Seal();

        table.TryGetTarget("mfn", out var single).Should().BeTrue();
        single.Should().Be(new DispatchTable.Target(one, only));
        table.TryGetTarget("subsidy", out var several).Should().BeTrue();
        several.Should().Be(new DispatchTable.Target(two, null));
        table.TryGetTarget("retail", out _).Should().BeFalse();
    }

    [Fact]
    public void A_sealed_table_of_several_strings_finds_exactly_its_own_values()
    {
        // Same lengths and shared prefixes: a hash that reads only some characters must still compare the rest.
        string[] values = ["sector-aa", "sector-ab", "sector-ba", "sector-bb", "music", "heritage"];
        var table = new DispatchTable();
        var branches = values.ToDictionary(v => v, v => new DispatchBranch(v, _ => true));
        foreach (var (value, branch) in branches)
        {
            branch.AddChild(new AlphaMemoryNode());
            table.Add(value, branch);
        }

        table.Seal();

        foreach (var (value, branch) in branches)
        {
            // A copy, not the literal: the table must compare characters, not references.
            table.TryGetTarget(new string(value.AsSpan()), out var target).Should().BeTrue(value);
            target.Branch.Should().BeSameAs(branch);
        }

        foreach (var absent in new[] { "sector-ac", "sector-a", "sector-aaa", "Music", "", "heritagE" })
        {
            table.TryGetTarget(absent, out _).Should().BeFalse(absent);
        }

        table.TryGetTarget(7, out _).Should().BeFalse("a value of another type is looked up among the other values");
    }

    [Fact]
    public void A_sealed_table_takes_no_more_values()
    {
        var table = new DispatchTable();
        table.Seal();

        var add = () => table.Add("mfn", new DispatchBranch("mfn", _ => true));

        add.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_dispatched_value_reaches_every_child_of_its_branch()
    {
        var fired = new List<string>();
        var network = RuleNetwork.Compile([
            Rule("ANY").Match<Clause>("c", c => c.Kind == "mfn").Do((_, _) => fired.Add("ANY")).Build(),
            Rule("LATE").Match<Clause>("c", c => c.Kind == "mfn", c => c.Id > 10).Do((_, _) => fired.Add("LATE")).Build(),
            Rule("ONE").Match<Clause>("c", c => c.Kind == "subsidy").Do((_, _) => fired.Add("ONE")).Build(),
        ]);
        using var session = network.CreateSession();

        session.InsertAll([new Clause { Id = 11, Kind = "mfn" }, new Clause { Id = 12, Kind = "subsidy" }]);
        session.Fire();

        fired.Should().BeEquivalentTo(["ANY", "LATE", "ONE"]);
    }
}
