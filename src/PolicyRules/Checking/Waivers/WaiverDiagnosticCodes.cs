namespace PolicyRules.Checking.Waivers;

/// <summary>The stable diagnostic codes of waiver files (PR4xxx). Codes are never reused or renumbered.</summary>
public static class WaiverDiagnosticCodes
{
    /// <summary>The waiver file is not well-formed JSON, or not shaped as a waiver file.</summary>
    public const string Malformed = "PR4001";

    /// <summary>A waiver lacks a required field or holds a wrong value.</summary>
    public const string InvalidWaiver = "PR4002";

    /// <summary>The waiver file cannot be read.</summary>
    public const string Unreadable = "PR4003";

    /// <summary>A waiver has expired: the conflicts it matched count again.</summary>
    public const string Expired = "PR4004";

    /// <summary>A waiver matches no conflict of the run: it is stale and can be removed.</summary>
    public const string Stale = "PR4005";

    /// <summary>A waiver's rule selector names no rule of the rulebooks in force.</summary>
    public const string UnknownRule = "PR4006";
}
