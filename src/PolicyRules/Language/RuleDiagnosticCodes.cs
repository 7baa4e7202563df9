namespace PolicyRules.Language;

/// <summary>
/// The stable diagnostic codes of rule files (PR1xxx). Codes are never reused or renumbered: tools and
/// suppressions refer to them.
/// </summary>
public static class RuleDiagnosticCodes
{
    /// <summary>The file is not well-formed JSON.</summary>
    public const string MalformedJson = "PR1001";

    /// <summary>A required field is missing.</summary>
    public const string MissingField = "PR1002";

    /// <summary>A pattern names a fact type that is not registered.</summary>
    public const string UnknownFactType = "PR1003";

    /// <summary>A member path names no public member of the fact type.</summary>
    public const string UnknownMember = "PR1004";

    /// <summary>Values of incompatible types are compared, or an operator is used on a type it does not apply to.</summary>
    public const string TypeMismatch = "PR1005";

    /// <summary>A named set (<c>@name</c>) is not defined.</summary>
    public const string UnknownSet = "PR1006";

    /// <summary>An alias (<c>$name</c>) is used before it is bound, or never bound.</summary>
    public const string UnboundAlias = "PR1007";

    /// <summary>A regular expression does not parse.</summary>
    public const string InvalidRegex = "PR1008";

    /// <summary>An operator or element keyword is not part of the language.</summary>
    public const string UnknownOperator = "PR1009";

    /// <summary>Two rules share an id.</summary>
    public const string DuplicateRuleId = "PR1010";

    /// <summary>A field holds the wrong kind of JSON value (a string where a list is expected, …).</summary>
    public const string InvalidValue = "PR1011";

    /// <summary>The file is larger than the loader accepts.</summary>
    public const string FileTooLarge = "PR1012";

    /// <summary>Conditions are nested deeper than the loader accepts.</summary>
    public const string NestingTooDeep = "PR1013";

    /// <summary>A regular expression is longer than the loader accepts.</summary>
    public const string RegexTooLong = "PR1014";

    /// <summary>An action of <c>then</c> is not part of the language.</summary>
    public const string UnknownAction = "PR1015";

    /// <summary>An alias is bound twice in one rule.</summary>
    public const string DuplicateAlias = "PR1016";

    /// <summary>A field is not part of the language (a warning: it is ignored).</summary>
    public const string UnknownField = "PR1017";

    /// <summary>A message template refers to something it cannot read.</summary>
    public const string InvalidTemplate = "PR1018";

    /// <summary>A rulebook disables or overrides a rule that no earlier rulebook defines.</summary>
    public const string UnknownRuleReference = "PR1019";

    /// <summary>A file or folder cannot be read.</summary>
    public const string UnreadableFile = "PR1020";

    /// <summary>A join that pairs every fact of an agreement with each earlier match before a later element filters it (a warning).</summary>
    public const string CrossProduct = "PR1021";

    /// <summary>
    /// A rule's principle is none that the rulebooks before it report: an error when it is close to
    /// one of theirs (a misspelling), a warning otherwise (a principle of the rulebook's own).
    /// </summary>
    public const string UnknownPrinciple = "PR1022";

    /// <summary>A rulebook defines a set an earlier rulebook defines (a warning): its rules, and later ones, read the new list.</summary>
    public const string SetRedefined = "PR1023";
}
