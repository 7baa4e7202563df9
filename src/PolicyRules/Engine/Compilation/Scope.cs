using System.Linq.Expressions;

namespace PolicyRules.Engine.Compilation;

/// <summary>The aliases bound so far in a rule's left-hand side, each with its type and token slot.</summary>
internal sealed class Scope(string ruleId)
{
    private readonly Dictionary<string, Binding> _bindings = new(StringComparer.Ordinal);

    public sealed record Binding(string Alias, Type Type, int Slot, bool IsAggregate, ParameterExpression Parameter);

    public IEnumerable<Binding> Bindings => _bindings.Values.OrderBy(b => b.Slot);

    public int Count => _bindings.Count;

    public Binding Add(string alias, Type type, bool isAggregate)
    {
        if (_bindings.ContainsKey(alias))
        {
            throw Errors.Definition(ruleId, $"alias '{alias}' is declared twice.");
        }

        var binding = new Binding(alias, type, _bindings.Count, isAggregate, Expression.Parameter(type, alias));
        _bindings.Add(alias, binding);
        return binding;
    }

    /// <summary>The binding a lambda parameter names, checked for type.</summary>
    public Binding Resolve(ParameterExpression parameter, Func<string> where)
    {
        if (parameter.Name is null || !_bindings.TryGetValue(parameter.Name, out var binding))
        {
            var known = _bindings.Count == 0 ? "none" : string.Join(", ", _bindings.Keys.Order(StringComparer.Ordinal));
            throw Errors.Definition(ruleId, $"{where()} refers to '{parameter.Name}', which is not an alias bound earlier (bound: {known}).");
        }

        if (!parameter.Type.IsAssignableFrom(binding.Type))
        {
            throw Errors.Definition(ruleId, $"{where()} takes '{parameter.Name}' as {parameter.Type.Name}, but it is bound to {binding.Type.Name}.");
        }

        return binding;
    }
}
