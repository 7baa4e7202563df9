using PolicyRules.Engine.Model;
using PolicyRules.Engine.Rete;

namespace PolicyRules.Engine.Runtime;

/// <summary>The life of an activation on the agenda.</summary>
internal enum ActivationStatus : byte
{
    Pending,
    Fired,
    Withdrawn,
}

/// <summary>
/// A match of a rule, waiting on the agenda or already fired. It is the token that reached the
/// rule's terminal node, so a match costs one object, not a token and an activation.
/// </summary>
internal sealed class Activation(CompiledRule rule, object?[] facts, MemoryToken? parent, RightState? right)
    : Token(facts, parent, right), IMatch
{
    public CompiledRule CompiledRule { get; private set; } = rule;

    public ActivationStatus Status { get; set; }

    /// <summary>The first of the facts this match inserted as linked (retracted when the match goes); the rest follow through <see cref="FactHandle.NextLinked"/>.</summary>
    public FactHandle? FirstLinked { get; set; }

    /// <summary>On an agenda stack (pending, or withdrawn and not yet dropped): the object cannot be reused yet.</summary>
    public bool InAgenda { get; set; }

    /// <summary>Withdrawn from the network; reused once the agenda has dropped it too.</summary>
    public bool IsDiscarded { get; set; }

    /// <summary>The activation of the next rule that shares this terminal node, made from the same token: no array per match.</summary>
    public Activation? NextOfSameMatch { get; set; }

    public RuleDefinition Rule => CompiledRule.Definition;

    public void Reuse(CompiledRule rule, object?[] facts, MemoryToken? parent, RightState? right)
    {
        Reuse(facts, parent, right);
        CompiledRule = rule;
        Status = ActivationStatus.Pending;
        FirstLinked = null;
        InAgenda = IsDiscarded = false;
        NextOfSameMatch = null;
    }

    /// <summary>Drops the facts, so a pooled activation keeps nothing of its session alive.</summary>
    public void Clear() => Facts = [];

    public IReadOnlyList<MatchBinding> Bindings =>
        CompiledRule.Slots.Select(s => new MatchBinding(s.Alias, Facts[s.Index], s.IsAggregate)).ToArray();

    public T Get<T>(string alias)
    {
        foreach (var slot in CompiledRule.Slots)
        {
            if (slot.Alias == alias)
            {
                return (T)Facts[slot.Index]!;
            }
        }

        throw new KeyNotFoundException($"Rule {Rule.Id} binds no alias '{alias}'.");
    }

    public override string ToString() =>
        $"{Rule.Id}({string.Join(", ", Bindings.Select(b => $"{b.Alias}={b.Value}"))})";
}
