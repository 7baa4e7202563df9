using NetArchTest.Rules;
using PolicyRules.Checking;

namespace PolicyRules.Tests.Architecture;

/// <summary>The arrows of docs/ARCHITECTURE.md, read from the compiled library (IL included): a layer never reaches one it must not.</summary>
public class LayerTests
{
    private static Types Library => Types.InAssembly(typeof(PolicyChecker).Assembly);

    public static TheoryData<string, string[]> Forbidden() => new()
    {
        // The engine is generic: it knows nothing of trade policy, rule files, JSON or reports.
        { "PolicyRules.Engine", ["PolicyRules.Domain", "PolicyRules.Language", "PolicyRules.Analysis", "PolicyRules.Checking", "PolicyRules.Reporting", "PolicyRules.DependencyInjection", "Newtonsoft.Json", "Microsoft.Extensions"] },
        { "PolicyRules.Diagnostics", ["PolicyRules.Engine", "PolicyRules.Domain", "PolicyRules.Language", "PolicyRules.Analysis", "PolicyRules.Checking", "PolicyRules.Reporting"] },
        { "PolicyRules.Domain", ["PolicyRules.Engine", "PolicyRules.Language", "PolicyRules.Analysis", "PolicyRules.Checking", "PolicyRules.Reporting"] },
        // Clause analysis reads text into facts; it knows no engine and no rule language.
        { "PolicyRules.Analysis", ["PolicyRules.Engine", "PolicyRules.Language", "PolicyRules.Checking", "PolicyRules.Reporting"] },
        { "PolicyRules.Language", ["PolicyRules.Analysis", "PolicyRules.Checking", "PolicyRules.Reporting", "PolicyRules.DependencyInjection"] },
        { "PolicyRules.Checking", ["PolicyRules.Reporting", "PolicyRules.DependencyInjection"] },
        { "PolicyRules.Reporting", ["PolicyRules.DependencyInjection"] },
        // Inside the engine: rules as data know nothing else of it; what runs never reaches back into what builds it.
        { "PolicyRules.Engine.Model", ["PolicyRules.Engine.Rete", "PolicyRules.Engine.Runtime", "PolicyRules.Engine.Compilation", "PolicyRules.Engine.Builder"] },
        { "PolicyRules.Engine.Rete", ["PolicyRules.Engine.Compilation", "PolicyRules.Engine.Builder"] },
        { "PolicyRules.Engine.Runtime", ["PolicyRules.Engine.Compilation", "PolicyRules.Engine.Builder"] },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void A_layer_does_not_depend_on_what_the_architecture_forbids(string layer, string[] forbidden)
    {
        var result = Library.That().ResideInNamespace(layer).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        (result.FailingTypeNames ?? []).Should().BeEmpty($"{layer} must not depend on {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void The_check_sees_dependencies_in_method_bodies()
    {
        // A control: the draft reader parses with Newtonsoft.Json and the checker runs the engine, so both are seen.
        Library.That().HaveName("DraftReader").Should().HaveDependencyOn("Newtonsoft.Json").GetResult().IsSuccessful.Should().BeTrue();
        Library.That().HaveName("PolicyChecker").Should().HaveDependencyOn("PolicyRules.Engine").GetResult().IsSuccessful.Should().BeTrue();
        Library.That().ResideInNamespace("PolicyRules.Checking").ShouldNot().HaveDependencyOn("PolicyRules.Engine").GetResult().IsSuccessful.Should().BeFalse();
    }
}
