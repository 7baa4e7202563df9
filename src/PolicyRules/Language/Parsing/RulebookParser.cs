using System.Security.Cryptography;
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

        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                MaxDepth = limits.MaxDepth * 2 + 8,
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            root = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            });
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new JsonReaderException("Additional text after the end of the document.", reader.Path, reader.LineNumber, reader.LinePosition, null);
                }
            }
        }
        catch (JsonReaderException ex)
        {
            var at = new SourceSpan(file, ex.LineNumber, ex.LinePosition);
            if (ex.Message.Contains("MaxDepth", StringComparison.Ordinal))
            {
                diagnostics.Error(RuleDiagnosticCodes.NestingTooDeep, at, $"The file nests deeper than {limits.MaxDepth} levels.");
            }
            else
            {
                diagnostics.Error(RuleDiagnosticCodes.MalformedJson, at, $"Malformed JSON: {FirstSentence(ex.Message)}");
            }

            return null;
        }

        if (root is not JObject book)
        {
            diagnostics.Error(RuleDiagnosticCodes.InvalidValue, At(root), "A rule file is a JSON object with 'rulebook', 'version' and 'rules'.");
            return null;
        }

        WarnUnknown(book, Keywords.RulebookFields, "rulebook");
        var name = RequiredString(book, "rulebook") ?? "";
        var version = RequiredString(book, "version") ?? "";
        var sets = ParseSets(book["sets"]);
        var disable = StringList(book, "disable").ToArray();
        var rules = new List<RuleSyntax>();
        if (Required(book, "rules") is { } rulesToken)
        {
            if (rulesToken is JArray array)
            {
                foreach (var item in array)
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

        return new RulebookSyntax(file, name, version, OptionalString(book, "description"), Sha256(text), sets, disable, rules);
    }

    /// <summary>The SHA-256 of the file's UTF-8 bytes.</summary>
    /// <remarks>Encoded a chunk at a time: the whole file's bytes at once were a large object on every load.</remarks>
    private static string Sha256(string text)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var encoder = Encoding.UTF8.GetEncoder();
        Span<byte> bytes = stackalloc byte[4096];
        var chars = text.AsSpan();
        do
        {
            // 1,024 characters are at most 3,072 bytes, however they are encoded.
            var take = Math.Min(chars.Length, 1024);
            encoder.Convert(chars[..take], bytes, flush: take == chars.Length, out var used, out var written, out _);
            hash.AppendData(bytes[..written]);
            chars = chars[used..];
        }
        while (!chars.IsEmpty);

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path '", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    private List<SetSyntax> ParseSets(JToken? token)
    {
        var sets = new List<SetSyntax>();
        if (token is null)
        {
            return sets;
        }

        if (token is not JObject obj)
        {
            Invalid(token, "'sets' must be an object of named lists.");
            return sets;
        }

        foreach (var property in obj.Properties())
        {
            if (property.Value is not JArray values)
            {
                Invalid(property.Value, $"Set '{property.Name}' must be a list of values.");
                continue;
            }

            var items = new List<Located<object>>();
            foreach (var value in values)
            {
                if (value is JValue { Type: JTokenType.String or JTokenType.Integer or JTokenType.Float } scalar)
                {
                    items.Add(new Located<object>(At(value), scalar.Value!));
                }
                else
                {
                    Invalid(value, $"Set '{property.Name}' holds strings or numbers only.");
                }
            }

            sets.Add(new SetSyntax(At(property), property.Name, items));
        }

        return sets;
    }

    private RuleSyntax? ParseRule(JToken token)
    {
        if (token is not JObject rule)
        {
            Invalid(token, "A rule is a JSON object.");
            return null;
        }

        WarnUnknown(rule, Keywords.RuleFields, "rule");
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

        if (rule["confidence"] is { } confidence && (confidence.Type is not (JTokenType.Float or JTokenType.Integer) || (decimal)confidence < 0 || (decimal)confidence > 1))
        {
            Invalid(confidence, "'confidence' is a number from 0 to 1.");
        }

        var priority = 0;
        if (rule["priority"] is { } priorityToken)
        {
            if (priorityToken.Type == JTokenType.Integer && (long)priorityToken is >= int.MinValue and <= int.MaxValue)
            {
                priority = (int)priorityToken;
            }
            else
            {
                Invalid(priorityToken, "'priority' is a whole number.");
            }
        }

        var overrides = false;
        if (rule["override"] is { } overrideToken)
        {
            if (overrideToken.Type == JTokenType.Boolean)
            {
                overrides = (bool)overrideToken;
            }
            else
            {
                Invalid(overrideToken, "'override' is true or false.");
            }
        }

        var when = new List<ElementSyntax>();
        if (Required(rule, "when") is { } whenToken)
        {
            if (whenToken is JArray elements)
            {
                foreach (var element in elements)
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
            if (thenToken is JArray actions)
            {
                foreach (var action in actions)
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
            At(rule),
            id,
            OptionalString(rule, "title"),
            rule["principle"] is { } principle && String(principle, "principle") is { } p ? new Located<string>(At(principle), p) : null,
            StringList(rule, "basis").Select(b => b.Value).ToArray(),
            new Located<string>(rule["severity"] is { } s ? At(s) : At(rule), severity ?? "medium"),
            priority,
            StringList(rule, "tags").Select(t => t.Value).ToArray(),
            OptionalString(rule, "remedy"),
            StringList(rule, "references").Select(r => r.Value).ToArray(),
            verification,
            overrides,
            when,
            then);
    }

    private ElementSyntax? ParseElement(JToken token)
    {
        if (token is not JObject element)
        {
            Invalid(token, "An element of 'when' is a JSON object such as { \"match\": \"Clause\", \"as\": \"c\" }.");
            return null;
        }

        var keyword = element.Properties().Select(p => p.Name).FirstOrDefault(Keywords.Elements.Contains);
        if (keyword is null)
        {
            var first = element.Properties().FirstOrDefault();
            diagnostics.Error(
                RuleDiagnosticCodes.UnknownOperator,
                first is null ? At(element) : At(first),
                $"An element starts with one of {string.Join(", ", Keywords.Elements)}." + (first is null ? "" : Suggestions.DidYouMean(first.Name, Keywords.Elements)));
            return null;
        }

        switch (keyword)
        {
            case "match":
                return ParsePattern(element);
            case "none" or "exists":
            {
                WarnUnknown(element, [keyword], "element");
                if (element[keyword] is not JObject inner || ParsePattern(inner) is not { } pattern)
                {
                    if (element[keyword] is not JObject)
                    {
                        Invalid(element[keyword]!, $"'{keyword}' holds a pattern: {{ \"match\": \"Type\", \"where\": {{ … }} }}.");
                    }

                    return null;
                }

                return keyword == "none" ? new NoneSyntax(At(element), pattern) : new ExistsSyntax(At(element), pattern);
            }

            default:
            {
                WarnUnknown(element, [keyword, .. Keywords.AggregateFields], "aggregate");
                var alias = RequiredString(element, "as");
                if (element[keyword] is not JObject inner)
                {
                    Invalid(element[keyword]!, $"'{keyword}' holds a pattern: {{ \"match\": \"Type\", \"where\": {{ … }} }}.");
                    return null;
                }

                var source = ParsePattern(inner);
                var having = element["having"] is { } havingToken ? ParseOperators(havingToken, "", 1) : null;
                return source is null || alias is null
                    ? null
                    : new AggregateSyntax(At(element), keyword == "collect", source, new Located<string>(At(element["as"]!), alias), having);
            }
        }
    }

    private PatternSyntax? ParsePattern(JObject pattern)
    {
        WarnUnknown(pattern, Keywords.PatternFields, "pattern");
        var type = RequiredString(pattern, "match");
        Located<string>? alias = pattern["as"] is { } aliasToken && String(aliasToken, "as") is { } a ? new Located<string>(At(aliasToken), a) : null;
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

            var test = new MemberTestSyntax(At(isToken), new Located<string>(At(isToken), ""), [new OperatorSyntax(At(isToken), "eq", identity, false)]);
            where = where is null ? test : new AllSyntax(where.Span, [test, .. where is AllSyntax all ? all.Conditions : [where]]);
        }

        return type is null ? null : new PatternSyntax(At(pattern), new Located<string>(At(pattern["match"]!), type), alias, where);
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private ConditionSyntax? ParseCondition(JToken token, int depth)
    {
        if (depth > limits.MaxDepth)
        {
            diagnostics.Error(RuleDiagnosticCodes.NestingTooDeep, At(token), $"Conditions nest deeper than {limits.MaxDepth} levels.");
            return null;
        }

        if (token is not JObject conditions)
        {
            Invalid(token, "A condition is a JSON object of member tests, 'all', 'any' or 'not'.");
            return null;
        }

        var parts = new List<ConditionSyntax>();
        foreach (var property in conditions.Properties())
        {
            switch (property.Name)
            {
                case "all" or "any":
                {
                    if (property.Value is not JArray list)
                    {
                        Invalid(property.Value, $"'{property.Name}' holds a list of conditions.");
                        continue;
                    }

                    var items = list.Select(item => ParseCondition(item, depth + 1)).OfType<ConditionSyntax>().ToArray();
                    parts.Add(property.Name == "all" ? new AllSyntax(At(property), items) : new AnySyntax(At(property), items));
                    break;
                }

                case "not":
                    if (ParseCondition(property.Value, depth + 1) is { } negated)
                    {
                        parts.Add(new NotSyntax(At(property), negated));
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

        return parts.Count == 1 ? parts[0] : new AllSyntax(At(conditions), parts);
    }

    private MemberTestSyntax? ParseMemberTest(JProperty property, int depth)
    {
        var path = new Located<string>(At(property), property.Name);
        if (property.Value is JObject)
        {
            return ParseOperators(property.Value, property.Name, depth + 1) is { } tests
                ? tests with { Path = path }
                : null;
        }

        if (property.Value is JArray)
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
        return new MemberTestSyntax(At(property), path, [new OperatorSyntax(At(property.Value), op, value, false)]);
    }

    /// <summary>Reads an object of operators (<c>{ "gte": 2, "lt": 9 }</c>) applying to <paramref name="path"/>.</summary>
    private MemberTestSyntax? ParseOperators(JToken token, string path, int depth, string? skip = null)
    {
        if (depth > limits.MaxDepth)
        {
            diagnostics.Error(RuleDiagnosticCodes.NestingTooDeep, At(token), $"Conditions nest deeper than {limits.MaxDepth} levels.");
            return null;
        }

        if (token is not JObject obj)
        {
            Invalid(token, "Expected an object of operators such as { \"gte\": 2 }.");
            return null;
        }

        var ignoreCase = false;
        if (obj[Keywords.IgnoreCase] is { } flag)
        {
            if (flag.Type == JTokenType.Boolean)
            {
                ignoreCase = (bool)flag;
            }
            else
            {
                Invalid(flag, "'ignoreCase' is true or false.");
            }
        }

        var operators = new List<OperatorSyntax>();
        foreach (var property in obj.Properties())
        {
            if (property.Name == Keywords.IgnoreCase || property.Name == skip)
            {
                continue;
            }

            if (!OperatorRegistry.TryGet(property.Name, out var info))
            {
                diagnostics.Error(
                    RuleDiagnosticCodes.UnknownOperator,
                    At(property),
                    $"Unknown operator '{property.Name}'.{OperatorHint(property.Name)} Operators: {string.Join(", ", OperatorRegistry.All.Select(o => o.Name))}.");
                continue;
            }

            if (ParseArgument(info, property, depth) is { } argument)
            {
                operators.Add(new OperatorSyntax(At(property), info.Name, argument, ignoreCase));
            }
        }

        return new MemberTestSyntax(At(obj), new Located<string>(At(obj), path), operators);
    }

    private ValueSyntax? ParseArgument(OperatorInfo info, JProperty property, int depth)
    {
        switch (info.Shape)
        {
            case OperandShape.Operators:
                return ParseOperators(property.Value, "", depth + 1) is { } nested ? new NestedSyntax(At(property.Value), nested.Operators) : null;
            case OperandShape.Condition:
                return ParseCondition(property.Value, depth + 1) is { } condition ? new ElementConditionSyntax(At(property.Value), condition) : null;
            case OperandShape.Difference:
            {
                if (property.Value is not JObject { } body || body["with"] is not { } with)
                {
                    diagnostics.Error(RuleDiagnosticCodes.MissingField, At(property.Value), $"'{info.Name}' takes {{ \"with\": list, … }}: the list to take away, then tests of what remains such as {{ \"empty\": false }}.");
                    return null;
                }

                var taken = ParseValue(with, depth + 1);
                var tests = ParseOperators(body, "", depth + 1, skip: "with");
                return taken is not null && tests is not null ? new DifferenceSyntax(At(property.Value), taken, tests.Operators) : null;
            }

            default:
                return ParseValue(property.Value, depth);
        }
    }

    private static string OperatorHint(string name) =>
        OperatorRegistry.Hints.TryGetValue(name, out var known) ? $" Did you mean '{known}'?" : Suggestions.DidYouMean(name, OperatorRegistry.Names);

    private ValueSyntax? ParseValue(JToken token, int depth)
    {
        switch (token)
        {
            case JValue { Type: JTokenType.String } text:
            {
                var s = (string)text!;
                if (s.StartsWith("$$", StringComparison.Ordinal) || s.StartsWith("@@", StringComparison.Ordinal))
                {
                    return new LiteralSyntax(At(token), new JValue(s[1..]));
                }

                if (s.StartsWith('$'))
                {
                    var dot = s.IndexOf('.', StringComparison.Ordinal);
                    var alias = dot < 0 ? s[1..] : s[1..dot];
                    return new AliasSyntax(At(token), alias, dot < 0 ? "" : s[(dot + 1)..]);
                }

                return s.StartsWith('@') ? new SetReferenceSyntax(At(token), s[1..]) : new LiteralSyntax(At(token), text);
            }

            case JValue { Type: JTokenType.Integer or JTokenType.Float or JTokenType.Boolean or JTokenType.Null } scalar:
                return new LiteralSyntax(At(token), scalar);
            case JArray list:
                return new ListSyntax(At(token), list.Select(item => ParseValue(item, depth + 1)).OfType<ValueSyntax>().ToArray());
            default:
                Invalid(token, "Expected a string, number, boolean, null, list, '$alias.member' or '@set'.");
                return null;
        }
    }

    private ActionSyntax? ParseAction(JToken token)
    {
        if (token is not JObject { Count: 1 } action || action.First is not JProperty { Value: JObject arguments } property)
        {
            Invalid(token, "An action is an object with one keyword holding its arguments, such as { \"conflict\": { \"on\": \"$c\" } }.");
            return null;
        }

        var args = arguments.Properties().ToDictionary(p => p.Name, p => new Located<JToken>(At(p.Value), p.Value), StringComparer.Ordinal);
        return new ActionSyntax(At(property), property.Name, args);
    }

    private JToken? Required(JObject obj, string name)
    {
        if (obj[name] is { } token)
        {
            return token;
        }

        diagnostics.Error(RuleDiagnosticCodes.MissingField, At(obj), $"Missing required field '{name}'.");
        return null;
    }

    private string? RequiredString(JObject obj, string name) => Required(obj, name) is { } token ? String(token, name) : null;

    private string? OptionalString(JObject obj, string name) => obj[name] is { } token ? String(token, name) : null;

    private string? String(JToken token, string name)
    {
        if (token.Type == JTokenType.String)
        {
            return (string)token!;
        }

        Invalid(token, $"'{name}' must be a string.");
        return null;
    }

    private IEnumerable<Located<string>> StringList(JObject obj, string name)
    {
        if (obj[name] is not { } token)
        {
            yield break;
        }

        if (token is not JArray list)
        {
            Invalid(token, $"'{name}' must be a list of strings.");
            yield break;
        }

        foreach (var item in list)
        {
            if (item.Type == JTokenType.String)
            {
                yield return new Located<string>(At(item), (string)item!);
            }
            else
            {
                Invalid(item, $"'{name}' must hold strings only.");
            }
        }
    }

    private void WarnUnknown(JObject obj, IReadOnlyCollection<string> known, string what)
    {
        foreach (var property in obj.Properties().Where(p => !known.Contains(p.Name)))
        {
            diagnostics.Warning(
                RuleDiagnosticCodes.UnknownField,
                At(property),
                $"'{property.Name}' is not a field of a {what}; it is ignored.{Suggestions.DidYouMean(property.Name, known)}");
        }
    }

    private void Invalid(JToken token, string message) => diagnostics.Error(RuleDiagnosticCodes.InvalidValue, At(token), message);

    private SourceSpan At(JToken token) => SourceSpan.Of(token, file);
}
