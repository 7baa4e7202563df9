using PolicyRules.Domain.Drafts;
using PolicyRules.Domain.Imports;

namespace PolicyRules.Cli;

/// <summary>Reads a draft file for the commands that take one: JSON as it is, a treaty text (.txt, .docx, ToTA .xml) imported on the way in.</summary>
internal static class DraftFiles
{
    /// <param name="reader">Reads JSON drafts, and the drafts that treaty texts become.</param>
    /// <param name="path">The file.</param>
    /// <param name="texts">What the command line gives in place of what a treaty text states (its parties).</param>
    public static Draft Read(DraftReader reader, string path, TreatyImportOptions? texts = null) =>
        TreatyImporter.CanImport(path)
            ? new TreatyImporter(texts) { MaxFileBytes = reader.MaxFileBytes }.Import(path).ToDraft(reader)
            : reader.ReadFile(path);
}
