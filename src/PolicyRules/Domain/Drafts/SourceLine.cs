namespace PolicyRules.Domain.Drafts;

/// <summary>
/// The line of a source text a part of a draft built in memory came from (an imported treaty's
/// article), carried as a JSON annotation so diagnostics and reports point back into that source.
/// </summary>
/// <param name="Line">1-based line (the paragraph number of a Word document).</param>
internal sealed record SourceLine(int Line);
