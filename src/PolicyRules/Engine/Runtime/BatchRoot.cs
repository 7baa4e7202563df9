using PolicyRules.Engine.Rete;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// A root token a batch made while it routed a fact, and the first beta node of its chain, which
/// takes it once every fact of the batch is in (see <see cref="RuleSession"/>'s batch propagation).
/// </summary>
/// <param name="Token">The root token's id.</param>
/// <param name="Node">The node the token goes to.</param>
internal readonly record struct BatchRoot(int Token, BetaNode Node);
