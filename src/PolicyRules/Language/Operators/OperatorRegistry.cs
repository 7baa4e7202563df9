namespace PolicyRules.Language.Operators;

/// <summary>
/// The operators of the rule language, defined once: the parser accepts these names, the binder
/// implements each, and tests hold the rulebook schema and docs/RULE-LANGUAGE.md to this list.
/// </summary>
internal static class OperatorRegistry
{
    public static readonly IReadOnlyList<OperatorInfo> All =
    [
        new("eq", OperandShape.Value, "text, number, boolean, object", "a literal, `null`, or `\"$alias.member\"`; objects compare with an alias", "{path} is {value}", []),
        new("ne", OperandShape.Value, "text, number, boolean, object", "as `eq`", "{path} is not {value}", []),
        new("lt", OperandShape.Value, "number, text (ordinal)", "a literal or `\"$alias.member\"`; false when either side is missing", "{path} < {value}", []),
        new("lte", OperandShape.Value, "number, text (ordinal)", "as `lt`", "{path} ≤ {value}", []),
        new("gt", OperandShape.Value, "number, text (ordinal)", "as `lt`", "{path} > {value}", []),
        new("gte", OperandShape.Value, "number, text (ordinal)", "as `lt`", "{path} ≥ {value}", []),
        new("in", OperandShape.Value, "text, number", "a list, `\"@set\"`, or another fact's list `\"$alias.list\"`", "{path} is one of {value}", []),
        new("notIn", OperandShape.Value, "text, number", "as `in`", "{path} is none of {value}", []),
        new("contains", OperandShape.Value, "list (element), text (substring)", "a literal, or `\"$alias.member\"` for lists", "{path} contains {value}", []),
        new("overlaps", OperandShape.Value, "list", "a list, `\"@set\"` or `\"$alias.list\"`: true when they share an item", "{path} shares an item with {value}", ["intersects"]),
        new("subsetOf", OperandShape.Value, "list", "as `overlaps`: true when every item of the member is in the argument", "{path} lies within {value}", []),
        new("covers", OperandShape.Value, "list", "as `overlaps`: true when the member holds every item of the argument", "{path} holds every item of {value}", []),
        new("difference", OperandShape.Difference, "list", "`{ \"with\": list, … }`: the member's items not in `with`, tested by the other operators", "the items of {path} not in {with} {nested}", []),
        new("size", OperandShape.Operators, "list", "number tests, e.g. `{ \"gt\": 0 }`", "the size of {path} {nested}", []),
        new("some", OperandShape.Condition, "list of objects", "a condition on one element (members of the element, aliases bound earlier)", "some item of {path} has {nested}", []),
        new("every", OperandShape.Condition, "list of objects", "as `some`; true for an empty list", "every item of {path} has {nested}", []),
        new("none", OperandShape.Condition, "list of objects", "as `some`; true for an empty list", "no item of {path} has {nested}", []),
        new("startsWith", OperandShape.Value, "text", "a literal", "{path} starts with {value}", []),
        new("endsWith", OperandShape.Value, "text", "a literal", "{path} ends with {value}", []),
        new("matches", OperandShape.Value, "text", "a regular expression, run by .NET's non-backtracking engine (linear time; no backreferences or lookarounds)", "{path} matches /{value}/", []),
        new("exists", OperandShape.Value, "anything", "`true` (present, not null) or `false`", "{path} is present", []),
        new("empty", OperandShape.Value, "text, list", "`true` (missing or empty) or `false`", "{path} is empty", []),
    ];

    private static readonly Dictionary<string, OperatorInfo> ByName = All
        .SelectMany(op => op.Aliases.Prepend(op.Name).Select(name => (name, op)))
        .ToDictionary(p => p.name, p => p.op, StringComparer.Ordinal);

    /// <summary>Every name a rule file may use: the operators and their aliases.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>Names people reach for that the language spells otherwise: a hint, not accepted.</summary>
    public static readonly IReadOnlyDictionary<string, string> Hints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["equals"] = "eq", ["=="] = "eq", ["is"] = "eq", ["!="] = "ne", ["notEquals"] = "ne",
        [">"] = "gt", [">="] = "gte", ["<"] = "lt", ["<="] = "lte",
        ["oneOf"] = "in", ["anyOf"] = "overlaps", ["has"] = "contains", ["superset"] = "covers", ["supersetOf"] = "covers",
        ["regex"] = "matches", ["like"] = "matches", ["length"] = "size", ["count"] = "size", ["allOf"] = "subsetOf",
        ["any"] = "some", ["all"] = "every", ["minus"] = "difference", ["except"] = "difference",
    };

    /// <summary>The operator a name (or alias) stands for.</summary>
    public static bool TryGet(string name, out OperatorInfo info) => ByName.TryGetValue(name, out info!);
}
