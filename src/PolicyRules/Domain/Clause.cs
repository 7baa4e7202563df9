namespace PolicyRules.Domain;

/// <summary>
/// One clause of a draft, as a fact. Structured fields are optional: what a draft leaves out,
/// classification rules infer from <see cref="Text"/> (as <see cref="Tag"/> facts).
/// </summary>
public sealed class Clause
{
    /// <summary>The clause's id, unique in its draft (<c>22.6</c>).</summary>
    public string Id { get; init; } = "";

    /// <summary>The agreement it belongs to, for joins.</summary>
    public string AgreementId { get; init; } = "";

    /// <summary>The chapter's name.</summary>
    public string? Chapter { get; init; }

    /// <summary>The article number.</summary>
    public string? Article { get; init; }

    /// <summary>The article's title.</summary>
    public string? Title { get; init; }

    /// <summary>The clause's text.</summary>
    public string Text { get; init; } = "";

    /// <summary>The clause's function (taxonomy 3.1).</summary>
    public string? Kind { get; init; }

    /// <summary><c>binding</c>, <c>best-endeavour</c>, … (taxonomy 3.3).</summary>
    public string? Strength { get; init; }

    /// <summary>Obligations it imposes (taxonomy 3.2).</summary>
    public IReadOnlyList<string> Obligations { get; init; } = [];

    /// <summary>Sectors it covers (taxonomy 3.4).</summary>
    public IReadOnlyList<string> Sectors { get; init; } = [];

    /// <summary>Modes of supply, as text: <c>1</c>–<c>4</c> or <c>digital</c> (taxonomy 3.5).</summary>
    public IReadOnlyList<string> Modes { get; init; } = [];

    /// <summary>Cultural measures it may affect (taxonomy 3.6).</summary>
    public IReadOnlyList<string> MeasureTypes { get; init; } = [];

    /// <summary>The level of a schedule commitment (taxonomy 3.7).</summary>
    public string? CommitmentLevel { get; init; }

    /// <summary>The parties it binds or protects; empty means all.</summary>
    public IReadOnlyList<string> Parties { get; init; } = [];

    /// <summary>What limits it (taxonomy 3.8).</summary>
    public IReadOnlyList<ExceptionScope> Exceptions { get; init; } = [];

    /// <summary>Where its key term is defined, if elsewhere.</summary>
    public string? DefinitionRef { get; init; }

    /// <summary>How long it binds.</summary>
    public Temporal? Temporal { get; init; }

    /// <summary>Which dispute settlement reaches it.</summary>
    public DisputeSettlement? DisputeSettlement { get; init; }

    /// <summary><c>none</c>, <c>preamble-concept-only</c>, <c>preamble-explicit</c> or <c>operative</c>.</summary>
    public string? ConventionReference { get; init; }

    /// <summary>Ids of other clauses it cites.</summary>
    public IReadOnlyList<string> RefersTo { get; init; } = [];

    /// <summary>Fields of the draft beyond the contract, read in rules as <c>attributes.name</c>.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <inheritdoc/>
    public override string ToString() => $"Clause {Id}";
}
