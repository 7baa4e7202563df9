using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PolicyRules.Diagnostics;
using PolicyRules.Language.Operators;
using PolicyRules.Language.Syntax;

namespace PolicyRules.Language.Parsing;

/// <summary>
/// Reads a rule file into syntax: checks the JSON and the shape of every field, keeps positions,
/// and reports every problem it finds rather than stopping at the first. Names and types are
/// resolved later, by the binder.
/// </summary>
internal sealed class RulebookParser(string? file, RulebookLimits limits, DiagnosticBag diagnostics)
{
    public RulebookSyntax? Parse(string text)
    {
        var start = new SourceSpan(file, 1, 1);
        if (Encoding.UTF8.GetByteCount(text) > limits.MaxFileBytes)
        {
            diagnostics.Error(RuleDiagnosticCodes.FileTooLarge, start, $"The rule file is larger than {limits.MaxFileBytes:N0} bytes.");
            return null;
        }

        RuleJson root;
        using var reader = new JsonTextReader(new StringReader(text))
        {
            MaxDepth = limits.MaxDepth * 2 + 8,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            PropertyNameTable = new InterningNameTable(),
        };
        try
        {
            root = RuleJsonReader.Read(reader, file);
        }
        catch (JsonReaderException ex)
        {
            var (at, reason) = JsonReadFailure.Of(ex, text, file);
            if (ex.Message.Contains("MaxDepth", StringComparison.Ordinal))
            {
                diagnostics.Error(RuleDiagnosticCodes.NestingTooDeep, at, $"The file nests deeper than {limits.MaxDepth} levels.");
            }
            else
            {
                diagnostics.Error(RuleDiagnosticCodes.MalformedJson, at, $"Malformed JSON: {reason}");
            }

            return null;
        }

        if (JsonReadFailure.TextAfterEnd(reader, text, file) is { } after)
        {
            diagnostics.Error(RuleDiagnosticCodes.MalformedJson, after, "Malformed JSON: Additional text after the end of the document.");
            return null;
        }

        if (root is not RuleJsonObject book)
        {
            diagnostics.Error(RuleDiagnosticCodes.InvalidValue, root.Span, "A rule file is a JSON object with 'rulebook', 'version' and 'rules'.");
            return null;
        }

        RejectUnknown(book, Keywords.RulebookFields, "a rulebook");
        var name = RequiredString(book, "rulebook") ?? "";
        var version = RequiredString(book, "version") ?? "";
        var sets = ParseSets(book["sets"]);
        var disable = StringList(book, "disable").ToArray();
        var rules = new List<RuleSyntax>();
        if (Required(book, "rules") is { } rulesToken)
        {
            if (rulesToken is RuleJsonArray array)
            {
                foreach (var item in array.Items)
                {
                    if (ParseRule(item) is { } rule)
                    {
                        rules.Add(rule);
                    }
                }
            }
            else
            {
                Invalid(rulesToken, "'rules' must be a list of rules.");
            }
        }

        return new RulebookSyntax(file, name, version, OptionalString(book, "description"), Sha256.HexOfUtf8(text), sets, disable, rules);
    }

    private List<SetSyntax> ParseSets(RuleJson? token)
    {
        var sets = new List<SetSyntax>();
        if (token is null)
        {
            return sets;
        }

        if (token is not RuleJsonObject obj)
        {
            Invalid(token, "'sets' must be an object of named lists.");
            return sets;
        }

        foreach (var property in obj.Properties)
        {
            if (property.Value is not RuleJsonArray values)
            {
                Invalid(property.Value, $"Set '{property.Name}' must be a list of values.");
                continue;
            }

            var items = new List<Located<object>>();
            foreach (var value in values.Items)
            {
                if (value is RuleJsonValue { Type: JTokenType.String or JTokenType.Integer or JTokenType.Float } scalar)
                {
                    items.Add(new Located<object>(value.Span, scalar.Value!));
                }
                else
                {
                    Invalid(value, $"Set '{property.Name}' holds strings or numbers only.");
                }
            }

            sets.Add(new SetSyntax(property.Span, property.Name, items));
        }

        return sets;
    }

