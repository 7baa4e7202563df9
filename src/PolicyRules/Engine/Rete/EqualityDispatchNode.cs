using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// Hash dispatch for constant-equality tests on one member (<c>c.Kind == "market-access"</c>): the
/// fact's value is computed once and looked up, so a fact meets only the branches for its value,
/// however many rules test other values.
/// </summary>
internal sealed class EqualityDispatchNode(Func<object, object?> value, string member) : AlphaNode
{
    public string Member { get; } = member;

    public DispatchTable Branches { get; } = new();

    public override void Activate(RuleSession session, ref FactHandle handle)
    {
        session.Counters.AlphaDispatchLookups++;
        object? key;
        try
        {
            key = value(handle.Fact);
        }
        catch (Exception ex)
        {
            throw Failure(Member, handle.Fact, ex);
        }

        if (Branches.TryGetTarget(JoinKey.Of(key), out var target))
        {
            target.Activate(session, ref handle);
        }
    }
}
