using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyRules.Checking;
using PolicyRules.Checking.Report;
using PolicyRules.Diagnostics;
using PolicyRules.Language;

namespace PolicyRules.Reporting;

/// <summary>
/// SARIF 2.1.0 (for code scanning and editors): the rules in <c>tool.driver.rules</c>, one result per
/// conflict that counts (open or partially-mitigated) and per waived conflict (with an accepted
/// suppression), one of kind <c>review</c> per question a needs-review clause asks, and against a
/// baseline one <c>absent</c> result per conflict it had that is resolved; located at the clause's line and column in the draft (the agreement's for
/// agreement-level findings), with a partial fingerprint that survives edits elsewhere; level from severity
/// (critical, high: error; medium: warning; low, info: note). Draft diagnostics are tool notifications
/// and <c>error</c> results with the diagnostic's code as rule id.
/// </summary>
public static class SarifReportWriter
{
    /// <summary>The SARIF schema referenced.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The SARIF level of a severity.</summary>
    public static string Level(string severity) => severity switch
    {
        "critical" or "high" => "error",
        "medium" => "warning",
        _ => "note",
    };

    /// <summary>Writes the report as SARIF.</summary>
    public static void Write(CheckReport report, TextWriter writer, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToSarif(report, options).ToString(Formatting.Indented));
        writer.Write('\n');
    }

    /// <summary>The report as a SARIF log.</summary>
    public static JObject ToSarif(CheckReport report, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= new ReportOptions();
        var conflicts = ReportConflict.All(report).Where(c => ConflictStatus.Counts(c.Status) || c.Status == ConflictStatus.Waived).ToArray();

        // Rules: those in force, plus any rule that found something but is not described (user rules without metadata).
        var rules = new List<JObject>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in options.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            if (index.TryAdd(rule.Id, rules.Count))
            {
                rules.Add(Rule(rule));
            }
        }

        foreach (var c in conflicts.Where(c => !index.ContainsKey(c.Rule)))
        {
            index[c.Rule] = rules.Count;
            rules.Add(new JObject
            {
                ["id"] = c.Rule,
                ["shortDescription"] = new JObject { ["text"] = c.Principle },
                ["defaultConfiguration"] = new JObject { ["level"] = Level(c.Severity) },
                ["properties"] = new JObject { ["principle"] = c.Principle, ["basis"] = new JArray(c.Basis) },
            });
        }

        var results = new JArray();
        foreach (var c in conflicts)
        {
            var result = new JObject
            {
                ["ruleId"] = c.Rule,
                ["ruleIndex"] = index[c.Rule],
                ["level"] = Level(c.Severity),
                ["message"] = new JObject { ["text"] = c.Message + (c.Remedy is { Length: > 0 } r ? " Remedy: " + r : "") },
                ["locations"] = new JArray(Location(Uri(c.Document.Path, options), c.Clause?.Location ?? c.Document.Agreement?.Location, c.Document.Agreement?.Id, c.Where)),
                ["partialFingerprints"] = new JObject { [FingerprintKey] = Fingerprint(c) },
                ["properties"] = new JObject
                {
                    ["principle"] = c.Principle,
                    ["severity"] = c.Severity,
                    ["status"] = c.Status,
                    ["clause"] = c.Clause?.Id,
                    ["parties"] = new JArray(c.Parties),
                    ["basis"] = new JArray(c.Basis),
                },
            };
            if (c.Baseline is { } state)
            {
                // SARIF's own vocabulary: a conflict the baseline had is "unchanged".
                result["baselineState"] = state == BaselineReport.NewConflict ? "new" : "unchanged";
            }

            if (c.Status == ConflictStatus.Waived)
            {
                var suppression = new JObject { ["kind"] = "external", ["status"] = "accepted" };
                if (c.Waiver is { } w)
                {
                    suppression["justification"] = $"{w.Reason} (by {w.By}" + (w.Expires is { } e ? $", until {e})" : ")");
                }

                result["suppressions"] = new JArray(suppression);
            }

            results.Add(result);
        }

        // What the baseline had and this run no longer finds: SARIF's "absent", so a viewer can close it.
        foreach (var gone in report.Baseline?.Resolved ?? [])
        {
            results.Add(new JObject
            {
                ["ruleId"] = gone.Rule,
                ["kind"] = "pass",
                ["level"] = "none",
                ["baselineState"] = "absent",
                ["message"] = new JObject { ["text"] = "Resolved: " + gone.Message },
                ["locations"] = new JArray(Location(Uri(gone.Document, options), null, gone.Agreement, gone.Clause ?? FindingReport.AgreementLevel)),
                ["partialFingerprints"] = new JObject { [FingerprintKey] = ConflictFingerprint.Of(gone.Agreement ?? gone.Document, gone.Clause, gone.Rule, gone.Principle) },
                ["properties"] = new JObject { ["principle"] = gone.Principle, ["clause"] = gone.Clause },
            });
        }

        // A needs-review asks the analyst a question: a result of SARIF's kind "review", a note that fails nothing.
        foreach (var document in report.Documents)
        {
            foreach (var clause in document.Clauses)
            {
                foreach (var review in clause.Reviews ?? [])
                {
                    if (!index.ContainsKey(review.Rule))
                    {
                        index[review.Rule] = rules.Count;
                        rules.Add(new JObject { ["id"] = review.Rule, ["shortDescription"] = new JObject { ["text"] = review.Question } });
                    }

                    results.Add(new JObject
                    {
                        ["ruleId"] = review.Rule,
                        ["ruleIndex"] = index[review.Rule],
                        ["kind"] = "review",
                        ["level"] = "none",
                        ["message"] = new JObject { ["text"] = review.Describe() },
                        ["locations"] = new JArray(Location(Uri(document.Path, options), clause.Location, document.Agreement?.Id, clause.Id)),
                        ["properties"] = new JObject { ["principles"] = new JArray(review.Principles), ["clause"] = clause.Id, ["dependsOn"] = new JArray(review.DependsOn) },
                    });
                }
            }
        }

        var notifications = new JArray();
        foreach (var document in report.Documents)
        {
            foreach (var (d, clause) in document.Diagnostics.Select(d => (d, (ClauseReport?)null)).Concat(document.Clauses.SelectMany(c => c.Diagnostics.Select(d => (d, (ClauseReport?)c)))))
            {
                var location = d.Line > 0 ? new LocationReport(d.Line, Math.Max(1, d.Column)) : null;
                var level = d.Severity == "error" ? "error" : d.Severity == "warning" ? "warning" : "note";
                notifications.Add(new JObject
                {
                    ["descriptor"] = new JObject { ["id"] = d.Code },
                    ["level"] = level,
                    ["message"] = new JObject { ["text"] = d.Message },
                    ["locations"] = new JArray(Location(Uri(document.Path, options), location, document.Agreement?.Id, clause?.Id ?? "(document)")),
                });
            }
        }

        var invocation = new JObject { ["executionSuccessful"] = !report.Documents.Any(d => d.Verdict == Verdict.Error || d.Clauses.Any(c => c.Verdict == Verdict.Error)) };
        if (notifications.Count > 0)
        {
            invocation["toolExecutionNotifications"] = notifications;
        }

        var artifacts = new JArray(report.Documents.Select(d => new JObject { ["location"] = new JObject { ["uri"] = Uri(d.Path, options) } }));
        return new JObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JArray(new JObject
            {
                ["tool"] = new JObject
                {
                    ["driver"] = new JObject
                    {
                        ["name"] = report.Tool.Name,
                        ["version"] = report.Tool.Version,
                        ["semanticVersion"] = report.Tool.Version,
                        ["informationUri"] = PolicyChecker.RepositoryUrl.AbsoluteUri,
                        ["rules"] = new JArray(rules),
                    },
                },
                ["invocations"] = new JArray(invocation),
                ["artifacts"] = artifacts,
                ["results"] = results,
                ["properties"] = new JObject
                {
                    ["rulebooks"] = new JArray(report.Rulebooks.Select(b => new JObject { ["name"] = b.Name, ["version"] = b.Version, ["sha256"] = b.Sha256 })),
                    ["failOn"] = options.FailOn,
                },
            }),
        };
    }

    /// <summary>
    /// The SARIF log of a run that checked nothing because its rule files have errors: no results,
    /// the errors as configuration notifications, and the run marked unsuccessful, so that a CI step
    /// that uploads the log finds one, and shows why.
    /// </summary>
    /// <param name="ruleErrors">The rule files' diagnostics.</param>
    /// <param name="tool">The tool's name and version.</param>
    public static JObject ToSarif(IReadOnlyList<Diagnostic> ruleErrors, ToolInfo tool)
    {
        ArgumentNullException.ThrowIfNull(ruleErrors);
        ArgumentNullException.ThrowIfNull(tool);
        var notifications = new JArray(ruleErrors.Select(d =>
        {
            var notification = new JObject
            {
                ["descriptor"] = new JObject { ["id"] = d.Code },
                ["level"] = d.IsError ? "error" : d.Severity == DiagnosticSeverity.Warning ? "warning" : "note",
                ["message"] = new JObject { ["text"] = d.Message },
            };
            if (d.File is { } file)
            {
                notification["locations"] = new JArray(new JObject
                {
                    ["physicalLocation"] = Region(new JObject { ["artifactLocation"] = new JObject { ["uri"] = file.Replace('\\', '/') } }, d),
                });
            }

            return notification;
        }));
        return new JObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JArray(new JObject
            {
                ["tool"] = new JObject { ["driver"] = new JObject { ["name"] = tool.Name, ["version"] = tool.Version, ["semanticVersion"] = tool.Version, ["informationUri"] = PolicyChecker.RepositoryUrl.AbsoluteUri } },
                ["invocations"] = new JArray(new JObject { ["executionSuccessful"] = false, ["toolConfigurationNotifications"] = notifications }),
                ["results"] = new JArray(),
            }),
        };
    }

    private static JObject Region(JObject physical, Diagnostic d)
    {
        if (d.Line > 0)
        {
            physical["region"] = new JObject { ["startLine"] = d.Line, ["startColumn"] = Math.Max(1, d.Column) };
        }

        return physical;
    }

    private static JObject Rule(RulebookRule rule)
    {
        var obj = new JObject
        {
            ["id"] = rule.Id,
            ["name"] = rule.Principle ?? rule.Id,
            ["shortDescription"] = new JObject { ["text"] = rule.Title ?? rule.Id },
            ["defaultConfiguration"] = new JObject { ["level"] = Level(rule.Severity) },
            ["properties"] = new JObject
            {
                ["principle"] = rule.Principle,
                ["severity"] = rule.Severity,
                ["basis"] = new JArray(rule.Basis),
                ["rulebook"] = rule.Rulebook,
                ["tags"] = new JArray(rule.Tags),
            },
        };
        if (rule.Basis.Count > 0)
        {
            obj["fullDescription"] = new JObject { ["text"] = $"{rule.Title ?? rule.Id}. Basis: {string.Join("; ", rule.Basis)}." };
        }

        if (rule.Remedy is { Length: > 0 } remedy)
        {
            obj["help"] = new JObject { ["text"] = remedy };
        }

        return obj;
    }

    private static JObject Location(string uri, LocationReport? at, string? agreementId, string where)
    {
        var physical = new JObject { ["artifactLocation"] = new JObject { ["uri"] = uri } };
        if (at is { Line: > 0 })
        {
            physical["region"] = new JObject { ["startLine"] = at.Line, ["startColumn"] = Math.Max(1, at.Column) };
        }

        return new JObject
        {
            ["physicalLocation"] = physical,
            ["logicalLocations"] = new JArray(new JObject
            {
                ["name"] = where,
                ["fullyQualifiedName"] = $"{agreementId ?? uri}/{where}",
                ["kind"] = "member",
            }),
        };
    }

    /// <summary>The key of the fingerprint code scanning uses to track a result across commits.</summary>
    public const string FingerprintKey = "policyRulesConflict/v1";

    private static string Fingerprint(ReportConflict c) => ConflictFingerprint.Of(c.Document, c.Clause?.Id, c.Rule, c.Principle);

    // Relative to the base folder when the path is absolute and inside it; forward slashes, spaces escaped.
    private static string Uri(string path, ReportOptions options)
    {
        if (options.BasePath is { } basePath && Path.IsPathRooted(path))
        {
            var relative = Path.GetRelativePath(basePath, path);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                path = relative;
            }
            else
            {
                return new System.Uri(path).AbsoluteUri;
            }
        }

        return path.Replace('\\', '/').Replace(" ", "%20", StringComparison.Ordinal);
    }
}
