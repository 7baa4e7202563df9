using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PolicyRules.Checking;

namespace PolicyRules.DependencyInjection;

/// <summary>Registers PolicyRules with Microsoft.Extensions.DependencyInjection.</summary>
public static class PolicyRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPolicyChecker"/> as a singleton: the rules are loaded and compiled once,
    /// on first use, and shared by every check.
    /// </summary>
    /// <example>
    /// <code>
    /// services.AddPolicyRules(options =>
    /// {
    ///     options.RulePaths.Add("my-rules");
    ///     options.DisabledRules.Add("SUP-001");
    ///     options.SeverityOverrides["LIB-001"] = "critical";
    /// });
    /// </code>
    /// </example>
    public static IServiceCollection AddPolicyRules(this IServiceCollection services, Action<PolicyCheckerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IPolicyChecker>(provider =>
        {
            var options = new PolicyCheckerOptions();
            configure?.Invoke(options);
            return new PolicyChecker(options, provider.GetService<ILogger<PolicyChecker>>());
        });
        return services;
    }
}
