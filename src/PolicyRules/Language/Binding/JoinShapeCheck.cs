using PolicyRules.Diagnostics;
using PolicyRules.Language.Syntax;

namespace PolicyRules.Language.Binding;

/// <summary>
/// Warns of the join shape that made one large draft quadratic: a pattern that only shares the
/// agreement with what came before (every clause of the agreement, paired with each earlier match),
/// filtered afterwards by a later element that names it as its <c>subject</c>. Matching that later
/// element first and reaching the fact through it (<c>"is": "$t.subject"</c>) is linear.
/// </summary>
internal static class JoinShapeCheck
{
    public static void Warn(RuleSyntax rule, DiagnosticBag diagnostics)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < rule.When.Count; i++)
        {
            if (rule.When[i] is not PatternSyntax { Alias.Value: { } alias } pattern)
            {
                continue;
            }

            var joined = JoinedOnAgreement(pattern.Where);
            types[alias] = pattern.Type.Value;

            // Pairing one agreement with its clauses is linear; pairing clauses with clauses is not.
            if (i == 0 || joined is null || !types.TryGetValue(joined, out var joinedType) || joinedType != pattern.Type.Value)
            {
                continue;
            }

            var filter = rule.When.Skip(i + 1).Select(Pattern).OfType<PatternSyntax>().FirstOrDefault(later => NamesAsSubject(later.Where, alias));
            if (filter is not null)
            {
                diagnostics.Warning(
                    RuleDiagnosticCodes.CrossProduct,
                    pattern.Span,
                    $"Rule {rule.Id}: '${alias}' pairs every {pattern.Type.Value} of the agreement with each earlier match before a later {filter.Type.Value} (subject ${alias}) filters it: quadratic in the clauses of a draft. Match the {filter.Type.Value} first and bind the {pattern.Type.Value} with \"is\": \"$t.subject\".");
            }
        }
    }

    private static PatternSyntax? Pattern(ElementSyntax element) => element switch
    {
        PatternSyntax p => p,
        ExistsSyntax e => e.Pattern,
        _ => null,
    };

    // The alias it joins on agreementId, when its tests are that join and "ne" tests only: nothing that narrows it by itself.
    private static string? JoinedOnAgreement(ConditionSyntax? where)
    {
        IReadOnlyList<ConditionSyntax> tests = where switch
        {
            null => [],
            AllSyntax all => all.Conditions,
            var one => [one],
        };
        if (tests.Count == 0 || !tests.All(t => t is MemberTestSyntax { Operators: var ops } m
                && ops.All(op => op.Argument is AliasSyntax && (op.Name == "ne" || (op.Name == "eq" && m.Path.Value == "agreementId")))))
        {
            return null;
        }

        return tests.OfType<MemberTestSyntax>()
            .Where(m => m.Path.Value == "agreementId")
            .SelectMany(m => m.Operators)
            .Select(op => (op.Argument as AliasSyntax)?.Alias)
            .FirstOrDefault(a => a is not null);
    }

    private static bool NamesAsSubject(ConditionSyntax? where, string alias) => where switch
    {
        MemberTestSyntax { Path.Value: "subject" } m => m.Operators.Any(op => op.Name == "eq" && op.Argument is AliasSyntax { Path: "" } a && a.Alias == alias),
        AllSyntax all => all.Conditions.Any(c => NamesAsSubject(c, alias)),
        _ => false,
    };
}
