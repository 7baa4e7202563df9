namespace PolicyRules.Domain.Imports;

/// <summary>What an import cannot read from the text, or what overrides what it reads.</summary>
public sealed class TreatyImportOptions
{
    /// <summary>The agreement id. Default: the file name without its extension.</summary>
    public string? AgreementId { get; set; }

    /// <summary>The agreement's name, in place of the title the text states.</summary>
    public string? AgreementName { get; set; }

    /// <summary>The date of signature (ISO), in place of the one the text states.</summary>
    public string? Signed { get; set; }

    /// <summary>
    /// Party codes (ISO 3166 alpha-3, or EU), in place of those the text names; a status may follow a
    /// colon (<c>PER:developing</c>), else it is read from the table of parties.
    /// </summary>
    public IList<string> Parties { get; } = [];

    /// <summary>The party whose policy space the draft assesses, or null for every party.</summary>
    public string? Perspective { get; set; }
}
