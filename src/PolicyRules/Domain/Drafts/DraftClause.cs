using PolicyRules.Diagnostics;

namespace PolicyRules.Domain.Drafts;

/// <summary>One clause as read from a draft: its fact, or why it could not be read.</summary>
public sealed class DraftClause
{
    internal DraftClause(string id, Clause? fact, SourceSpan location, IReadOnlyList<Diagnostic> diagnostics)
    {
        Id = id;
        Fact = fact;
        Location = location;
        Diagnostics = diagnostics;
    }

    /// <summary>The clause's id, or <c>#n</c> (its position) when it has none.</summary>
    public string Id { get; }

    /// <summary>The clause as a fact; null when it could not be read (its verdict is then <c>error</c>).</summary>
    public Clause? Fact { get; }

    /// <summary>Where the clause starts in the draft.</summary>
    public SourceSpan Location { get; }

    /// <summary>What was wrong with it.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when it could not be read.</summary>
    public bool IsBroken => Fact is null;
}
