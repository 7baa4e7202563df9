using PolicyRules.Checking.Report;
using PolicyRules.Diagnostics;
using PolicyRules.Domain.Drafts;
using PolicyRules.Language;

namespace PolicyRules.Checking;

/// <summary>Checks drafts against the Convention rulebook (and any user rules). Thread-safe.</summary>
public interface IPolicyChecker
{
    /// <summary>The rulebooks in force, with version and content hash.</summary>
    IReadOnlyList<RulebookInfo> Rulebooks { get; }

    /// <summary>The rules in force.</summary>
    IReadOnlyList<RulebookRule> Rules { get; }

    /// <summary>Warnings about the rule files (errors prevent the checker from being built).</summary>
    IReadOnlyList<Diagnostic> RuleDiagnostics { get; }

    /// <summary>Checks one draft.</summary>
    DocumentReport Check(Draft draft);

    /// <summary>
    /// Checks several drafts in parallel, on one compiled network; the report lists them by path.
    /// </summary>
    /// <param name="drafts">
    /// The drafts, read one at a time on worker threads; a draft that could not be read is reported
    /// as an error, with its diagnostics. What the sequence itself throws is thrown as it is.
    /// </param>
    /// <param name="cancellationToken">Stops the run between drafts.</param>
    /// <returns>Every draft's report, and the summary.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    CheckReport CheckAll(IEnumerable<Draft> drafts, CancellationToken cancellationToken = default);

    /// <summary>
    /// The report of drafts checked one by one with <see cref="Check"/>, as <see cref="CheckAll"/>
    /// makes it: the tool, the rulebooks in force, the run, the documents by path and the summary;
    /// what the report writers (<c>JsonReportWriter</c> and the others) take.
    /// </summary>
    /// <param name="documents">The documents checked, in any order.</param>
    /// <param name="run">When the run started and how long it took.</param>
    /// <returns>The report.</returns>
    CheckReport Report(IEnumerable<DocumentReport> documents, RunInfo run);
}
