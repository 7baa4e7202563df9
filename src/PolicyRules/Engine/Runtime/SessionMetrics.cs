namespace PolicyRules.Engine.Runtime;

/// <summary>
/// Counters of the work a session did: how often conditions ran, keys were computed, tokens and
/// activations were made. They explain cost without a stopwatch, and tests assert on them.
/// </summary>
public sealed class SessionMetrics
{
    /// <summary>Conditions over a single fact that were evaluated (hash dispatch avoids most).</summary>
    public long AlphaConditionEvaluations { get; internal set; }

    /// <summary>Hash look-ups made by dispatch nodes instead of evaluating conditions.</summary>
    public long AlphaDispatchLookups { get; internal set; }

    /// <summary>Join keys computed, once per token and once per fact at each keyed beta node.</summary>
    public long JoinKeyEvaluations { get; internal set; }

    /// <summary>Tests between a token and a fact not covered by hashing, and aggregate result tests, that were evaluated.</summary>
    public long JoinConditionEvaluations { get; internal set; }

    /// <summary>Partial matches created.</summary>
    public long TokensCreated { get; internal set; }

    /// <summary>Matches put on the agenda.</summary>
    public long ActivationsCreated { get; internal set; }

    /// <summary>Activations fired.</summary>
    public long RulesFired { get; internal set; }

    /// <summary>What routing a batch counts (alpha tests, dispatch, root tokens and their keys): given back when the batch is refused.</summary>
    internal (long Conditions, long Lookups, long Keys, long Tokens) Routing
    {
        get => (AlphaConditionEvaluations, AlphaDispatchLookups, JoinKeyEvaluations, TokensCreated);
        set => (AlphaConditionEvaluations, AlphaDispatchLookups, JoinKeyEvaluations, TokensCreated) = value;
    }

    internal SessionMetrics Copy() => (SessionMetrics)MemberwiseClone();

    internal void Reset()
    {
        AlphaConditionEvaluations = AlphaDispatchLookups = JoinKeyEvaluations = JoinConditionEvaluations = 0;
        TokensCreated = ActivationsCreated = RulesFired = 0;
    }
}
