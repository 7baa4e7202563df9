namespace PolicyRules.Engine.Rete;

/// <summary>
/// A node of the compiled network. Nodes are immutable once built and shared by every session;
/// what a node remembers for a session lives in that session, in the slot <see cref="Id"/>.
/// </summary>
internal abstract class ReteNode
{
    /// <summary>The node's index into a session's memories, unique within its network.</summary>
    public int Id { get; set; }

    /// <summary>The rules this node serves (several when it is shared), for error messages.</summary>
    public List<string> RuleIds { get; } = [];
}
