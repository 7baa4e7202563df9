namespace PolicyRules.Checking.Verification;

/// <summary>The stable diagnostic codes of rule test files (PR3xxx).</summary>
public static class RuleTestDiagnosticCodes
{
    /// <summary>The test file is not well-formed JSON, or not shaped as a test file.</summary>
    public const string Malformed = "PR3001";

    /// <summary>A case's draft has errors of its own.</summary>
    public const string InvalidDraft = "PR3002";

    /// <summary>A test file cannot be read.</summary>
    public const string Unreadable = "PR3003";
}
