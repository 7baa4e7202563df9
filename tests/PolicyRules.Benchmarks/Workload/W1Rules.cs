namespace PolicyRules.Benchmarks.Workload;

/// <summary>
/// The parameters of W1 rule <see cref="Index"/>: it reports a clause of kind <see cref="Kind"/>
/// covering <see cref="Sector"/> unless another clause of the same agreement is an exception
/// covering <see cref="Sector"/>. In the distinct variant it also tests
/// <c>c.Id &gt; <see cref="IdFloor"/></c>, always true, which defeats sharing between copies.
/// </summary>
public sealed record W1Rule(int Index, string Kind, string Sector, bool Distinct)
{
    /// <summary>The rule's identifier.</summary>
    public string Id => $"W1-{Index:D4}";

    /// <summary>The bound of the distinct variant's always-true condition: −(i + 1).</summary>
    public int IdFloor => -(Index + 1);
}

/// <summary>The W1 rule set: rule i has K = Kinds[i mod 5] and S = Sectors[i mod 12].</summary>
public static class W1Rules
{
    /// <summary>Rules 0 … <paramref name="ruleCount"/>−1.</summary>
    public static IReadOnlyList<W1Rule> Create(int ruleCount, bool distinct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ruleCount);
        var rules = new W1Rule[ruleCount];
        for (var i = 0; i < ruleCount; i++)
        {
            rules[i] = new W1Rule(i, W1.Kinds[i % W1.Kinds.Count], W1.Sectors[i % W1.Sectors.Count], distinct);
        }

        return rules;
    }
}
