using System.Collections;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PolicyRules.Engine.Model;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Tests.Engine.Differential;

/// <summary>A difference between the engine and the oracle (or between two sessions), with everything needed to reproduce it.</summary>
public sealed class DifferentialException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Match strings, comparison of match multisets, and failure messages.</summary>
public static class Differential
{
    /// <summary>
    /// How many cases each property runs: 500, or the value of the environment variable
    /// DIFFERENTIAL_CASES (a soak run: <c>DIFFERENTIAL_CASES=20000 dotnet test --filter Category=Differential</c>).
    /// </summary>
    public static readonly int Cases =
        int.TryParse(Environment.GetEnvironmentVariable("DIFFERENTIAL_CASES"), out var cases) && cases > 0 ? cases : 500;

    /// <summary>Runs a property over <see cref="Cases"/> generated cases; a failure is shrunk and thrown.</summary>
    /// <remarks>
    /// To replay a failure, set DIFFERENTIAL_REPLAY to the seed FsCheck printed, e.g.
    /// <c>DIFFERENTIAL_REPLAY="16005873973565533593,4977591753218411531,3"</c> (the last number, the size, is optional),
    /// and run the one property with <c>--filter</c>.
    /// </remarks>
    public static void Check<T>(Arbitrary<T> cases, Action<T> property)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(Cases);
        if (Environment.GetEnvironmentVariable("DIFFERENTIAL_REPLAY") is { Length: > 0 } replay)
        {
            var parts = replay.Trim('(', ')', ' ').Split(',', StringSplitOptions.TrimEntries);
            var size = parts.Length > 2 ? Microsoft.FSharp.Core.FSharpOption<int>.Some(int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)) : null;
            var rnd = new Rnd(ulong.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), ulong.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
            config = config.WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(rnd, size))).WithMaxTest(1);
        }

        FsCheck.Check.One(config, Prop.ForAll(cases, property));
    }

    /// <summary><c>ruleId|alias=#factId|n=2(agg)|l=[#1,#4](agg)</c>.</summary>
    public static string Format(string ruleId, IEnumerable<MatchBinding> bindings) =>
        ruleId + string.Concat(bindings.Select(b => $"|{b.Alias}={Value(b.Value)}{(b.IsAggregate ? "(agg)" : "")}"));

    public static List<string> Sorted(IEnumerable<string> matches)
    {
        var list = matches.ToList();
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    public static List<string> EngineMatches(RuleSession session) => Described(session.PendingMatches);

    public static List<string> Described(IEnumerable<PolicyRules.Engine.Runtime.IMatch> matches) =>
        Sorted(matches.Select(m => Format(m.Rule.Id, m.Bindings)));

    public static List<string> OracleMatches(IEnumerable<RuleDefinition> rules, IReadOnlyList<object> facts) =>
        Sorted(NaiveEvaluator.Evaluate(rules, facts).Select(m => Format(m.Rule.Id, m.Bindings)));

    /// <summary>Null when the two sorted multisets are equal; otherwise what each side has that the other lacks.</summary>
    public static string? Diff(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string expectedName = "oracle", string actualName = "engine")
    {
        if (expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            return null;
        }

        var missing = Minus(expected, actual);
        var extra = Minus(actual, expected);
        var text = new StringBuilder();
        text.AppendLine($"{expectedName}: {expected.Count} match(es), {actualName}: {actual.Count} match(es).");
        text.AppendLine($"Only in {expectedName} ({missing.Count}):");
        foreach (var m in missing.Take(40))
        {
            text.AppendLine("    " + m);
        }

        text.AppendLine($"Only in {actualName} ({extra.Count}):");
        foreach (var m in extra.Take(40))
        {
            text.AppendLine("    " + m);
        }

        if (expected.Count <= 40)
        {
            text.AppendLine($"All of {expectedName}: " + (expected.Count == 0 ? "(none)" : string.Join("  ", expected)));
        }

        return text.ToString();
    }

    /// <summary>An exception as a difference: each message of the chain, and where the innermost was thrown.</summary>
    public static string ExceptionText(Exception ex)
    {
        var text = new StringBuilder();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            text.AppendLine($"  {e.GetType().Name}: {e.Message}");
            if (e.InnerException is null && e.StackTrace is { } trace)
            {
                foreach (var line in trace.Split('\n').Take(8))
                {
                    text.AppendLine("    " + line.Trim());
                }
            }
        }

        return text.ToString();
    }

    public static string DescribeRules(IEnumerable<RuleDefinition> rules)
    {
        var text = new StringBuilder();
        foreach (var rule in rules)
        {
            text.AppendLine($"  rule {rule.Id}:");
            foreach (var element in rule.Conditions)
            {
                text.AppendLine("    " + Describe(element));
            }
        }

        return text.ToString();
    }

    public static string DescribeFacts(IEnumerable<object> facts)
    {
        var list = facts.ToList();
        return list.Count == 0 ? "  (none)\n" : string.Concat(list.Select(f => "  " + f + "\n"));
    }

    /// <summary>The message of a failed comparison: rules as lambdas, facts, what was done, and the difference.</summary>
    public static string Report(string what, IEnumerable<RuleDefinition> rules, IEnumerable<object> facts, string difference, string? history = null)
    {
        var text = new StringBuilder();
        text.AppendLine(what);
        text.AppendLine("Rules:");
        text.Append(DescribeRules(rules));
        text.AppendLine("Facts (in insertion order):");
        text.Append(DescribeFacts(facts));
        if (history is not null)
        {
            text.AppendLine("Operations:");
            text.Append(history);
        }

        text.AppendLine("Difference:");
        text.Append(difference);
        return text.ToString();
    }

    private static string Describe(RuleElement element) => element switch
    {
        PatternElement p => $"{p.FactType.Name} {p.Alias}: {Conditions(p.Conditions)}",
        NotElement n => $"not {n.Pattern.FactType.Name} {n.Pattern.Alias}: {Conditions(n.Pattern.Conditions)}",
        ExistsElement e => $"exists {e.Pattern.FactType.Name} {e.Pattern.Alias}: {Conditions(e.Pattern.Conditions)}",
        AggregateElement a => $"{a.Alias} = {a.Kind.ToString().ToLowerInvariant()} {a.Source.FactType.Name} {a.Source.Alias}: {Conditions(a.Source.Conditions)} having {Conditions(a.ResultConditions)}",
        _ => element.ToString() ?? "?",
    };

    private static string Conditions(IEnumerable<System.Linq.Expressions.LambdaExpression> conditions)
    {
        var list = conditions.Select(c => $"({string.Join(", ", c.Parameters.Select(p => p.Type.Name + " " + p.Name))}) => {c.Body}{Instants(c)}").ToList();
        return list.Count == 0 ? "(no condition)" : string.Join(" ; ", list);
    }

    // Expression.ToString() prints a DateTime without its milliseconds: show them.
    private static string Instants(System.Linq.Expressions.Expression expression)
    {
        var finder = new DateTimeConstants();
        finder.Visit(expression);
        return finder.Found.Count == 0 ? "" : $"  [DateTime constants: {string.Join(", ", finder.Found.Select(t => t.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)))}]";
    }

    private sealed class DateTimeConstants : System.Linq.Expressions.ExpressionVisitor
    {
        public List<DateTime> Found { get; } = [];

        protected override System.Linq.Expressions.Expression VisitConstant(System.Linq.Expressions.ConstantExpression node)
        {
            if (node.Value is DateTime time)
            {
                Found.Add(time);
            }

            return node;
        }
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        int n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(FactText.Ref)) + "]",
        _ => FactText.Ref(value),
    };

    private static List<string> Minus(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var counts = b.GroupBy(x => x, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var x in a)
        {
            if (counts.TryGetValue(x, out var n) && n > 0)
            {
                counts[x] = n - 1;
            }
            else
            {
                result.Add(x);
            }
        }

        return result;
    }
}
