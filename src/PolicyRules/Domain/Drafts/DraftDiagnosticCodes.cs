namespace PolicyRules.Domain.Drafts;

/// <summary>The stable diagnostic codes of drafts (PR2xxx). Codes are never reused or renumbered.</summary>
public static class DraftDiagnosticCodes
{
    /// <summary>The draft is not well-formed JSON, is empty, or is followed by more than comments; nothing of it can be checked.</summary>
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

    /// <summary>A controlled field holds a value the vocabulary does not know (a warning; an error with strict reading).</summary>
    public const string UnknownValue = "PR2008";

    /// <summary>A field the format does not define and that looks like a misspelt one (a warning; an error with strict reading).</summary>
    public const string UnknownField = "PR2009";

    /// <summary>A value written another way (<c>audiovisual</c>, <c>National Treatment</c>) was read as the taxonomy spells it (a note).</summary>
    public const string AliasValue = "PR2010";

    /// <summary>A value not in its field's form, such as a date of signature not written 2014-09-22 (a warning; an error with strict reading).</summary>
    public const string MalformedValue = "PR2011";

    /// <summary>The file is not UTF-8 and was read as Windows-1252 (a warning).</summary>
    public const string NotUtf8 = "PR2012";
}
