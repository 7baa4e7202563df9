using System.Linq.Expressions;
using PolicyRules.Language.Catalog;

namespace PolicyRules.Language.Binding;

/// <summary>An expression the binder built, with the language type it has.</summary>
/// <param name="Expression">The expression.</param>
/// <param name="Kind">Its kind of value.</param>
/// <param name="ElementType">For lists, the element type; for objects, the object's type.</param>
/// <param name="MayBeNull">Whether the value can be null at run time.</param>
/// <param name="Name">How messages name it (a member path or an alias).</param>
internal sealed record BoundValue(Expression Expression, ValueKind Kind, Type? ElementType, bool MayBeNull, string Name)
{
    /// <summary>The values the member holds, when the catalog gives them: literals compared with it are checked against them.</summary>
    public MemberVocabulary? Vocabulary { get; init; }

    public static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Text => "text",
        ValueKind.Number => "a number",
        ValueKind.Boolean => "true or false",
        ValueKind.TextList => "a list of text",
        ValueKind.NumberList => "a list of numbers",
        ValueKind.Object => "an object",
        ValueKind.ObjectList => "a list of objects",
        _ => "a set of attributes",
    };
}
