using PolicyRules.Benchmarks.Workload;
using PolicyRules.Domain;
using PolicyRules.Engine;

namespace PolicyRules.Benchmarks.Legs;

/// <summary>
/// A PolicyRules leg whose rules insert a <see cref="Conflict"/> linked to each match, as the JSON
/// rule language's <c>conflict</c> action does: evaluation = fresh session, insert every agreement
/// and clause at once, fire, count the conflicts in working memory.
/// </summary>
/// <param name="network">The compiled rules.</param>
public abstract class ConflictFactsLeg(RuleNetwork network) : W1Leg
{
    /// <inheritdoc/>
    public override long Evaluate(W1Data data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var session = network.CreateSession();
        session.InsertAll(data.Facts);
        var fired = session.Fire();
        var conflicts = session.Query<Conflict>().Count;
        if (fired != conflicts)
        {
            throw new InvalidOperationException($"PolicyRules fired {fired} rules but found {conflicts} conflicts.");
        }

        return conflicts;
    }
}
