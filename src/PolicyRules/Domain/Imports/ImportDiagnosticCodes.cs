namespace PolicyRules.Domain.Imports;

/// <summary>The stable diagnostic codes of treaty imports (PR7xxx). Codes are never reused or renumbered.</summary>
public static class ImportDiagnosticCodes
{
    /// <summary>The file's format is not one the importer reads (by its extension).</summary>
    public const string UnsupportedFormat = "PR7001";

    /// <summary>The file cannot be read: missing, empty, corrupt, encrypted, or XML of another shape.</summary>
    public const string Unreadable = "PR7002";

    /// <summary>The text names no party the importer knows; they must be given.</summary>
    public const string NoParties = "PR7003";

    /// <summary>No article, chapter or annex heading was found: each paragraph became a clause (a warning).</summary>
    public const string NoArticles = "PR7004";

    /// <summary>The text states no agreement name (a note: the file name stands in).</summary>
    public const string NoName = "PR7005";

    /// <summary>A party code given in the options is not in the table of known parties (a note: its status defaults to developing).</summary>
    public const string UnknownParty = "PR7006";

    /// <summary>The text names one party the importer knows, where a treaty has two or more (a warning: the others must be given).</summary>
    public const string OneParty = "PR7007";

    /// <summary>A treaty text that is not UTF-8 was read as Windows-1252 (a warning).</summary>
    public const string NotUtf8 = "PR7008";
}
