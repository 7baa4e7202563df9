using PolicyRules.Engine.Model;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// The match whose actions are running, as they see it: one object per session, pointed at each
/// activation as it fires, since an activation is a row of the agenda and not an object. What
/// outlives the firing (events, exceptions) gets a <see cref="MatchSnapshot"/> of it.
/// </summary>
internal sealed class FiringMatch : IMatch
{
    private Activation _activation;
    private object?[] _facts = [];

    public Activation Activation => _activation;

    /// <summary>The facts the match binds, by slot.</summary>
    public object?[] Facts => _facts;

    public RuleDefinition Rule => _activation.Rule.Definition;

    public IReadOnlyList<MatchBinding> Bindings => MatchSnapshot.BindingsOf(_activation.Rule, _facts);

    public void Set(Activation activation, object?[] facts)
    {
        _activation = activation;
        _facts = facts;
    }

    /// <summary>Forgets the activation, when the arena is cleared for the next session.</summary>
    public void Clear() => Set(default, []);

    public T Get<T>(string alias)
    {
        foreach (var slot in _activation.Rule.Slots)
        {
            if (slot.Alias == alias)
            {
                return (T)_facts[slot.Index]!;
            }
        }

        throw new KeyNotFoundException($"Rule {Rule.Id} binds no alias '{alias}'.");
    }

    public override string ToString() => MatchSnapshot.Of(this).ToString();
}