    private RuleSyntax? ParseRule(RuleJson token)
    {
        if (token is not RuleJsonObject rule)
        {
            Invalid(token, "A rule is a JSON object.");
            return null;
        }

        RejectUnknown(rule, Keywords.RuleFields, "a rule");
        var id = RequiredString(rule, "id");
        var severity = rule["severity"] is { } severityToken ? String(severityToken, "severity") : "medium";
        if (severity is not null && !Keywords.Severities.Contains(severity))
        {
            Invalid(rule["severity"]!, $"Severity '{severity}' is not one of {string.Join(", ", Keywords.Severities)}.");
        }

        var verification = OptionalString(rule, "verification");
        if (verification is not null && !Keywords.Verifications.Contains(verification))
        {
            Invalid(rule["verification"]!, $"Verification '{verification}' is not one of {string.Join(", ", Keywords.Verifications)}.");
        }

        if (rule["confidence"] is { } confidence && (confidence is not RuleJsonValue { Value: long or decimal } number || Convert.ToDecimal(number.Value, CultureInfo.InvariantCulture) is < 0 or > 1))
        {
            Invalid(confidence, "'confidence' is a number from 0 to 1.");
        }

        var priority = 0;
        if (rule["priority"] is { } priorityToken)
        {
            if (priorityToken is RuleJsonValue { Value: long whole } && whole is >= int.MinValue and <= int.MaxValue)
            {
                priority = (int)whole;
            }
            else
            {
                Invalid(priorityToken, "'priority' is a whole number.");
            }
        }

        var overrides = false;
        if (rule["override"] is { } overrideToken)
        {
            if (overrideToken is RuleJsonValue { Value: bool flag })
            {
                overrides = flag;
            }
            else
            {
                Invalid(overrideToken, "'override' is true or false.");
            }
        }

        var when = new List<ElementSyntax>();
        if (Required(rule, "when") is { } whenToken)
        {
            if (whenToken is RuleJsonArray elements)
            {
                foreach (var element in elements.Items)
                {
                    if (ParseElement(element) is { } parsed)
                    {
                        when.Add(parsed);
                    }
                }
            }
            else
            {
                Invalid(whenToken, "'when' must be a list of patterns.");
            }
        }

        var then = new List<ActionSyntax>();
        if (Required(rule, "then") is { } thenToken)
        {
            if (thenToken is RuleJsonArray actions)
            {
                foreach (var action in actions.Items)
                {
                    if (ParseAction(action) is { } parsed)
                    {
                        then.Add(parsed);
                    }
                }
            }
            else
            {
                Invalid(thenToken, "'then' must be a list of actions.");
            }
        }

        if (id is null)
        {
            return null;
        }

        return new RuleSyntax(
            rule.Span,
            id,
            OptionalString(rule, "title"),
            rule["principle"] is { } principle && String(principle, "principle") is { } p ? new Located<string>(principle.Span, p) : null,
            StringList(rule, "basis").Select(b => b.Value).ToArray(),
            new Located<string>(rule["severity"] is { } s ? s.Span : rule.Span, severity ?? "medium"),
            priority,
            StringList(rule, "tags").Select(t => t.Value).ToArray(),
            OptionalString(rule, "remedy"),
            StringList(rule, "references").Select(r => r.Value).ToArray(),
            verification,
            overrides,
            when,
            then);
    }

    private ElementSyntax? ParseElement(RuleJson token)
    {
        if (token is not RuleJsonObject element)
        {
            Invalid(token, "An element of 'when' is a JSON object such as { \"match\": \"Clause\", \"as\": \"c\" }.");
            return null;
        }

        var keyword = element.Properties.Select(p => p.Name).FirstOrDefault(Keywords.Elements.Contains);
        if (keyword is null)
        {
            var first = element.Properties.FirstOrDefault();
            diagnostics.Error(
                RuleDiagnosticCodes.UnknownOperator,
                first is null ? element.Span : first.Span,
                $"An element starts with one of {string.Join(", ", Keywords.Elements)}." + (first is null ? "" : Suggestions.DidYouMean(first.Name, Keywords.Elements)));
            return null;
        }

        switch (keyword)
        {
            case "match":
                return ParsePattern(element);
            case "none" or "exists":
            {
                RejectUnknown(element, [keyword], $"a '{keyword}' element (its conditions go inside it)");
                if (element[keyword] is not RuleJsonObject inner || ParsePattern(inner) is not { } pattern)
                {
                    if (element[keyword] is not RuleJsonObject)
                    {
                        Invalid(element[keyword]!, $"'{keyword}' holds a pattern: {{ \"match\": \"Type\", \"where\": {{ … }} }}.");
                    }

                    return null;
                }

                return keyword == "none" ? new NoneSyntax(element.Span, pattern) : new ExistsSyntax(element.Span, pattern);
            }

            default:
            {
                RejectUnknown(element, [keyword, .. Keywords.AggregateFields], $"a '{keyword}' element (its conditions go inside it)");
                var alias = RequiredString(element, "as");
                if (element[keyword] is not RuleJsonObject inner)
                {
                    Invalid(element[keyword]!, $"'{keyword}' holds a pattern: {{ \"match\": \"Type\", \"where\": {{ … }} }}.");
                    return null;
                }

                var source = ParsePattern(inner);
                var having = element["having"] is { } havingToken ? ParseOperators(havingToken, "", 1) : null;
                return source is null || alias is null
                    ? null
                    : new AggregateSyntax(element.Span, keyword == "collect", source, new Located<string>(element["as"]!.Span, alias), having);
            }
        }
    }

