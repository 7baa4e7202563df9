using PolicyRules.Engine.Model;
using PolicyRules.Diagnostics;

namespace PolicyRules.Language;

/// <summary>A rule loaded from a rule file: the engine's definition and what the file says about it.</summary>
public sealed class RulebookRule
{
    // Described on demand: only explain reads them, and every checker loads every rule.
    private readonly Lazy<IReadOnlyList<string>> _conditions;
    private readonly Lazy<IReadOnlyList<string>> _lexiconSets;

    internal RulebookRule(
        RuleDefinition definition,
        string rulebook,
        string? title,
        string? principle,
        IReadOnlyList<string> basis,
        string severity,
        string? remedy,
        IReadOnlyList<string> tags,
        IReadOnlyList<string> references,
        string? verification,
        SourceSpan location,
        IReadOnlyList<string> concludes,
        Func<IReadOnlyList<string>> conditions,
        Func<IReadOnlyList<string>> lexiconSets)
    {
        Definition = definition;
        Rulebook = rulebook;
        Title = title;
        Principle = principle;
        Basis = basis;
        Severity = severity;
        Remedy = remedy;
        Tags = tags;
        References = references;
        Verification = verification;
        Location = location;
        Concludes = concludes;
        _conditions = new Lazy<IReadOnlyList<string>>(conditions);
        _lexiconSets = new Lazy<IReadOnlyList<string>>(lexiconSets);
    }

    /// <summary>The rule's id.</summary>
    public string Id => Definition.Id;

    /// <summary>The rule as the engine runs it.</summary>
    public RuleDefinition Definition { get; }

    /// <summary>The name of the rulebook that defines it.</summary>
    public string Rulebook { get; }

    /// <summary>A short title.</summary>
    public string? Title { get; }

    /// <summary>The principle id it checks, if any.</summary>
    public string? Principle { get; }

    /// <summary>The Convention articles and declarations it rests on.</summary>
    public IReadOnlyList<string> Basis { get; }

    /// <summary><c>critical</c>, <c>high</c>, <c>medium</c>, <c>low</c> or <c>info</c>.</summary>
    public string Severity { get; }

    /// <summary>What an analyst can do about a conflict it finds.</summary>
    public string? Remedy { get; }

    /// <summary>Free tags.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Sources for the rule.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>How well its facts are verified: <c>V</c>, <c>V-sec</c>, <c>M</c> or <c>U</c>.</summary>
    public string? Verification { get; }

    /// <summary>Where the rule is written.</summary>
    public SourceSpan Location { get; }

    /// <summary>
    /// What its actions conclude, in the order written: <c>conflict</c>, <c>support</c>,
    /// <c>mitigation</c>, or <c>tag:</c> and the tag's name (<c>tag:needs-review</c> puts a question
    /// to the analyst).
    /// </summary>
    public IReadOnlyList<string> Concludes { get; }

    /// <summary>What the rule looks for, in words: one line per element of its <c>when</c>.</summary>
    public IReadOnlyList<string> Conditions => _conditions.Value;

    /// <summary>The lexicon sets its text cues and clause readings name (see <c>rules/lexicons</c>).</summary>
    public IReadOnlyList<string> LexiconSets => _lexiconSets.Value;
}
