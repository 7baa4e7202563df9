using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Newtonsoft.Json.Linq;
using PolicyRules.Language.Catalog;
using PolicyRules.Diagnostics;
using PolicyRules.Language.Syntax;

namespace PolicyRules.Language.Binding;

/// <summary>
/// Turns conditions into boolean expressions over a subject and the aliases in scope, checking
/// every member, operator and value against the catalog. Returns null (with diagnostics) where it
/// cannot.
/// </summary>
internal sealed class ConditionBinder(BindContext context, BindingScope scope)
{
    // The member whose operators are being bound, for messages about their arguments.
    private BoundValue? _subject;
    private OperatorSyntax? _operator;

    private DiagnosticBag Diagnostics => context.Diagnostics;

    /// <summary>
    /// The pattern being bound, under its own alias: inside its <c>where</c>, <c>"$c.obligations"</c>
    /// reads the fact under test, so an item of its lists can be compared with the fact that holds it.
    /// </summary>
    public (string Alias, BoundValue Value)? Self { get; set; }

    public Expression? Bind(ConditionSyntax condition, BoundValue subject) => condition switch
    {
        AllSyntax all => Combine(all.Conditions.Select(c => Bind(c, subject)).ToArray(), Expression.AndAlso, true),
        AnySyntax any => Combine(any.Conditions.Select(c => Bind(c, subject)).ToArray(), Expression.OrElse, false),
        NotSyntax not => Bind(not.Condition, subject) is { } inner ? Expression.Not(inner) : null,
        MemberTestSyntax test => BindTest(test, subject),
        _ => null,
    };

    /// <summary>Resolves <c>a.b.c</c> from <paramref name="root"/>, guarding every step that may be null.</summary>
    public BoundValue? Path(BoundValue root, string path, SourceSpan at)
    {
        var current = root;
        if (path.Length == 0)
        {
            return current;
        }

        foreach (var segment in path.Split('.'))
        {
            if (current.Kind == ValueKind.Attributes)
            {
                var read = Expression.Call(Method(nameof(LanguageFunctions.Attribute)), Expression.Convert(current.Expression, typeof(IReadOnlyDictionary<string, string>)), Expression.Constant(segment));
                current = new BoundValue(read, ValueKind.Text, null, true, $"{current.Name}.{segment}");
                continue;
            }

            if (current is { Kind: ValueKind.ObjectList, ElementType: { } itemType } && context.Catalog.Describe(itemType) is { } itemInfo
                && itemInfo.Members.TryGetValue(segment, out var itemMember))
            {
                // "exceptions.parties": a member read through a list of objects is the list of its values, in order.
                if (Flatten(current, itemMember) is not { } flattened)
                {
                    Diagnostics.Error(RuleDiagnosticCodes.TypeMismatch, at, $"'{current.Name}.{segment}' reads {BoundValue.Describe(itemMember.Kind)} through a list; only text, numbers and their lists can be read that way.");
                    return null;
                }

                current = flattened with { Vocabulary = context.Catalog.VocabularyOf(itemType, segment) };
                continue;
            }

            var info = current is { Kind: ValueKind.Object, ElementType: { } type } ? context.Catalog.Describe(type) : null;
            if (info is null)
            {
                Diagnostics.Error(RuleDiagnosticCodes.UnknownMember, at, $"'{current.Name}' is {BoundValue.Describe(current.Kind)} and has no member '{segment}'.");
                return null;
            }

            if (!info.Members.TryGetValue(segment, out var member))
            {
                Diagnostics.Error(
                    RuleDiagnosticCodes.UnknownMember,
                    at,
                    $"{info.Name} has no member '{segment}'.{Suggestions.DidYouMean(segment, info.Members.Keys)} Members: {string.Join(", ", info.Members.Keys.Order(StringComparer.Ordinal))}.");
                return null;
            }

            Expression access = Expression.Property(current.Expression, member.Property);
            if (current.MayBeNull)
            {
                var liftedType = access.Type.IsValueType && Nullable.GetUnderlyingType(access.Type) is null
                    ? typeof(Nullable<>).MakeGenericType(access.Type)
                    : access.Type;
                access = Expression.Condition(
                    Expression.Equal(current.Expression, Expression.Constant(null, current.Expression.Type)),
                    Expression.Constant(null, liftedType),
                    Expression.Convert(access, liftedType));
            }

            current = new BoundValue(access, member.Kind, member.ElementType, member.MayBeNull || current.MayBeNull, $"{current.Name}.{segment}")
            {
                Vocabulary = context.Catalog.VocabularyOf(info.Type, segment),
            };
        }

        return current;
    }