    private PatternSyntax? ParsePattern(RuleJsonObject pattern)
    {
        RejectUnknown(pattern, Keywords.PatternFields, "a pattern (conditions on the fact go in 'where')");
        var type = RequiredString(pattern, "match");
        Located<string>? alias = pattern["as"] is { } aliasToken && String(aliasToken, "as") is { } a ? new Located<string>(aliasToken.Span, a) : null;
        if (alias is { Value: var name } && !IsIdentifier(name))
        {
            Invalid(pattern["as"]!, $"Alias '{name}' must be a letter followed by letters, digits or '_'.");
        }

        var where = pattern["where"] is { } whereToken ? ParseCondition(whereToken, 1) : null;
        if (pattern["is"] is { } isToken)
        {
            // "is": "$t.subject" matches the very fact an earlier alias names: a hashed identity join, so
            // a rule can reach a clause from the tag on it instead of pairing every clause with every other.
            if (ParseValue(isToken, 1) is not AliasSyntax identity)
            {
                Invalid(isToken, "'is' names a fact bound earlier, such as \"$t.subject\".");
                return null;
            }

            var test = new MemberTestSyntax(isToken.Span, new Located<string>(isToken.Span, ""), [new OperatorSyntax(isToken.Span, "eq", identity, false)]);
            where = where is null ? test : new AllSyntax(where.Span, [test, .. where is AllSyntax all ? all.Conditions : [where]]);
        }

        return type is null ? null : new PatternSyntax(pattern.Span, new Located<string>(pattern["match"]!.Span, type), alias, where);
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private ConditionSyntax? ParseCondition(RuleJson token, int depth)
    {
        if (depth > limits.MaxDepth)
        {
            diagnostics.Error(RuleDiagnosticCodes.NestingTooDeep, token.Span, $"Conditions nest deeper than {limits.MaxDepth} levels.");
            return null;
        }

        if (token is not RuleJsonObject conditions)
        {
            Invalid(token, "A condition is a JSON object of member tests, 'all', 'any' or 'not'.");
            return null;
        }

        // An empty condition would hold for every fact ({} under 'some', 'where') or, negated, for none.
        if (conditions.Properties.Length == 0)
        {
            Invalid(conditions, "An empty condition tests nothing: give member tests, 'all', 'any' or 'not'.");
            return null;
        }

        var parts = new List<ConditionSyntax>();
        foreach (var property in conditions.Properties)
        {
            switch (property.Name)
            {
                case "all" or "any":
                {
                    if (property.Value is not RuleJsonArray list)
                    {
                        Invalid(property.Value, $"'{property.Name}' holds a list of conditions.");
                        continue;
                    }

                    if (list.Items.Length == 0)
                    {
                        Invalid(property.Value, $"'{property.Name}' holds at least one condition: an empty '{property.Name}' is {(property.Name == "any" ? "never true" : "always true")}.");
                        continue;
                    }

                    var items = list.Items.Select(item => ParseCondition(item, depth + 1)).OfType<ConditionSyntax>().ToArray();
                    parts.Add(property.Name == "all" ? new AllSyntax(property.Span, items) : new AnySyntax(property.Span, items));
                    break;
                }

                case "not":
                    if (ParseCondition(property.Value, depth + 1) is { } negated)
                    {
                        parts.Add(new NotSyntax(property.Span, negated));
                    }

                    break;
                default:
                    if (ParseMemberTest(property, depth) is { } test)
                    {
                        parts.Add(test);
                    }

                    break;
            }
        }

        return parts.Count == 1 ? parts[0] : new AllSyntax(conditions.Span, parts);
    }

    private MemberTestSyntax? ParseMemberTest(RuleJsonProperty property, int depth)
    {
        var path = new Located<string>(property.Span, property.Name);
        if (property.Value is RuleJsonObject)
        {
            return ParseOperators(property.Value, property.Name, depth + 1) is { } tests
                ? tests with { Path = path }
                : null;
        }

        if (property.Value is RuleJsonArray)
        {
            Invalid(property.Value, $"A bare list does not say how to compare '{property.Name}': use an operator such as {{ \"in\": [ … ] }} or {{ \"overlaps\": [ … ] }}.");
            return null;
        }

        var value = ParseValue(property.Value, depth);
        if (value is null)
        {
            return null;
        }

        var op = value is SetReferenceSyntax ? "in" : "eq";
        return new MemberTestSyntax(property.Span, path, [new OperatorSyntax(property.Value.Span, op, value, false)]);
    }

    /// <summary>Reads an object of operators (<c>{ "gte": 2, "lt": 9 }</c>) applying to <paramref name="path"/>.</summary>
    private MemberTestSyntax? ParseOperators(RuleJson token, string path, int depth, string? skip = null)
    {
        if (depth > limits.MaxDepth)
        {
            diagnostics.Error(RuleDiagnosticCodes.NestingTooDeep, token.Span, $"Conditions nest deeper than {limits.MaxDepth} levels.");
            return null;
        }

        if (token is not RuleJsonObject obj)
        {
            Invalid(token, "Expected an object of operators such as { \"gte\": 2 }.");
            return null;
        }

        var ignoreCase = false;
        if (obj[Keywords.IgnoreCase] is { } flag)
        {
            if (flag is RuleJsonValue { Value: bool set })
            {
                ignoreCase = set;
            }
            else
            {
                Invalid(flag, "'ignoreCase' is true or false.");
            }
        }

        var operators = new List<OperatorSyntax>();
        foreach (var property in obj.Properties)
        {
            if (property.Name == Keywords.IgnoreCase || property.Name == skip)
            {
                continue;
            }

            if (!OperatorRegistry.TryGet(property.Name, out var info))
            {
                diagnostics.Error(
                    RuleDiagnosticCodes.UnknownOperator,
                    property.Span,
                    $"Unknown operator '{property.Name}'.{OperatorHint(property.Name)} Operators: {string.Join(", ", OperatorRegistry.All.Select(o => o.Name))}.");
                continue;
            }

            if (ParseArgument(info, property, depth) is { } argument)
            {
                operators.Add(new OperatorSyntax(property.Span, info.Name, argument, ignoreCase));
            }
        }

        if (operators.Count == 0 && !obj.Properties.Any(p => p.Name != Keywords.IgnoreCase && p.Name != skip))
        {
            // { } or { "ignoreCase": true } alone: a test with no operator would hold for every value.
            Invalid(obj, $"{(path.Length == 0 ? "An object of operators" : $"'{path}'")} has no operator: give one, such as {{ \"eq\": … }} or {{ \"contains\": … }}.");
            return null;
        }

        return new MemberTestSyntax(obj.Span, new Located<string>(obj.Span, path), operators);
    }

    private ValueSyntax? ParseArgument(OperatorInfo info, RuleJsonProperty property, int depth)
    {
        switch (info.Shape)
        {
            case OperandShape.Operators:
                return ParseOperators(property.Value, "", depth + 1) is { } nested ? new NestedSyntax(property.Value.Span, nested.Operators) : null;
            case OperandShape.Condition:
                return ParseCondition(property.Value, depth + 1) is { } condition ? new ElementConditionSyntax(property.Value.Span, condition) : null;
            case OperandShape.Difference:
            {
                if (property.Value is not RuleJsonObject { } body || body["with"] is not { } with)
                {
                    diagnostics.Error(RuleDiagnosticCodes.MissingField, property.Value.Span, $"'{info.Name}' takes {{ \"with\": list, … }}: the list to take away, then tests of what remains such as {{ \"empty\": false }}.");
                    return null;
                }

                var taken = ParseValue(with, depth + 1);
                var tests = ParseOperators(body, "", depth + 1, skip: "with");
                return taken is not null && tests is not null ? new DifferenceSyntax(property.Value.Span, taken, tests.Operators) : null;
            }

            default:
                return ParseValue(property.Value, depth);
        }
    }

    private static string OperatorHint(string name) =>
        OperatorRegistry.Hints.TryGetValue(name, out var known) ? $" Did you mean '{known}'?" : Suggestions.DidYouMean(name, OperatorRegistry.Names);

    private ValueSyntax? ParseValue(RuleJson token, int depth)
    {
        switch (token)
        {
            case RuleJsonValue { Value: string s } text:
            {
                if (s.StartsWith("$$", StringComparison.Ordinal) || s.StartsWith("@@", StringComparison.Ordinal))
                {
                    return new LiteralSyntax(token.Span, new RuleJsonValue(token.Span, JTokenType.String, s[1..]));
                }

                if (s.StartsWith('$'))
                {
                    var dot = s.IndexOf('.', StringComparison.Ordinal);
                    var alias = dot < 0 ? s[1..] : s[1..dot];
                    return new AliasSyntax(token.Span, alias, dot < 0 ? "" : s[(dot + 1)..]);
                }

                return s.StartsWith('@') ? new SetReferenceSyntax(token.Span, s[1..]) : new LiteralSyntax(token.Span, text);
            }

            case RuleJsonValue { Type: JTokenType.Integer or JTokenType.Float or JTokenType.Boolean or JTokenType.Null } scalar:
                return new LiteralSyntax(token.Span, scalar);
            case RuleJsonArray list:
                return new ListSyntax(token.Span, list.Items.Select(item => ParseValue(item, depth + 1)).OfType<ValueSyntax>().ToArray());
            default:
                Invalid(token, "Expected a string, number, boolean, null, list, '$alias.member' or '@set'.");
                return null;
        }
    }

    private ActionSyntax? ParseAction(RuleJson token)
    {
        if (token is not RuleJsonObject { Count: 1 } action || action.Properties[0] is not { Value: RuleJsonObject arguments } property)
        {
            Invalid(token, "An action is an object with one keyword holding its arguments, such as { \"conflict\": { \"on\": \"$c\" } }.");
            return null;
        }

        var args = arguments.Properties.ToDictionary(p => p.Name, p => new Located<RuleJson>(p.Value.Span, p.Value), StringComparer.Ordinal);
        return new ActionSyntax(property.Span, property.Name, args);
    }

    private RuleJson? Required(RuleJsonObject obj, string name)
    {
        if (obj[name] is { } token)
        {
            return token;
        }

        diagnostics.Error(RuleDiagnosticCodes.MissingField, obj.Span, $"Missing required field '{name}'.");
        return null;
    }

    private string? RequiredString(RuleJsonObject obj, string name) => Required(obj, name) is { } token ? String(token, name) : null;

    private string? OptionalString(RuleJsonObject obj, string name) => obj[name] is { } token ? String(token, name) : null;

    private string? String(RuleJson token, string name)
    {
        if (token is RuleJsonValue { Value: string text })
        {
            return text;
        }

        Invalid(token, $"'{name}' must be a string.");
        return null;
    }

    private IEnumerable<Located<string>> StringList(RuleJsonObject obj, string name)
    {
        if (obj[name] is not { } token)
        {
            yield break;
        }

        if (token is not RuleJsonArray list)
        {
            Invalid(token, $"'{name}' must be a list of strings.");
            yield break;
        }

        foreach (var item in list.Items)
        {
            if (item is RuleJsonValue { Value: string text })
            {
                yield return new Located<string>(item.Span, text);
            }
            else
            {
                Invalid(item, $"'{name}' must hold strings only.");
            }
        }
    }

    /// <summary>
    /// A field the language does not define is an error, not a field ignored: a misspelt
    /// <c>severity</c>, or a <c>where</c> set beside its <c>none</c> rather than inside it, would
    /// change what the rule means without a word. Names that start with <c>$</c> are annotations
    /// (<c>$comment</c>), as in JSON Schema, and are left alone.
    /// </summary>
    private void RejectUnknown(RuleJsonObject obj, IReadOnlyCollection<string> known, string what)
    {
        foreach (var property in obj.Properties)
        {
            if (known.Contains(property.Name) || property.Name.StartsWith('$'))
            {
                continue;
            }

            diagnostics.Error(
                RuleDiagnosticCodes.UnknownField,
                property.Span,
                $"'{property.Name}' is not a field of {what}.{Suggestions.DidYouMean(property.Name, known)} Fields: {string.Join(", ", known)}.");
        }
    }

    private void Invalid(RuleJson token, string message) => diagnostics.Error(RuleDiagnosticCodes.InvalidValue, token.Span, message);
}
