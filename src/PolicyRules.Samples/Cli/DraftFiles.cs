using PolicyRules.Domain.Drafts;
using PolicyRules.Domain.Imports;

namespace PolicyRules.Cli;

/// <summary>Reads a draft file for the commands that take one: JSON as it is, a treaty text (.txt, .docx, ToTA .xml) imported on the way in.</summary>
internal static class DraftFiles
{
    public static Draft Read(DraftReader reader, string path) =>
        TreatyImporter.CanImport(path)
            ? new TreatyImporter { MaxFileBytes = reader.MaxFileBytes }.Import(path).ToDraft(reader)
            : reader.ReadFile(path);
}
