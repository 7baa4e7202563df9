using PolicyRules.Engine.Rete;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// A root token a batch made while it routed a fact, and the first beta node of its chain, which
/// takes it once every fact of the batch is in (see <see cref="RuleSession"/>'s batch propagation).
/// Two ids, 8 bytes: a batch of W1's C=100k makes 190,000 of them, and they are held until it is done.
/// </summary>
/// <param name="Token">The root token's id.</param>
/// <param name="Node">The <see cref="ReteNode.Id"/> of the node the token goes to (see <see cref="RuleNetwork.BetaNodes"/>).</param>
internal readonly record struct BatchRoot(int Token, int Node);
