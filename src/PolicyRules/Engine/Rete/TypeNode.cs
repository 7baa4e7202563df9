using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>The root of the alpha network for one fact type: every fact assignable to it enters here.</summary>
internal sealed class TypeNode(Type factType) : AlphaNode
{
    public Type FactType { get; } = factType;

    public override void Activate(RuleSession session, ref FactHandle handle) => ActivateChildren(session, ref handle);
}
