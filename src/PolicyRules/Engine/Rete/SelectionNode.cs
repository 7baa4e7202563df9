using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>Passes on the facts that satisfy one condition over the fact alone.</summary>
internal sealed class SelectionNode(Func<object, bool> predicate, Func<string> describe) : AlphaNode
{
    /// <summary>The condition as text, for messages.</summary>
    public string Condition => describe();

    public override void Activate(RuleSession session, ref FactHandle handle)
    {
        session.Counters.AlphaConditionEvaluations++;
        bool passed;
        try
        {
            passed = predicate(handle.Fact);
        }
        catch (Exception ex)
        {
            throw Failure(Condition, handle.Fact, ex);
        }

        if (passed)
        {
            ActivateChildren(session, ref handle);
        }
    }
}
