using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;

namespace PolicyRules.Engine.Compilation;

/// <summary>
/// A canonical text for an expression: two conditions share a node exactly when their keys are
/// equal. Parameters are named by position, constants by type and value (objects without a value
/// form by identity), members by declaring type, so structurally equal conditions written in
/// different rules, with different parameter names, get the same key. Types and members are written
/// as numbers this instance gives them (a key is compared only with keys of the same instance):
/// assembly-qualified names made most of a rulebook's load-time allocations.
/// </summary>
internal sealed class ExpressionKey
{
    private readonly Dictionary<object, int> _identities = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Type, string> _types = [];
    private readonly Dictionary<string, string> _members = new(StringComparer.Ordinal);

    // One buffer for every key this instance writes (a builder's keys are written one at a time):
    // a builder of its own per key, grown chunk by chunk, was a tenth of what building a network allocated.
    private readonly StringBuilder _buffer = new(1024);

    /// <summary>The key of <paramref name="expression"/>, naming <paramref name="parameters"/> by their position.</summary>
    public string Of(Expression expression, IReadOnlyList<ParameterExpression> parameters)
    {
        _buffer.Clear();
        new Writer(this, _buffer, parameters).Visit(expression);
        return _buffer.ToString();
    }

    /// <summary>Writes the key of <paramref name="expression"/> at the end of <paramref name="text"/>, as <see cref="Of"/> returns it, without a string of its own.</summary>
    public StringBuilder AppendTo(StringBuilder text, Expression expression, IReadOnlyList<ParameterExpression> parameters)
    {
        new Writer(this, text, parameters).Visit(expression);
        return text;
    }

    /// <summary>A short name of <paramref name="type"/>, the same for the same type within this instance.</summary>
    public string TypeId(Type type)
    {
        if (!_types.TryGetValue(type, out var id))
        {
            id = "T" + _types.Count.ToString(CultureInfo.InvariantCulture);
            _types.Add(type, id);
        }

        return id;
    }

    // Members are told apart by their canonical name (declaring type, name, signature), not by the
    // MemberInfo object: reflection can hand out two objects for one member (another ReflectedType).
    private string MemberId(string canonicalName)
    {
        if (!_members.TryGetValue(canonicalName, out var id))
        {
            id = "M" + _members.Count.ToString(CultureInfo.InvariantCulture) + " ";
            _members.Add(canonicalName, id);
        }

        return id;
    }

    private int IdentityOf(object value)
    {
        if (!_identities.TryGetValue(value, out var id))
        {
            id = _identities.Count;
            _identities.Add(value, id);
        }

        return id;
    }

    private sealed class Writer(ExpressionKey owner, StringBuilder text, IReadOnlyList<ParameterExpression> parameters) : ExpressionVisitor
    {
        private static readonly ConcurrentDictionary<Type, string> TypeNames = new();
        private static readonly ConcurrentDictionary<MemberInfo, string> MemberNames = new();

        private readonly StringBuilder _text = text;
        private readonly List<ParameterExpression> _scoped = [.. parameters];

        public override Expression? Visit(Expression? node)
        {
            if (node is null)
            {
                _text.Append("~");
                return node;
            }

            _text.Append('(').Append((int)node.NodeType).Append(':').Append(TypeId(node.Type)).Append(' ');
            var result = base.Visit(node);
            _text.Append(')');
            return result;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            var index = _scoped.IndexOf(node);
            _text.Append('$').Append(index >= 0 ? index.ToString(CultureInfo.InvariantCulture) : "?" + node.Name);
            return node;
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            WriteValue(node.Value);
            return node;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            WriteMember(node.Member);
            Visit(node.Expression);
            return node;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            WriteMember(node.Method);
            Visit(node.Object);
            foreach (var argument in node.Arguments)
            {
                Visit(argument);
            }

            return node;
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.Method is not null)
            {
                WriteMember(node.Method);
            }

            if (node.IsLiftedToNull)
            {
                _text.Append("lifted ");
            }

            Visit(node.Left);
            Visit(node.Right);
            if (node.Conversion is not null)
            {
                Visit(node.Conversion);
            }

