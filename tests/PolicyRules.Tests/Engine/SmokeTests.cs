using System.Linq.Expressions;
using PolicyRules.Engine;
using PolicyRules.Engine.Builder;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Tests.Engine;

public class SmokeTests
{
    [Fact]
    public void Liberalisation_without_exception_in_the_same_agreement_is_found()
    {
        var rule = new RuleBuilder("LIB")
            .Match<Clause>("c", c => c.Kind == "market-access", c => c.Sectors.Contains("music"))
            .Not<Clause>((Clause e) => e.Kind == "exception", (Clause e, Clause c) => e.AgreementId == c.AgreementId && e.Sectors.Contains("music"))
            .Then((IActionContext ctx, Clause c) => ctx.InsertLinked(new Finding("LIB", c.Id)))
            .Build();
        var session = RuleNetwork.Compile([rule]).CreateSession();
        var exception = new Clause { Id = 9, AgreementId = "B", Kind = "exception", Sectors = ["music"] };
        session.InsertAll([
            new Clause { Id = 1, AgreementId = "A", Sectors = ["music"] },
            new Clause { Id = 2, AgreementId = "B", Sectors = ["music", "film"] },
            new Clause { Id = 3, AgreementId = "A", Sectors = ["film"] },
            exception,
        ]);
        session.Fire().Should().Be(1);
        session.Query<Finding>().Should().Equal(new Finding("LIB", 1));

        session.Retract(exception);
        session.Fire().Should().Be(1);
        session.Query<Finding>().Select(f => f.ClauseId).Should().BeEquivalentTo([1, 2]);

        session.Insert(exception);
        session.Query<Finding>().Should().Equal(new Finding("LIB", 1));
    }
}
