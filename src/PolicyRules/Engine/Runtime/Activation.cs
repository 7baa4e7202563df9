using PolicyRules.Engine.Model;
using PolicyRules.Engine.Rete;

namespace PolicyRules.Engine.Runtime;

/// <summary>A match of a rule, waiting on the agenda or already fired.</summary>
internal sealed class Activation(CompiledRule rule, Token token, long sequence) : IMatch
{
    public enum Status
    {
        Pending,
        Fired,
        Withdrawn,
    }

    public CompiledRule CompiledRule { get; } = rule;

    public Token Token { get; } = token;

    /// <summary>Creation order: among equal priorities, the most recent fires first.</summary>
    public long Sequence { get; } = sequence;

    public Status State { get; set; }

    /// <summary>Facts this match inserted as linked; retracted when the match goes.</summary>
    public List<FactHandle>? LinkedFacts { get; set; }

    public RuleDefinition Rule => CompiledRule.Definition;

    public IReadOnlyList<MatchBinding> Bindings =>
        CompiledRule.Slots.Select(s => new MatchBinding(s.Alias, Token.Facts[s.Index], s.IsAggregate)).ToArray();

    public T Get<T>(string alias)
    {
        foreach (var slot in CompiledRule.Slots)
        {
            if (slot.Alias == alias)
            {
                return (T)Token.Facts[slot.Index]!;
            }
        }

        throw new KeyNotFoundException($"Rule {Rule.Id} binds no alias '{alias}'.");
    }

    public override string ToString() =>
        $"{Rule.Id}({string.Join(", ", Bindings.Select(b => $"{b.Alias}={b.Value}"))})";
}