            return node;
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            if (node.Method is not null)
            {
                WriteMember(node.Method);
            }

            Visit(node.Operand);
            return node;
        }

        protected override Expression VisitNew(NewExpression node)
        {
            if (node.Constructor is not null)
            {
                WriteMember(node.Constructor);
            }

            foreach (var argument in node.Arguments)
            {
                Visit(argument);
            }

            return node;
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _text.Append("params[");
            foreach (var parameter in node.Parameters)
            {
                _scoped.Add(parameter);
                _text.Append(TypeId(parameter.Type)).Append(';');
            }

            _text.Append(']');
            Visit(node.Body);
            return node;
        }

        protected override Expression VisitTypeBinary(TypeBinaryExpression node)
        {
            _text.Append(TypeId(node.TypeOperand)).Append(' ');
            Visit(node.Expression);
            return node;
        }

        protected override Expression VisitExtension(Expression node)
        {
            WriteValue(node);
            return node;
        }

        protected override Expression VisitBlock(BlockExpression node)
        {
            foreach (var variable in node.Variables)
            {
                _scoped.Add(variable);
            }

            return base.VisitBlock(node);
        }

        protected override MemberBinding VisitMemberBinding(MemberBinding node)
        {
            WriteMember(node.Member);
            return base.VisitMemberBinding(node);
        }

        protected override ElementInit VisitElementInit(ElementInit node)
        {
            WriteMember(node.AddMethod);
            return base.VisitElementInit(node);
        }

        private void WriteMember(MemberInfo member) => _text.Append(owner.MemberId(MemberNames.GetOrAdd(member, NameOfMember)));

        private static string NameOfMember(MemberInfo member)
        {
            var text = new StringBuilder();
            text.Append(TypeName(member.DeclaringType)).Append("::").Append(member.Name);
            if (member is MethodBase method)
            {
                text.Append('<');
                if (method.IsGenericMethod)
                {
                    foreach (var argument in method.GetGenericArguments())
                    {
                        text.Append(TypeName(argument)).Append(';');
                    }
                }

                text.Append('|');
                foreach (var parameter in method.GetParameters())
                {
                    text.Append(TypeName(parameter.ParameterType)).Append(';');
                }

                text.Append('>');
            }

            return text.Append(' ').ToString();
        }

        private void WriteValue(object? value)
        {
            switch (value)
            {
                case null:
                    _text.Append("null");
                    break;
                case string s:
                    _text.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                    break;
                case Type type:
                    _text.Append("typeof ").Append(TypeId(type));
                    break;
                case Enum e:
                    _text.Append(TypeId(e.GetType())).Append('.').Append(e.ToString("D"));
                    break;
                case double d:
                    _text.Append(d.ToString("R", CultureInfo.InvariantCulture)).Append('d');
                    break;
                case float f:
                    _text.Append(f.ToString("R", CultureInfo.InvariantCulture)).Append('f');
                    break;
                case DateTime or DateTimeOffset or DateOnly or TimeOnly:
                    // Round-trip format: every tick and the kind or offset count.
                    _text.Append(TypeId(value.GetType())).Append(' ').Append(((IFormattable)value).ToString("O", CultureInfo.InvariantCulture));
                    if (value is DateTime dateTime)
                    {
                        _text.Append(' ').Append(dateTime.Kind);
                    }

                    break;
                case TimeSpan span:
                    _text.Append("TimeSpan ").Append(span.Ticks);
                    break;
                case Guid guid:
                    _text.Append("Guid ").Append(guid.ToString("N"));
                    break;
                case IConvertible c when value.GetType().IsPrimitive || value is decimal:
                    _text.Append(TypeId(value.GetType())).Append(' ').Append(c.ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    _text.Append("#object").Append(owner.IdentityOf(value));
                    break;
            }
        }

        // Reflection builds these names anew on every call; a rulebook asks for the same few thousands of times.
        private static string TypeName(Type? type) => type is null ? "?" : TypeNames.GetOrAdd(type, t => t.AssemblyQualifiedName ?? t.FullName ?? t.Name);

        private string TypeId(Type type) => owner.TypeId(type);
    }
}
