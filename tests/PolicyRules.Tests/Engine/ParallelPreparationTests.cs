using PolicyRules.Checking;
using PolicyRules.Engine;
using PolicyRules.Engine.Model;
using PolicyRules.Engine.Runtime;
using PolicyRules.Language;
using static PolicyRules.Tests.Engine.Rules;

namespace PolicyRules.Tests.Engine;

/// <summary>
/// A network's rules are prepared on several threads, then added in order: the network, its matches
/// and the first error it reports must be what preparing them one by one gives.
/// </summary>
public class ParallelPreparationTests
{
    [Fact]
    public void The_shipped_rulebook_builds_the_same_network_on_many_threads()
    {
        var rules = new RulebookLoader(ConventionCatalog.Create()).Load(EmbeddedRulebook.Sources()).Rules.Select(r => r.Definition).ToArray();

        var serial = RuleNetwork.Compile(rules, new RuleNetworkOptions { MaxParallelism = 1 });
        var parallel = RuleNetwork.Compile(rules, new RuleNetworkOptions { MaxParallelism = 4 });

        parallel.Statistics.Should().Be(serial.Statistics);
        parallel.NodeCount.Should().Be(serial.NodeCount);
        foreach (var rule in rules)
        {
            parallel.JoinOrder(rule.Id).Should().Equal(serial.JoinOrder(rule.Id), rule.Id);
            parallel.CrossProducts(rule.Id).Should().Equal(serial.CrossProducts(rule.Id), rule.Id);
        }
    }

    [Fact]
    public void Many_joined_rules_match_the_same_on_many_threads()
    {
        var rules = Enumerable.Range(0, 60).Select(i => Rule($"R{i:D2}")
            .Match<Agreement>("a", a => a.HasExemption == (i % 2 == 0))
            .Match<Clause>("c", (Clause c, Agreement a) => c.AgreementId == a.Id && c.Id % 3 == i % 3)
            .Build()).ToArray();
        var facts = new object[] { new Agreement { Id = "A", HasExemption = true }, new Agreement { Id = "B" } }
            .Concat(Enumerable.Range(0, 12).Select(i => new Clause { Id = i, AgreementId = i % 2 == 0 ? "A" : "B" }))
            .ToArray();

        string[] MatchesWith(int threads)
        {
            using var session = RuleNetwork.Compile(rules, new RuleNetworkOptions { MaxParallelism = threads }).CreateSession();
            session.InsertAll(facts);
            return session.Matches();
        }

        var serial = MatchesWith(1);
        serial.Should().HaveCountGreaterThan(100);
        MatchesWith(8).Should().Equal(serial);
    }

    [Fact]
    public void The_first_ill_formed_rule_in_order_is_reported_whichever_thread_prepared_it()
    {
        var rules = Enumerable.Range(0, 40).Select(i => i switch
        {
            17 => Rule("FIRST").Match<Clause>("c").Match<Clause>("c").Build(),
            31 => Rule("SECOND").Match<Agreement>("a").Match<Clause>("c", (Clause c, Agreement other) => c.AgreementId == other.Id).Build(),
            _ => Rule($"R{i:D2}").Match<Clause>("c", c => c.Id == i).Build(),
        }).ToArray();

        foreach (var threads in new[] { 1, 2, 8 })
        {
            var act = () => RuleNetwork.Compile(rules, new RuleNetworkOptions { MaxParallelism = threads });

            act.Should().Throw<RuleDefinitionException>().Where(e => e.RuleId == "FIRST", $"with {threads} threads").WithMessage("*'c'*twice*");
        }
    }

    [Fact]
    public void A_missing_rule_before_an_ill_formed_one_is_reported_first()
    {
        var rules = Enumerable.Range(0, 40).Select(i => i switch
        {
            10 => null,
            20 => Rule("BAD").Match<Clause>("c").Match<Clause>("c").Build(),
            _ => Rule($"R{i:D2}").Match<Clause>("c", c => c.Id == i).Build(),
        }).ToArray();

        var act = () => RuleNetwork.Compile(rules!, new RuleNetworkOptions { MaxParallelism = 4 });

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void At_least_one_thread()
    {
        var act = () => new RuleNetworkOptions { MaxParallelism = 0 };

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*at least 1*");
    }
}
