using PolicyRules.Engine.Model;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// A match as it stood when it crossed the API (an event, the pending matches, an exception): the
/// session's own matches are pooled and reused, so what callers may keep is a copy that can never
/// show the facts of a later match or session.
/// </summary>
internal sealed class MatchSnapshot : IMatch
{
    private readonly MatchBinding[] _bindings;

    private MatchSnapshot(RuleDefinition rule, MatchBinding[] bindings)
    {
        Rule = rule;
        _bindings = bindings;
    }

    public RuleDefinition Rule { get; }

    public IReadOnlyList<MatchBinding> Bindings => _bindings;

    public static MatchSnapshot Of(IMatch match) =>
        match as MatchSnapshot ?? new MatchSnapshot(match.Rule, [.. match.Bindings]);

    /// <summary>A snapshot of a match of <paramref name="rule"/> binding <paramref name="facts"/>.</summary>
    public static MatchSnapshot Of(CompiledRule rule, object?[] facts) =>
        new(rule.Definition, BindingsOf(rule, facts));

    /// <summary>The aliases <paramref name="rule"/> binds, with their values in <paramref name="facts"/>.</summary>
    public static MatchBinding[] BindingsOf(CompiledRule rule, object?[] facts)
    {
        var bindings = new MatchBinding[rule.Slots.Length];
        for (var i = 0; i < bindings.Length; i++)
        {
            var slot = rule.Slots[i];
            bindings[i] = new MatchBinding(slot.Alias, facts[slot.Index], slot.IsAggregate);
        }

        return bindings;
    }

    public T Get<T>(string alias)
    {
        foreach (var binding in _bindings)
        {
            if (binding.Alias == alias)
            {
                return (T)binding.Value!;
            }
        }

        throw new KeyNotFoundException($"Rule {Rule.Id} binds no alias '{alias}'.");
    }

    public override string ToString() =>
        $"{Rule.Id}({string.Join(", ", _bindings.Select(b => $"{b.Alias}={b.Value}"))})";
}
