using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using PolicyRules.Checking.Report;

namespace PolicyRules.Reporting;

/// <summary>
/// Writes the JSON report of REPORT-FORMAT.md: camelCase names, properties in contract order,
/// deterministic for the same input (only <c>run</c> varies).
/// </summary>
public static class JsonReportWriter
{
    /// <summary>The report's names: camelCase properties, dictionary keys (party codes, verdicts) as they are. The reader uses it too.</summary>
    internal static readonly IContractResolver Names = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false } };

    private static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = Names,
        Formatting = Formatting.Indented,
        DateFormatHandling = DateFormatHandling.IsoDateFormat,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        NullValueHandling = NullValueHandling.Include,
    };

    /// <summary>The report as JSON text.</summary>
    public static string ToJson(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonConvert.SerializeObject(report, Settings) + "\n";
    }

    /// <summary>Writes the report as JSON.</summary>
    public static void Write(CheckReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToJson(report));
    }
}
