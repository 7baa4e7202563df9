using System.Runtime.InteropServices;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>Starts a rule's beta chain from the facts of its first pattern: one token per fact.</summary>
internal sealed class LeftAdapterNode : ReteNode
{
    public BetaNode Child { get; set; } = null!;

    public void Activate(RuleSession session, ref FactHandle handle) => Child.LeftActivate(session, MakeRoot(session, ref handle));

    /// <summary>
    /// Makes the fact's token for this chain, with the key its first node indexes it by, and records
    /// it on the handle, after the roots made before it. A batch makes every root while it routes
    /// the fact and passes them on, in the order they were made, once all facts are in
    /// (<see cref="BatchRoot"/>): the fact is read once, while it is in the processor's cache.
    /// </summary>
    /// <returns>The token's id.</returns>
    public int MakeRoot(RuleSession session, ref FactHandle handle)
    {
        var arena = session.Arena;

        // Every rule starting with this fact reads the same never-mutated array.
        var facts = arena.Handles.RootFactsOf(ref handle); // made with the row when its type can start a rule

        // Slot 0 written in place: a store through the array is type-checked by the runtime, since
        // an object?[] may be an array of a narrower type; this one never is.
        ref var first = ref MemoryMarshal.GetArrayDataReference(facts);
        first ??= handle.Fact;
        var key = Child.LeftKeyOf(session, facts); // before the row: a key that throws leaves no token behind
        var token = arena.Tokens.New(facts, -1, null, key);
        session.Counters.TokensCreated++;
        handle.AddRoot(arena.Tokens, token);
        return token;
    }

    public void Retract(RuleSession session, ref FactHandle handle)
    {
        var tokens = session.Arena.Tokens;
        var token = handle.TakeRoot(tokens);
        if (token >= 0)
        {
            Child.LeftRetract(session, token);
            tokens.Discard(token);
        }
    }
}
