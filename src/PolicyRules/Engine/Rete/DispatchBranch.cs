using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// The facts a dispatch node routed to one constant value. It keeps the condition it stands for,
/// so a fact whose value cannot be hashed can still be tested directly.
/// </summary>
internal sealed class DispatchBranch(object value, Func<object, bool> predicate) : AlphaNode
{
    public object Value { get; } = value;

    public Func<object, bool> Predicate { get; } = predicate;

    public override void Activate(RuleSession session, ref FactHandle handle) => ActivateChildren(session, ref handle);
}
