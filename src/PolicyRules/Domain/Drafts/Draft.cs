using PolicyRules.Diagnostics;

namespace PolicyRules.Domain.Drafts;

/// <summary>A draft as read: the agreement, the assessed party, and every clause, readable or not.</summary>
public sealed class Draft
{
    internal Draft(string? path, Agreement? agreement, string? perspective, IReadOnlyList<DraftClause> clauses, IReadOnlyList<Diagnostic> diagnostics, SourceSpan agreementLocation = default)
    {
        Path = path;
        AgreementLocation = agreementLocation;
        Agreement = agreement;
        Perspective = perspective;
        Clauses = clauses;
        Diagnostics = diagnostics;
    }

    /// <summary>Where it was read from.</summary>
    public string? Path { get; }

    /// <summary>The agreement; null when the draft could not be read at all.</summary>
    public Agreement? Agreement { get; }

    /// <summary>Where the agreement object starts in the draft (line 0 when unknown): agreement-level findings point there.</summary>
    public SourceSpan AgreementLocation { get; }

    /// <summary>The party whose policy space is assessed; null for every party.</summary>
    public string? Perspective { get; }

    /// <summary>Every clause in draft order, including those that could not be read.</summary>
    public IReadOnlyList<DraftClause> Clauses { get; }

    /// <summary>Problems of the draft as a whole (not of one clause).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The facts to insert into a session: the agreement, every readable clause, and the entries of their <c>exceptions</c>.</summary>
    public IEnumerable<object> Facts() =>
        Agreement is null
            ? []
            : [Agreement, .. Clauses.Where(c => c.Fact is not null).SelectMany(c => c.Fact!.Exceptions.Prepend<object>(c.Fact!))];
}
