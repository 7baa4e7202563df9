using System.Globalization;
using Newtonsoft.Json.Linq;
using PolicyRules.Language.Operators;
using PolicyRules.Language.Syntax;

namespace PolicyRules.Language;

/// <summary>
/// Says in words what a rule's <c>when</c> looks for, one line per element, and which lexicon sets
/// it reads, so <c>explain</c> can show an analyst the conditions without the JSON.
/// </summary>
internal static class RuleDescriber
{
    // Facts whose "name" member is a lexicon set, and members of ClauseReading that hold set names.
    private const string TextCueType = "TextCue";
    private const string ReadingType = "ClauseReading";
    private static readonly HashSet<string> ReadingSetMembers = new(StringComparer.Ordinal) { "cues", "excludedCues", "headings" };

    public static IReadOnlyList<string> Describe(IReadOnlyList<ElementSyntax> when) => when.Select(Describe).ToArray();

    /// <summary>The lexicon sets the rule's text cues and clause readings name, in order of first use.</summary>
    public static IReadOnlyList<string> LexiconSets(IReadOnlyList<ElementSyntax> when)
    {
        var sets = new List<string>();
        foreach (var pattern in when.Select(PatternOf))
        {
            if (pattern?.Where is not { } where)
            {
                continue;
            }

            foreach (var test in MemberTests(where))
            {
                var readsSet = pattern.Type.Value == TextCueType && test.Path.Value == "name"
                    || pattern.Type.Value == ReadingType && ReadingSetMembers.Contains(test.Path.Value);
                if (!readsSet)
                {
                    continue;
                }

                foreach (var op in test.Operators.Where(o => o.Name is "eq" or "in" or "contains"))
                {
                    foreach (var name in Literals(op.Argument))
                    {
                        if (!sets.Contains(name, StringComparer.Ordinal))
                        {
                            sets.Add(name);
                        }
                    }
                }
            }
        }

        return sets;
    }

    private static string Describe(ElementSyntax element) => element switch
    {
        PatternSyntax p => $"{A(p.Type.Value)} {Fact(p)}{Where(p.Where)}",
        ExistsSyntax e => $"there is {A(e.Pattern.Type.Value)} {Fact(e.Pattern)}{Where(e.Pattern.Where)}",
        NoneSyntax n => $"there is no {Fact(n.Pattern)}{Where(n.Pattern.Where)}",
        AggregateSyntax a => $"{(a.IsCollect ? "the list" : "the number")} of {Fact(a.Source)}s{Where(a.Source.Where)}, as {a.Alias.Value}"
            + (a.Having is { } having ? $", where {Condition(having)}" : ""),
        _ => element.GetType().Name,
    };

    private static PatternSyntax? PatternOf(ElementSyntax element) => element switch
    {
        PatternSyntax p => p,
        ExistsSyntax e => e.Pattern,
        NoneSyntax n => n.Pattern,
        AggregateSyntax a => a.Source,
        _ => null,
    };

    // "an Agreement", "a Clause": fact types are English nouns.
    private static string A(string noun) => noun.Length > 0 && "AEIOUaeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Fact(PatternSyntax pattern) =>
        pattern.Alias is { } alias ? $"{pattern.Type.Value} ({alias.Value})" : pattern.Type.Value;

    // "a Clause (c) unless its disputeSettlement.isds is false" reads better than "whose not (…)".
    private static string Where(ConditionSyntax? where) => where switch
    {
        null => "",
        NotSyntax not => $" unless its {Condition(not.Condition)}",
        _ => $" whose {Condition(where)}",
    };

    private static string Condition(ConditionSyntax condition) => condition switch
    {
        AllSyntax all => string.Join(" and ", all.Conditions.Select(Condition)),
        AnySyntax any => "(" + string.Join(" or ", any.Conditions.Select(Condition)) + ")",
        NotSyntax not => $"not ({Condition(not.Condition)})",
        MemberTestSyntax test => string.Join(" and ", test.Operators.Select(op => Operator(test.Path.Value is { Length: > 0 } path ? path : "value", op))),
        _ => condition.GetType().Name,
    };

    private static string Operator(string path, OperatorSyntax op)
    {
        var text = op.Name switch
        {
            "exists" when Literal(op.Argument) == "false" => $"{path} is missing",
            "empty" when Literal(op.Argument) == "false" => $"{path} is not empty",
            _ when OperatorRegistry.TryGet(op.Name, out var info) => info.Phrase
                .Replace("{path}", path, StringComparison.Ordinal)
                .Replace("{with}", op.Argument is DifferenceSyntax difference ? Value(difference.With) : "", StringComparison.Ordinal)
                .Replace("{nested}", Nested(op.Argument), StringComparison.Ordinal)
                .Replace("{value}", op.Name == "matches" ? Literal(op.Argument) : Value(op.Argument), StringComparison.Ordinal),
            _ => $"{path} {op.Name} {Value(op.Argument)}",
        };
        return op.IgnoreCase ? text + " (any case)" : text;
    }

    private static string Nested(ValueSyntax value) => value switch
    {
        NestedSyntax nested => string.Join(" and ", nested.Operators.Select(op => Operator("", op).TrimStart())),
        DifferenceSyntax difference => string.Join(" and ", difference.Operators.Select(op => Operator("", op).TrimStart())),
        ElementConditionSyntax element => Condition(element.Condition),
        _ => Value(value),
    };

    private static string Value(ValueSyntax value) => value switch
    {
        LiteralSyntax literal => literal.Value.Text is { } text ? $"'{text}'" : Literal(value),
        ListSyntax list => string.Join(", ", list.Items.Select(Value)),
        AliasSyntax alias => alias.Path.Length == 0 ? alias.Alias : $"{alias.Alias}.{alias.Path}",
        SetReferenceSyntax set => $"the set @{set.Name}",
        NestedSyntax or DifferenceSyntax or ElementConditionSyntax => Nested(value),
        _ => value.GetType().Name,
    };

    private static string Literal(ValueSyntax value) => value is LiteralSyntax literal
        ? literal.Value.Type switch
        {
            JTokenType.Boolean => (bool)literal.Value.Value! ? "true" : "false",
            JTokenType.Null => "null",
            _ => Convert.ToString(literal.Value.Value, CultureInfo.InvariantCulture) ?? "",
        }
        : Value(value);

    private static IEnumerable<string> Literals(ValueSyntax value) => value switch
    {
        LiteralSyntax { Value.Text: { } text } => [text],
        ListSyntax list => list.Items.SelectMany(Literals),
        _ => [],
    };

    private static IEnumerable<MemberTestSyntax> MemberTests(ConditionSyntax condition) => condition switch
    {
        MemberTestSyntax test => [test],
        AllSyntax all => all.Conditions.SelectMany(MemberTests),
        AnySyntax any => any.Conditions.SelectMany(MemberTests),
        NotSyntax not => MemberTests(not.Condition),
        _ => [],
    };
}
