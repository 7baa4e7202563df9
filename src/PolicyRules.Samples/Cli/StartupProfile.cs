using System.Runtime;

namespace PolicyRules.Cli;

/// <summary>
/// The runtime's multi-core JIT profile for a command: the first run of a command records which
/// methods it compiled, and later runs compile them on a second core ahead of need, which takes
/// 0.1 s off a check of one draft (docs/PERFORMANCE.md). The profile is a cache: it lives in the
/// user's local application data, one folder per build of the library (a profile recorded by another
/// build would name other methods), and a folder that cannot be written only means no profile.
/// <c>POLICY_CHECK_STARTUP_PROFILE=off</c> switches it off; a path puts the profiles there instead.
/// </summary>
internal static class StartupProfile
{
    /// <summary>The variable that moves the profiles or, set to <c>off</c>, switches them off.</summary>
    public const string Variable = "POLICY_CHECK_STARTUP_PROFILE";

    /// <summary>Starts recording (and playing, when there is one) the profile of the command in <paramref name="args"/>.</summary>
    public static void Start(string[] args)
    {
        if (Folder(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)) is not { } folder)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile(FileName(args));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // A read-only home (some CI containers) or a malformed path in the variable costs the
            // speed-up, never the run.
        }
    }

    /// <summary>Where the profiles of this build go, or null when switched off or there is no place for them.</summary>
    internal static string? Folder(Func<string, string?> variable, string localApplicationData)
    {
        var setting = variable(Variable);
        if (string.Equals(setting, "off", StringComparison.OrdinalIgnoreCase) || setting == "0")
        {
            return null;
        }

        var root = string.IsNullOrEmpty(setting)
            ? (string.IsNullOrEmpty(localApplicationData) ? null : Path.Combine(localApplicationData, "policy-check", "startup"))
            : setting;
        return root is null ? null : Path.Combine(root, typeof(PolicyRules.Checking.PolicyChecker).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
    }

    /// <summary>
    /// One profile per command, since each compiles other code; the name comes from the command
    /// word alone (never from paths or values a user typed), so a run makes at most a dozen files.
    /// </summary>
    internal static string FileName(string[] args)
    {
        var word = args.Length > 0 ? args[0].TrimStart('-') : "";
        var command = word.Length is > 0 and <= 16 && word.All(c => c is >= 'a' and <= 'z' or '-') ? word : "other";
        return command + ".jitprofile";
    }
}
