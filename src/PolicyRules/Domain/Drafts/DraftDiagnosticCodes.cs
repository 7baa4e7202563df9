namespace PolicyRules.Domain.Drafts;

/// <summary>The stable diagnostic codes of drafts (PR2xxx). Codes are never reused or renumbered.</summary>
public static class DraftDiagnosticCodes
{
    /// <summary>The draft is not well-formed JSON; nothing of it can be checked.</summary>
    public const string MalformedJson = "PR2001";

    /// <summary>A required field is missing.</summary>
    public const string MissingField = "PR2002";

    /// <summary>A field holds the wrong kind of JSON value.</summary>
    public const string InvalidValue = "PR2003";

    /// <summary>Two clauses share an id.</summary>
    public const string DuplicateClauseId = "PR2004";

    /// <summary>The perspective names no party of the agreement.</summary>
    public const string UnknownPerspective = "PR2005";

    /// <summary>The draft is larger than the reader accepts.</summary>
    public const string FileTooLarge = "PR2006";

    /// <summary>The draft cannot be read.</summary>
    public const string UnreadableFile = "PR2007";
}
