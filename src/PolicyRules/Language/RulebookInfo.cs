namespace PolicyRules.Language;

/// <summary>A rulebook that was loaded: what reports cite as the rules used.</summary>
/// <param name="Name">The rulebook's name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Sha256">The SHA-256 of its file, in lower-case hex.</param>
/// <param name="Path">Where it was read from, if anywhere.</param>
/// <param name="Rules">How many of its rules are in force after composition.</param>
public sealed record RulebookInfo(string Name, string Version, string Sha256, string? Path, int Rules);
