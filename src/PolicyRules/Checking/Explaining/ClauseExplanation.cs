using PolicyRules.Checking.Report;

namespace PolicyRules.Checking.Explaining;

/// <summary>Why a clause got its verdict: what the rules read of it, what they concluded, and what stopped the others.</summary>
/// <param name="Clause">The clause as the report gives it (verdict, conflicts with their mitigations, supports).</param>
/// <param name="Readings">The tags rules put on the clause (what it is, what limits it), each with the rule that put it.</param>
/// <param name="Blocked">Rules that matched the clause but were stopped by something the agreement holds.</param>
/// <param name="NearMisses">Rules that matched part of the clause and stopped at a condition it does not meet.</param>
public sealed record ClauseExplanation(
    ClauseReport Clause,
    IReadOnlyList<ExplainedFact> Readings,
    IReadOnlyList<BlockedRule> Blocked,
    IReadOnlyList<BlockedRule> NearMisses);

/// <summary>A fact a rule derived, in words.</summary>
/// <param name="Rule">The rule that derived it.</param>
/// <param name="Text">What it says: <c>kind = national-treatment</c>.</param>
public sealed record ExplainedFact(string Rule, string Text);

/// <summary>A rule that did not conclude about the clause, and where it stopped.</summary>
/// <param name="Rule">The rule's id.</param>
/// <param name="Principle">Its principle, when it finds conflicts or supports.</param>
/// <param name="Condition">The condition it stopped at, in words.</param>
/// <param name="By">What stopped it: the facts that satisfy a <c>none</c> condition; empty for a condition nothing meets.</param>
public sealed record BlockedRule(string Rule, string? Principle, string Condition, IReadOnlyList<ExplainedFact> By);
