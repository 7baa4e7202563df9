namespace PolicyRules.Checking;

/// <summary>The stable diagnostic codes of checking (PR5xxx). Codes are never reused or renumbered.</summary>
public static class CheckDiagnosticCodes
{
    /// <summary>The engine failed while checking a draft (a condition or an action threw): the draft is reported with the verdict <c>error</c>, the others are checked.</summary>
    public const string EngineFault = "PR5001";
}
