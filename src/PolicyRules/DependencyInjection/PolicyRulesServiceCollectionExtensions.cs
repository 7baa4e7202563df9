using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyRules.Checking;

namespace PolicyRules.DependencyInjection;

/// <summary>Registers PolicyRules with Microsoft.Extensions.DependencyInjection.</summary>
public static class PolicyRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PolicyChecker"/>, as itself and as <see cref="IPolicyChecker"/>, as one
    /// singleton: the rules are loaded and compiled once, on first use, and shared by every check.
    /// Its <see cref="PolicyCheckerOptions"/> come from the options pattern, so every
    /// <paramref name="configure"/> of every call applies, in order, as does
    /// <c>services.Configure&lt;PolicyCheckerOptions&gt;(…)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (rule paths, disabled rules, severities); may be null.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
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
        services.AddOptions<PolicyCheckerOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(provider => new PolicyChecker(
            provider.GetRequiredService<IOptions<PolicyCheckerOptions>>().Value,
            provider.GetService<ILogger<PolicyChecker>>()));
        services.TryAddSingleton<IPolicyChecker>(provider => provider.GetRequiredService<PolicyChecker>());
        return services;
    }
}
