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

    /// <summary>Checks several drafts in parallel, on one compiled network; the report lists them by path.</summary>
    CheckReport CheckAll(IEnumerable<Draft> drafts);
}
