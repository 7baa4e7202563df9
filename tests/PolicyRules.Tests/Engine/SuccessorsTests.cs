using PolicyRules.Engine.Rete;

namespace PolicyRules.Tests.Engine;

public class SuccessorsTests
{
    [Fact]
    public void The_only_successor_is_walked_from_its_field_and_several_in_the_order_they_were_put()
    {
        var successors = new Successors<string>();
        successors.Span.ToArray().Should().BeEmpty();

        successors.Add("b");
        successors.Only.Should().Be("b");
        successors.Span.ToArray().Should().Equal("b");

        successors.Add("d");
        successors.Insert(0, "a");
        successors.Insert(2, "c");

        successors.Only.Should().BeNull();
        successors.Count.Should().Be(4);
        successors.Span.ToArray().Should().Equal("a", "b", "c", "d");
        successors.All.Should().Equal("a", "b", "c", "d");
    }
}
