namespace PolicyRules.Cli;

/// <summary>The exit codes of policy-check (REPORT-FORMAT.md): the highest that applies.</summary>
public static class ExitCodes
{
    /// <summary>Nothing fails the run.</summary>
    public const int Success = 0;

    /// <summary>Open conflicts at or above --fail-on (check), failing rule tests (verify).</summary>
    public const int Failed = 1;

    /// <summary>A usage error, or input that could not be checked.</summary>
    public const int Error = 2;
}