    /// <summary>The values of one member across a list of objects, as a list (lists of lists are joined).</summary>
    private static BoundValue? Flatten(BoundValue list, FactMember member)
    {
        (ValueKind? kind, Type? element) = member.Kind switch
        {
            ValueKind.Text => (ValueKind.TextList, typeof(string)),
            ValueKind.Number => (ValueKind.NumberList, member.Property.PropertyType),
            ValueKind.TextList or ValueKind.NumberList => (member.Kind, member.ElementType),
            _ => ((ValueKind?)null, (Type?)null),
        };
        if (kind is null || element is null)
        {
            return null;
        }

        var item = Expression.Parameter(list.ElementType!, "item");
        var read = Expression.Property(item, member.Property);
        var function = member.Kind is ValueKind.TextList or ValueKind.NumberList ? nameof(LanguageFunctions.JoinEach) : nameof(LanguageFunctions.Each);
        var method = Method(function, list.ElementType!, element);
        var selector = function == nameof(LanguageFunctions.JoinEach)
            ? Expression.Lambda(Expression.Convert(read, SequenceOf(element)), item)
            : Expression.Lambda(Expression.Convert(read, element), item);
        var call = Expression.Call(method, Expression.Convert(list.Expression, SequenceOf(list.ElementType!)), selector);
        return new BoundValue(call, kind.Value, element, false, $"{list.Name}.{member.Name}");
    }

    private static Expression? Combine(Expression?[] parts, Func<Expression, Expression, Expression> join, bool empty)
    {
        if (parts.Any(p => p is null))
        {
            return null;
        }

        return parts.Length == 0 ? Expression.Constant(empty) : parts.Aggregate((a, b) => join(a!, b!));
    }

    private Expression? BindTest(MemberTestSyntax test, BoundValue subject)
    {
        if (Path(subject, test.Path.Value, test.Path.Span) is not { } value)
        {
            return null;
        }

        return Combine(test.Operators.Select(op => BindOperator(value, op)).ToArray(), Expression.AndAlso, true);
    }

    private Expression? BindOperator(BoundValue subject, OperatorSyntax op)
    {
        _subject = subject;
        _operator = op;
        return BindOperatorOn(subject, op);
    }

    private Expression? BindOperatorOn(BoundValue subject, OperatorSyntax op) => op.Name switch
    {
        "eq" => Equality(subject, op),
        "ne" => Equality(subject, op) is { } eq ? Expression.Not(eq) : null,
        "lt" => Ordering(subject, op, ExpressionType.LessThan),
        "lte" => Ordering(subject, op, ExpressionType.LessThanOrEqual),
        "gt" => Ordering(subject, op, ExpressionType.GreaterThan),
        "gte" => Ordering(subject, op, ExpressionType.GreaterThanOrEqual),
        "in" => Membership(subject, op),
        "notIn" => Membership(subject, op) is { } member ? Expression.Not(member) : null,
        "overlaps" => ListWithList(subject, op, nameof(LanguageFunctions.Overlaps), nameof(LanguageFunctions.OverlapsList)),
        "subsetOf" => ListWithList(subject, op, nameof(LanguageFunctions.SubsetOf), nameof(LanguageFunctions.SubsetOfList)),
        "covers" => ListWithList(subject, op, nameof(LanguageFunctions.Covers), nameof(LanguageFunctions.CoversList)),
        "difference" => Difference(subject, op),
        "some" => Quantified(subject, op, nameof(LanguageFunctions.Some)),
        "every" => Quantified(subject, op, nameof(LanguageFunctions.Every)),
        "none" => Quantified(subject, op, nameof(LanguageFunctions.NoneOf)),
        "contains" => Contains(subject, op),
        "size" => Size(subject, op),
        "startsWith" => TextTest(subject, op, nameof(LanguageFunctions.StartsWith)),
        "endsWith" => TextTest(subject, op, nameof(LanguageFunctions.EndsWith)),
        "matches" => Matches(subject, op),
        "exists" => Flag(subject, op) is { } exists ? Presence(subject, exists) : null,
        "empty" => Flag(subject, op) is { } empty ? Emptiness(subject, empty, op) : null,
        _ => Unknown(op),
    };

    private Expression? Unknown(OperatorSyntax op)
    {
        Diagnostics.Error(RuleDiagnosticCodes.UnknownOperator, op.Span, $"Unknown operator '{op.Name}'.");
        return null;
    }

