namespace PolicyRules.Domain.Imports;

/// <summary>What an imported treaty says of itself, or what the options supplied.</summary>
/// <param name="Id">The agreement id: given, else the file's name.</param>
/// <param name="Name">Its name: given, else the title at the top of the text, else the id.</param>
/// <param name="Type">FTA, EPA, CEPA, BIT or protocol, read from the name.</param>
/// <param name="Signed">The date of signature (ISO), or null when the text does not state it.</param>
/// <param name="Parties">The codes of the parties: given, else those the title and preamble name.</param>
/// <param name="Language">The language the source declares (ToTA XML), or null.</param>
public sealed record ImportedAgreement(string Id, string Name, string Type, string? Signed, IReadOnlyList<string> Parties, string? Language = null);
