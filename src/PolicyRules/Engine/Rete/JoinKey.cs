namespace PolicyRules.Engine.Rete;

/// <summary>Turns the values of equality tests into dictionary keys: null becomes a sentinel, several values a composite.</summary>
internal static class JoinKey
{
    /// <summary>The key of nodes that have no equality test: everything shares it.</summary>
    public static readonly object None = new Sentinel("none");

    /// <summary>Stands for a null value, which a dictionary cannot hold as a key.</summary>
    public static readonly object Null = new Sentinel("null");

    public static object Of(object? value) => value ?? Null;

    public static object Of(object?[] values) => new Composite(values);

    /// <summary>The key of two values: the commonest composite, without an array.</summary>
    public static object Of(object? first, object? second) => new Pair(first, second);

    /// <summary>A key that equals only the very same object, whatever its type's Equals says.</summary>
    public static object? OfIdentity(object? value) => value is null ? null : new Identity(value);

    private sealed class Sentinel(string name)
    {
        public override string ToString() => name;
    }

    private sealed class Identity(object value) : IEquatable<Identity>
    {
        private readonly object _value = value;

        public bool Equals(Identity? other) => other is not null && ReferenceEquals(_value, other._value);

        public override bool Equals(object? obj) => Equals(obj as Identity);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_value);
    }

    private sealed class Pair(object? first, object? second) : IEquatable<Pair>
    {
        private readonly object? _first = first;
        private readonly object? _second = second;
        private readonly int _hash = HashCode.Combine(first, second);

        public bool Equals(Pair? other) =>
            other is not null && other._hash == _hash && Equals(_first, other._first) && Equals(_second, other._second);

        public override bool Equals(object? obj) => Equals(obj as Pair);

        public override int GetHashCode() => _hash;
    }

    private sealed class Composite(object?[] values) : IEquatable<Composite>
    {
        private readonly object?[] _values = values;
        private readonly int _hash = Hash(values);

        public bool Equals(Composite? other)
        {
            if (other is null || other._hash != _hash || other._values.Length != _values.Length)
            {
                return false;
            }

            for (var i = 0; i < _values.Length; i++)
            {
                if (!Equals(_values[i], other._values[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as Composite);

        public override int GetHashCode() => _hash;

        private static int Hash(object?[] values)
        {
            var hash = new HashCode();
            foreach (var value in values)
            {
                hash.Add(value);
            }

            return hash.ToHashCode();
        }
    }
}
