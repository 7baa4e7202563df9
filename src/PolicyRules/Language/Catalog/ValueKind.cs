namespace PolicyRules.Language.Catalog;

/// <summary>The kinds of value the rule language knows; every member a rule can reach has one.</summary>
public enum ValueKind
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>Any integral or decimal number.</summary>
    Number,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A list of strings.</summary>
    TextList,

    /// <summary>A list of numbers.</summary>
    NumberList,

    /// <summary>An object of a registered type, whose members a path may continue into.</summary>
    Object,

    /// <summary>A list of objects of a registered type.</summary>
    ObjectList,

    /// <summary>A string-keyed dictionary of extra fields, read with <c>attributes.name</c>.</summary>
    Attributes,
}
