using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using PolicyRules.Checking.Report;
using PolicyRules.Diagnostics;

namespace PolicyRules.Reporting;

/// <summary>Reads a JSON report written by <see cref="JsonReportWriter"/> back into the report model (to compare rounds, say).</summary>
public static class JsonReportReader
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        // The report's names: camelCase properties, dictionary keys (party codes, verdicts) as they are.
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false } },
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MissingMemberHandling = MissingMemberHandling.Ignore,
    };

    /// <summary>True when the JSON text looks like a report (a <c>documents</c> list and a <c>tool</c>), not a draft.</summary>
    public static bool IsReport(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JToken.Parse(json) is JObject { } root && root["documents"] is JArray && root["tool"] is JObject;
        }
        catch (JsonReaderException)
        {
            return false;
        }
    }

    /// <summary>The report.</summary>
    /// <exception cref="FormatException">The text is not a policy-check JSON report; the message says why.</exception>
    public static CheckReport Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!IsReport(json))
        {
            throw new FormatException("not a policy-check JSON report (write one with check --format json)");
        }

        try
        {
            return JsonConvert.DeserializeObject<CheckReport>(json, Settings)
                ?? throw new FormatException("the report is empty");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"the report cannot be read: {JsonReadFailure.Reason(ex)}", ex);
        }
    }
}