    private Expression? Equality(BoundValue subject, OperatorSyntax op)
    {
        if (op.Argument is LiteralSyntax { Value.Type: JTokenType.Null })
        {
            if (!subject.Expression.Type.IsValueType || Nullable.GetUnderlyingType(subject.Expression.Type) is not null)
            {
                return Expression.Equal(subject.Expression, Expression.Constant(null, subject.Expression.Type));
            }

            return Mismatch(op, subject, "null", "it always has a value");
        }

        switch (subject.Kind)
        {
            case ValueKind.Text:
                if (Argument(op, ValueKind.Text) is not { } text)
                {
                    return null;
                }

                return op.IgnoreCase
                    ? Expression.Call(typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string), typeof(StringComparison)])!, subject.Expression, text, Expression.Constant(StringComparison.OrdinalIgnoreCase))
                    : Expression.Equal(subject.Expression, text);
            case ValueKind.Number:
                return Argument(op, ValueKind.Number) is { } number ? CompareNumbers(subject.Expression, number, ExpressionType.Equal) : null;
            case ValueKind.Boolean:
                return Argument(op, ValueKind.Boolean) is { } flag ? Expression.Equal(Lift(subject.Expression, flag.Type), Lift(flag, subject.Expression.Type)) : null;
            case ValueKind.Object:
                if (op.Argument is not AliasSyntax || Argument(op, ValueKind.Object) is not { } other)
                {
                    return op.Argument is AliasSyntax ? null : Mismatch(op, subject, "a literal", "an object can only be compared with an alias such as \"$c\"");
                }

                return Expression.ReferenceEqual(Expression.Convert(subject.Expression, typeof(object)), Expression.Convert(other, typeof(object)));
            default:
                return Mismatch(op, subject, op.Name, "lists are tested with contains, overlaps, subsetOf, covers, difference, size or empty, and lists of objects with some, every or none");
        }
    }

    private Expression? Ordering(BoundValue subject, OperatorSyntax op, ExpressionType comparison)
    {
        switch (subject.Kind)
        {
            case ValueKind.Number:
                return Argument(op, ValueKind.Number) is { } number ? CompareNumbers(subject.Expression, number, comparison) : null;
            case ValueKind.Text:
                if (Argument(op, ValueKind.Text) is not { } text)
                {
                    return null;
                }

                var compared = Expression.Call(Method(nameof(LanguageFunctions.CompareText)), subject.Expression, text);
                return Expression.MakeBinary(comparison, compared, Expression.Constant(0, typeof(int?)));
            default:
                return Mismatch(op, subject, op.Name, "only numbers and text are ordered");
        }
    }

    private Expression? Membership(BoundValue subject, OperatorSyntax op)
    {
        if (subject.Kind is not (ValueKind.Text or ValueKind.Number))
        {
            return Mismatch(op, subject, op.Name, "'in' tests a single text or number against a list; for lists use overlaps or subsetOf");
        }

        var elementKind = subject.Kind;
        if (op.Argument is AliasSyntax)
        {
            return MembershipInList(subject, op);
        }

        if (Values(op, elementKind) is not { } values)
        {
            return null;
        }

        if (subject.Kind == ValueKind.Text)
        {
            var set = new HashSet<string>(values.Cast<string>(), op.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            return Expression.Call(Method(nameof(LanguageFunctions.In), typeof(string)), subject.Expression, Expression.Constant(set));
        }

        var numbers = new HashSet<decimal>(values.Cast<decimal>());
        return Expression.Call(Method(nameof(LanguageFunctions.In), typeof(decimal?)), ToDecimal(subject.Expression, nullable: true), Expression.Constant(new HashSet<decimal?>(numbers.Select(n => (decimal?)n))));
    }

    /// <summary><c>"id": { "in": "$e.refersTo" }</c>: membership in another fact's list.</summary>
    private Expression? MembershipInList(BoundValue subject, OperatorSyntax op)
    {
        if (Argument(op, subject.Kind == ValueKind.Text ? ValueKind.TextList : ValueKind.NumberList) is not { } list)
        {
            return null;
        }

        var element = FactCatalog.ElementTypeOf(list.Type)!;
        var value = subject.Expression.Type == element ? subject.Expression : Expression.Convert(subject.Expression, element);
        if (op.IgnoreCase && element == typeof(string))
        {
            return Expression.Call(Method(nameof(LanguageFunctions.ContainsIgnoreCase)), list, value);
        }

        return Expression.Call(Method(nameof(LanguageFunctions.InList), element), value, Expression.Convert(list, SequenceOf(element)));
    }

    /// <summary><c>some</c>, <c>every</c>, <c>none</c>: a condition on the elements of a list of objects, bound as a nested lambda.</summary>
    private Expression? Quantified(BoundValue subject, OperatorSyntax op, string function)
    {
        if (subject.Kind != ValueKind.ObjectList || op.Argument is not ElementConditionSyntax element)
        {
            return Mismatch(op, subject, op.Name, $"'{op.Name}' applies to lists of objects, with a condition on one item such as {{ \"type\": \"nonviolation-bar\" }}");
        }

        var type = subject.ElementType!;
        var item = Expression.Parameter(type, "item");
        var outer = _subject;
        var test = Bind(element.Condition, new BoundValue(item, ValueKind.Object, type, false, subject.Name + "[]"));
        _subject = outer;
        if (test is null)
        {
            return null;
        }

        var lambda = Expression.Lambda(typeof(Func<,>).MakeGenericType(type, typeof(bool)), test, item);
        return Expression.Call(Method(function, type), Expression.Convert(subject.Expression, SequenceOf(type)), lambda);
    }

    /// <summary><c>{ "difference": { "with": list, … } }</c>: the operators test the items not in <c>with</c>.</summary>
    private Expression? Difference(BoundValue subject, OperatorSyntax op)
    {
        if (subject.Kind is not (ValueKind.TextList or ValueKind.NumberList) || op.Argument is not DifferenceSyntax difference)
        {
            return Mismatch(op, subject, op.Name, "'difference' applies to lists of text or numbers");
        }

        if (ListWithList(subject, op with { Argument = difference.With }, nameof(LanguageFunctions.Except), nameof(LanguageFunctions.ExceptList)) is not { } remaining)
        {
            return null;
        }

        var rest = new BoundValue(remaining, subject.Kind, subject.ElementType, false, $"{subject.Name} without {Show(difference.With)}");
        return Combine(difference.Operators.Select(o => BindOperator(rest, o)).ToArray(), Expression.AndAlso, true);
    }

    private Expression? ListWithList(BoundValue subject, OperatorSyntax op, string withSet, string withList)
    {
        if (subject.Kind is not (ValueKind.TextList or ValueKind.NumberList))
        {
            return Mismatch(op, subject, op.Name, $"'{op.Name}' compares two lists");
        }

        var element = subject.ElementType!;
        var elementKind = subject.Kind == ValueKind.TextList ? ValueKind.Text : ValueKind.Number;
        var list = Expression.Convert(subject.Expression, SequenceOf(element));
        if (op.Argument is AliasSyntax)
        {
            if (Argument(op, subject.Kind) is not { } other)
            {
                return null;
            }

            if (other.Type != subject.Expression.Type && FactCatalog.ElementTypeOf(other.Type) != element)
            {
                return Mismatch(op, subject, "a list of another element type", "both lists must hold the same type");
            }

            return Expression.Call(Method(withList, element), list, Expression.Convert(other, SequenceOf(element)));
        }

        if (Values(op, elementKind) is not { } values)
        {
            return null;
        }

        if (op.IgnoreCase && element == typeof(string))
        {
            var caseless = new HashSet<string>(values.Cast<string>(), StringComparer.OrdinalIgnoreCase);
            return Expression.Call(Method(withSet, element), list, Expression.Constant(caseless));
        }

        var items = new List<object>(values.Count);
        foreach (var value in values)
        {
            if (ConvertNumber(value, element) is not { } converted)
            {
                return Mismatch(op, subject, value.ToString() ?? "", $"the list holds {element.Name} values");
            }

            items.Add(converted);
        }

        var set = Instance(SetOfMethod, element).Invoke(null, [items])!;
        return Expression.Call(Method(withSet, element), list, Expression.Constant(set));
    }

    private Expression? Contains(BoundValue subject, OperatorSyntax op)
    {
        switch (subject.Kind)
        {
            case ValueKind.Text:
                if (Literal(op, ValueKind.Text) is not string text)
                {
                    return null;
                }

                NoteEvidence(subject, op, System.Text.RegularExpressions.Regex.Escape(text));
                return Expression.Call(Method(nameof(LanguageFunctions.ContainsText)), subject.Expression, Expression.Constant(text), Expression.Constant(op.IgnoreCase));
            case ValueKind.TextList or ValueKind.NumberList:
            {
                var element = subject.ElementType!;
                var elementKind = subject.Kind == ValueKind.TextList ? ValueKind.Text : ValueKind.Number;
                if (Argument(op, elementKind) is not { } item)
                {
                    return null;
                }

                if (op.IgnoreCase && element == typeof(string))
                {
                    return Expression.Call(Method(nameof(LanguageFunctions.ContainsIgnoreCase)), subject.Expression, item);
                }

                if (item.Type != element)
                {
                    if (item is ConstantExpression { Value: { } constant } && ConvertNumber(constant, element) is { } converted)
                    {
                        item = Expression.Constant(converted, element);
                    }
                    else
                    {
                        return Mismatch(op, subject, item.Type.Name, $"the list holds {element.Name} values");
                    }
                }

                // Enumerable.Contains with a constant is the shape the network dispatches by hash.
                var contains = Expression.Call(
                    Instance(EnumerableContains, element),
                    Expression.Convert(subject.Expression, SequenceOf(element)),
                    item);
                return subject.MayBeNull
                    ? Expression.AndAlso(Expression.NotEqual(subject.Expression, Expression.Constant(null, subject.Expression.Type)), contains)
                    : contains;
            }

            default:
                return Mismatch(op, subject, op.Name, "'contains' applies to text and lists");
        }
    }

    private Expression? Size(BoundValue subject, OperatorSyntax op)
    {
        if (subject.Kind is not (ValueKind.TextList or ValueKind.NumberList or ValueKind.ObjectList) || op.Argument is not NestedSyntax nested)
        {
            return Mismatch(op, subject, op.Name, "'size' applies to lists, with tests such as { \"gt\": 0 }");
        }

        var element = subject.ElementType!;
        var count = Expression.Call(Method(nameof(LanguageFunctions.Count), element), Expression.Convert(subject.Expression, SequenceOf(element)));
        var size = new BoundValue(count, ValueKind.Number, null, false, $"size of {subject.Name}");
        return Combine(nested.Operators.Select(o => BindOperator(size, o)).ToArray(), Expression.AndAlso, true);
    }

    private Expression? TextTest(BoundValue subject, OperatorSyntax op, string function)
    {
        if (subject.Kind != ValueKind.Text)
        {
            return Mismatch(op, subject, op.Name, $"'{op.Name}' applies to text");
        }

        if (Literal(op, ValueKind.Text) is not string text)
        {
            return null;
        }

        NoteEvidence(subject, op, function switch
        {
            nameof(LanguageFunctions.StartsWith) => "^" + System.Text.RegularExpressions.Regex.Escape(text),
            nameof(LanguageFunctions.EndsWith) => System.Text.RegularExpressions.Regex.Escape(text) + "\\z",
            _ => System.Text.RegularExpressions.Regex.Escape(text),
        });
        return Expression.Call(Method(function), subject.Expression, Expression.Constant(text), Expression.Constant(op.IgnoreCase));
    }

    /// <summary>Remembers a text test so that evidence of the field can show the span it matched.</summary>
    private void NoteEvidence(BoundValue subject, OperatorSyntax op, string pattern)
    {
        if (context.Regex(pattern, op.IgnoreCase, op.Argument.Span) is { } regex)
        {
            scope.NoteTextMatch(subject.Name, regex);
        }
    }

    private Expression? Matches(BoundValue subject, OperatorSyntax op)
    {
        if (subject.Kind != ValueKind.Text)
        {
            return Mismatch(op, subject, op.Name, "'matches' applies to text");
        }

        if (Literal(op, ValueKind.Text) is not string pattern || context.Regex(pattern, op.IgnoreCase, op.Argument.Span) is not { } regex)
        {
            return null;
        }

        scope.NoteTextMatch(subject.Name, regex);
        return Expression.Call(Method(nameof(LanguageFunctions.Matches)), subject.Expression, Expression.Constant(regex));
    }

    private static Expression Presence(BoundValue subject, bool expected)
    {
        if (subject.Expression.Type.IsValueType && Nullable.GetUnderlyingType(subject.Expression.Type) is null)
        {
            return Expression.Constant(expected);
        }

        var present = Expression.NotEqual(subject.Expression, Expression.Constant(null, subject.Expression.Type));
        return expected ? present : Expression.Not(present);
    }

    private Expression? Emptiness(BoundValue subject, bool expected, OperatorSyntax op)
    {
        Expression empty;
        switch (subject.Kind)
        {
            case ValueKind.Text:
                empty = Expression.Call(typeof(string).GetMethod(nameof(string.IsNullOrEmpty))!, subject.Expression);
                break;
            case ValueKind.TextList or ValueKind.NumberList or ValueKind.ObjectList:
                var element = subject.ElementType!;
                empty = Expression.Call(Method(nameof(LanguageFunctions.IsEmpty), element), Expression.Convert(subject.Expression, SequenceOf(element)));
                break;
            default:
                return Mismatch(op, subject, op.Name, "'empty' applies to text and lists");
        }

        return expected ? empty : Expression.Not(empty);
    }

    private bool? Flag(BoundValue subject, OperatorSyntax op)
    {
        if (op.Argument is LiteralSyntax { Value.Type: JTokenType.Boolean } literal)
        {
            return (bool)literal.Value.Value!;
        }

        Mismatch(op, subject, Show(op.Argument), $"'{op.Name}' takes true or false");
        return null;
    }

    /// <summary>An argument as an expression: a literal constant or an alias path, of the kind expected.</summary>
    private Expression? Argument(OperatorSyntax op, ValueKind expected)
    {
        switch (op.Argument)
        {
            case AliasSyntax alias:
            {
                if (Self is { } self && self.Alias == alias.Alias)
                {
                    return Path(self.Value, alias.Path, alias.Span) is { } own && own.Kind == expected ? own.Expression : MismatchedAlias(op, alias, expected);
                }

                if (!scope.TryGet(alias.Alias, out var bound))
                {
                    BindingScope.ReportUnbound(Diagnostics, alias.Span, alias.Alias, scope);
                    return null;
                }

                if (Path(bound, alias.Path, alias.Span) is not { } value)
                {
                    return null;
                }

                if (value.Kind != expected)
                {
                    Diagnostics.Error(RuleDiagnosticCodes.TypeMismatch, alias.Span, $"'{op.Name}' needs {BoundValue.Describe(expected)} here, but '{value.Name}' is {BoundValue.Describe(value.Kind)}.");
                    return null;
                }

                return value.Expression;
            }

            case LiteralSyntax:
                return Literal(op, expected) is { } literal
                    ? Expression.Constant(literal)
                    : null;
            default:
                Diagnostics.Error(RuleDiagnosticCodes.TypeMismatch, op.Argument.Span, $"'{op.Name}' needs {BoundValue.Describe(expected)} here, not {Show(op.Argument)}.");
                return null;
        }
    }

    private Expression? MismatchedAlias(OperatorSyntax op, AliasSyntax alias, ValueKind expected)
    {
        Diagnostics.Error(RuleDiagnosticCodes.TypeMismatch, alias.Span, $"'{op.Name}' needs {BoundValue.Describe(expected)} here, but '${alias.Alias}.{alias.Path}' is not.");
        return null;
    }

    /// <summary>A literal argument's value, checked for kind: strings for text, decimals for numbers, booleans.</summary>
    private object? Literal(OperatorSyntax op, ValueKind expected)
    {
        if (op.Argument is not LiteralSyntax { Value: var value })
        {
            Diagnostics.Error(RuleDiagnosticCodes.TypeMismatch, op.Argument.Span, $"'{op.Name}' needs a literal {BoundValue.Describe(expected)} here, not {Show(op.Argument)}.");
            return null;
        }

        object? result = (expected, value.Type) switch
        {
            (ValueKind.Text, JTokenType.String) => (string)value.Value!,
            (ValueKind.Number, JTokenType.Integer or JTokenType.Float) => Convert.ToDecimal(value.Value, System.Globalization.CultureInfo.InvariantCulture),
            (ValueKind.Boolean, JTokenType.Boolean) => (bool)value.Value!,
            _ => null,
        };
        if (result is null)
        {
            var what = _subject is null ? $"'{op.Name}' compares with {BoundValue.Describe(expected)}" : $"'{_subject.Name}' is {BoundValue.Describe(expected)}";
            Diagnostics.Error(RuleDiagnosticCodes.TypeMismatch, op.Argument.Span, $"{what}, but {Show(op.Argument)} is {JsonKind(value.Type)}.");
        }

        return result is string text && !InVocabulary(text, op.Argument.Span, fromSet: false) ? null : result;
    }

    /// <summary>
    /// Whether a text compared with the subject may be a value its member holds. A value the facts'
    /// reader rewrites (an alias, another spelling) is an error: the facts never hold it as written.
    /// A value outside the vocabulary is a warning: the reader keeps such a value, with a warning of
    /// its own, so a rule may mean one that its drafts use. A set's values are not warned of: a set
    /// is a curated list, and may name values drafts hold as written (a schedule's own sector code).
    /// </summary>
    private bool InVocabulary(string value, SourceSpan at, bool fromSet)
    {
        // Prefixes, patterns and substrings are parts of values, not values.
        if (_subject?.Vocabulary is not { } vocabulary || vocabulary.Values.Contains(value)
            || _operator?.Name is "startsWith" or "endsWith" or "matches" || (_operator?.Name == "contains" && _subject.Kind == ValueKind.Text))
        {
            return true;
        }

        var member = _subject.Name[(_subject.Name.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var meant = vocabulary.Values.Where(v => Normalised(v) == Normalised(value)).ToArray() is { Length: > 0 } spelt
            ? spelt
            : vocabulary.Aliases.FirstOrDefault(a => Normalised(a.Key) == Normalised(value)).Value;
        if (meant is not null)
        {
            Diagnostics.Error(RuleDiagnosticCodes.InvalidValue, at, $"The facts never hold '{value}': their reader turns it into {string.Join(", ", meant.Select(v => $"'{v}'"))}, so compare '{member}' with {(meant.Count == 1 ? "that value" : "those values")}.");
            return false;
        }

        if (fromSet)
        {
            return true;
        }

        Diagnostics.Warning(RuleDiagnosticCodes.InvalidValue, at, $"'{value}' is not a value of '{member}': only a draft that holds it as written, with a warning, would match.{Suggestions.DidYouMean(value, vocabulary.Values)} Values: {string.Join(", ", vocabulary.Values.Order(StringComparer.Ordinal))}.");
        return true;
    }

    // As the draft reader compares spellings: case, spaces and underscores aside.
    private static string Normalised(string value) => string.Join('-', value.Trim().ToLowerInvariant().Split([' ', '_', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The values of a list argument or a named set, each of the element kind expected.</summary>
    private List<object>? Values(OperatorSyntax op, ValueKind elementKind)
    {
        IEnumerable<(SourceSpan Span, object? Value, JTokenType Type)> items;
        switch (op.Argument)
        {
            case ListSyntax list:
                if (list.Items.FirstOrDefault(i => i is not LiteralSyntax) is { } notLiteral)
                {
                    Diagnostics.Error(RuleDiagnosticCodes.TypeMismatch, notLiteral.Span, $"A list given to '{op.Name}' holds literal values only.");
                    return null;
                }

                items = list.Items.Cast<LiteralSyntax>().Select(i => (i.Span, i.Value.Value, i.Value.Type));
                break;
            case SetReferenceSyntax set:
                if (!context.Sets.TryGetValue(set.Name, out var values))
                {
                    Diagnostics.Error(RuleDiagnosticCodes.UnknownSet, set.Span, $"No set named '@{set.Name}'.{Suggestions.DidYouMean(set.Name, context.Sets.Keys)}");
                    return null;
                }

                items = values.Select(v => (set.Span, (object?)v, v is string ? JTokenType.String : JTokenType.Float));
                break;
            default:
                Diagnostics.Error(RuleDiagnosticCodes.TypeMismatch, op.Argument.Span, $"'{op.Name}' takes a list such as [\"a\", \"b\"] or a set such as \"@name\", not {Show(op.Argument)}.");
                return null;
        }

        var result = new List<object>();
        foreach (var (span, value, type) in items)
        {
            object? converted = (elementKind, type) switch
            {
                (ValueKind.Text, JTokenType.String) => value,
                (ValueKind.Number, JTokenType.Integer or JTokenType.Float) when value is not string => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            };
            if (converted is null)
            {
                Diagnostics.Error(RuleDiagnosticCodes.TypeMismatch, span, $"'{op.Name}' needs {BoundValue.Describe(elementKind)} values, but the list holds {value ?? "null"}.");
                return null;
            }

            if (converted is string text && !InVocabulary(text, span, fromSet: op.Argument is SetReferenceSyntax))
            {
                return null;
            }

            result.Add(converted);
        }

        return result;
    }

    /// <summary>
    /// Compares two numbers. Same-typed operands compare as they are (so equality with a constant
    /// can be hashed); a decimal literal that fits the member's integral type is converted to it;
    /// anything else compares as decimal.
    /// </summary>
    private static Expression CompareNumbers(Expression left, Expression right, ExpressionType comparison)
    {
        var leftType = Nullable.GetUnderlyingType(left.Type) ?? left.Type;
        if (right is ConstantExpression { Value: decimal literal } && ConvertNumber(literal, leftType) is { } exact)
        {
            right = Expression.Constant(exact, leftType);
        }

        var rightType = Nullable.GetUnderlyingType(right.Type) ?? right.Type;
        if (leftType != rightType)
        {
            var nullable = left.Type != leftType || right.Type != rightType;
            left = ToDecimal(left, nullable);
            right = ToDecimal(right, nullable);
        }
        else if (left.Type != right.Type)
        {
            left = Lift(left, right.Type);
            right = Lift(right, left.Type);
        }

        return Expression.MakeBinary(comparison, left, right);
    }

    private static Expression ToDecimal(Expression value, bool nullable)
    {
        var target = nullable ? typeof(decimal?) : typeof(decimal);
        return value.Type == target ? value : Expression.Convert(value, target);
    }

    /// <summary>Makes a non-nullable value nullable when the other side is.</summary>
    private static Expression Lift(Expression value, Type other) =>
        Nullable.GetUnderlyingType(other) is not null && value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) is null
            ? Expression.Convert(value, other)
            : value;

    private static object? ConvertNumber(object value, Type target)
    {
        if (value is not decimal number)
        {
            return target == value.GetType() ? value : null;
        }

        try
        {
            object converted = Type.GetTypeCode(target) switch
            {
                TypeCode.Int32 => decimal.ToInt32(number),
                TypeCode.Int64 => decimal.ToInt64(number),
                TypeCode.Int16 => decimal.ToInt16(number),
                TypeCode.Byte => decimal.ToByte(number),
                TypeCode.Decimal => number,
                TypeCode.Double => (double)number,
                TypeCode.Single => (float)number,
                _ => throw new OverflowException(),
            };
            return Convert.ToDecimal(converted, System.Globalization.CultureInfo.InvariantCulture) == number ? converted : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private Expression? Mismatch(OperatorSyntax op, BoundValue subject, string given, string why)
    {
        Diagnostics.Error(RuleDiagnosticCodes.TypeMismatch, op.Span, $"'{op.Name}' cannot test '{subject.Name}' ({BoundValue.Describe(subject.Kind)}) with {given}: {why}.");
        return null;
    }

    private static string Show(ValueSyntax value) => value switch
    {
        LiteralSyntax literal => literal.Value.Text is { } text ? $"\"{text}\"" : literal.Value.ToJson(),
        AliasSyntax alias => $"\"${alias.Alias}{(alias.Path.Length > 0 ? "." + alias.Path : "")}\"",
        SetReferenceSyntax set => $"\"@{set.Name}\"",
        ListSyntax => "a list",
        _ => "an object",
    };

    private static string JsonKind(JTokenType type) => type switch
    {
        JTokenType.String => "text",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Null => "null",
        _ => type.ToString().ToLowerInvariant(),
    };

    // Enumerable.Contains(source, value), found once: searching Enumerable's methods anew for each
    // condition that tests a list made an array of all of them each time.
    private static readonly MethodInfo EnumerableContains =
        typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    private static readonly MethodInfo SetOfMethod = typeof(ConditionBinder).GetMethod(nameof(SetOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    // A typed set of the literal values, built by a generic method rather than through reflection
    // on HashSet<T>, whose members a trimmed (NativeAOT) build does not keep.
    private static HashSet<T> SetOf<T>(List<object> items) => new(items.Cast<T>());

    // Reflection is slow where the checker is compiled ahead of time (a native build makes each
    // generic instantiation anew, and the expression factories cache by the method object): every
    // function and instantiation the binder uses is looked up once per process.
    private static readonly ConcurrentDictionary<(MethodInfo Definition, Type First, Type? Second), MethodInfo> Instances = new();
    private static readonly ConcurrentDictionary<string, MethodInfo> Functions = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, Type> Sequences = new();

    private static MethodInfo Method(string name) =>
        Functions.GetOrAdd(name, static n => typeof(LanguageFunctions).GetMethod(n, BindingFlags.Public | BindingFlags.Static)!);

    private static MethodInfo Method(string name, Type first) => Instance(Method(name), first);

    private static MethodInfo Method(string name, Type first, Type second) =>
        Instances.GetOrAdd((Method(name), first, second), static k => k.Definition.MakeGenericMethod(k.First, k.Second!));

    private static MethodInfo Instance(MethodInfo definition, Type first) =>
        Instances.GetOrAdd((definition, first, null), static k => k.Definition.MakeGenericMethod(k.First));

    private static Type SequenceOf(Type element) => Sequences.GetOrAdd(element, static e => typeof(IEnumerable<>).MakeGenericType(e));
}
