namespace PolicyRules.Engine.Model;

/// <summary>
/// A production rule: metadata, a left-hand side of elements that must match together, and a
/// right-hand side of actions run once for each match.
/// </summary>
/// <remarks>
/// The model is plain data built from expression trees. It is produced by <see cref="Builder.RuleBuilder"/>
/// or by the JSON rule language, and compiled into a network by <see cref="RuleNetwork.Compile(IEnumerable{RuleDefinition}, RuleNetworkOptions?)"/>.
/// </remarks>
public sealed class RuleDefinition
{
    /// <summary>Creates a rule.</summary>
    /// <param name="id">A stable identifier, unique within a network.</param>
    /// <param name="name">A human-readable name; defaults to <paramref name="id"/>.</param>
    /// <param name="priority">Activations of rules with a higher priority fire first.</param>
    /// <param name="conditions">The left-hand side, in order: later elements may refer to aliases bound earlier.</param>
    /// <param name="actions">The right-hand side, run in order for each match.</param>
    /// <param name="metadata">Free-form key/value pairs carried with the rule (principle ids, tags, …).</param>
    public RuleDefinition(
        string id,
        string? name,
        int priority,
        IEnumerable<RuleElement> conditions,
        IEnumerable<RuleAction> actions,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(actions);
        Id = id;
        Name = string.IsNullOrWhiteSpace(name) ? id : name;
        Priority = priority;
        Conditions = conditions.ToArray();
        Actions = actions.ToArray();
        Metadata = metadata is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(metadata, StringComparer.Ordinal);
    }

    /// <summary>The rule's stable identifier.</summary>
    public string Id { get; }

    /// <summary>The rule's human-readable name.</summary>
    public string Name { get; }

    /// <summary>Activations of rules with a higher priority fire first.</summary>
    public int Priority { get; }

    /// <summary>The left-hand side: patterns, negations, existentials and aggregates.</summary>
    public IReadOnlyList<RuleElement> Conditions { get; }

    /// <summary>The right-hand side: actions run once for each match.</summary>
    public IReadOnlyList<RuleAction> Actions { get; }

    /// <summary>Free-form key/value pairs carried with the rule.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <inheritdoc/>
    public override string ToString() => Id == Name ? Id : $"{Id} ({Name})";
}
