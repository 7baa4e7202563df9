using PolicyRules.Diagnostics;

namespace PolicyRules.Checking.Report;

/// <summary>
/// What identifies a conflict whatever moves around it: the agreement (or the file), the clause, the
/// rule and the principle; not the line or the message, so editing other clauses keeps it. SARIF's
/// partial fingerprints and baselines both use it.
/// </summary>
public static class ConflictFingerprint
{
    /// <summary>The fingerprint of a conflict of <paramref name="document"/> (a clause's, or the agreement's when <paramref name="clause"/> is null).</summary>
    public static string Of(DocumentReport document, string? clause, string rule, string principle)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Of(document.Identity, clause, rule, principle);
    }

    /// <summary>The fingerprint of a conflict of the agreement <paramref name="agreement"/> (or of the document at that path, when it had none): a baseline's conflict, say.</summary>
    public static string Of(string agreement, string? clause, string rule, string principle)
    {
        var identity = string.Join('\u001f', agreement, clause ?? FindingReport.AgreementLevel, rule, principle);
        return Sha256.HexOfUtf8(identity)[..32];
    }
}
