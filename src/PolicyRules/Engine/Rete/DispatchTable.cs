using System.Collections.Frozen;
using System.Runtime.InteropServices;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Rete;

/// <summary>
/// The branches of a dispatch node by constant value. Strings, the usual case (kinds, sectors,
/// chapters), sit in a table of their own: a string-keyed dictionary hashes with the runtime's fast
/// ordinal hash (and moves to the randomised one by itself if keys collide), where an object-keyed
/// one always pays for the randomised hash through a virtual call. Equality is the same either way.
/// </summary>
/// <remarks>
/// Once the network is built (<see cref="Seal"/>), each value also holds its branch's only child,
/// the usual case: a fact that finds its value goes straight on to that node, without reaching the
/// branch object, which sits elsewhere in memory. A table of several strings is then frozen: a
/// <see cref="FrozenDictionary{TKey, TValue}"/> picks a hash for the very keys it holds (a few
/// characters that tell them apart, say), cheaper per look-up than hashing the whole string.
/// </remarks>
internal sealed class DispatchTable
{
    // Most tables of the Convention rulebook hold one value; freezing those would only add to start-up.
    private const int FrozenFrom = 4;

    private readonly Dictionary<string, Target> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<object, Target> _others = [];
    private FrozenDictionary<string, Target>? _frozenStrings;
    private bool _sealed;

    public int Count => _strings.Count + _others.Count;

    public IEnumerable<DispatchBranch> Values => _strings.Values.Concat(_others.Values).Select(t => t.Branch);

    public bool TryGetValue(object key, out DispatchBranch branch)
    {
        var found = TryGetTarget(key, out var target);
        branch = target.Branch;
        return found;
    }

    /// <summary>Where a fact with the value <paramref name="key"/> goes.</summary>
    public bool TryGetTarget(object key, out Target target) =>
        key is string text
            ? (_frozenStrings is { } frozen ? frozen.TryGetValue(text, out target) : _strings.TryGetValue(text, out target))
            : _others.TryGetValue(key, out target);

    public void Add(object key, DispatchBranch branch)
    {
        if (_sealed)
        {
            throw new InvalidOperationException("A sealed dispatch table takes no more values.");
        }

        if (key is string text)
        {
            _strings.Add(text, new Target(branch, null));
        }
        else
        {
            _others.Add(key, new Target(branch, null));
        }
    }

    /// <summary>
    /// Records each branch's only child beside it, and freezes a table of several strings, once the
    /// network is built: no branch or value is added after.
    /// </summary>
    public void Seal()
    {
        _sealed = true;
        Seal(_strings);
        Seal(_others);
        if (_strings.Count >= FrozenFrom)
        {
            _frozenStrings = _strings.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    private static void Seal<TKey>(Dictionary<TKey, Target> targets)
        where TKey : notnull
    {
        foreach (var key in targets.Keys.ToArray())
        {
            ref var target = ref CollectionsMarshal.GetValueRefOrNullRef(targets, key);
            target = new Target(target.Branch, target.Branch.OnlyChild);
        }
    }

    /// <summary>A branch, and its only child when it has exactly one (after <see cref="Seal"/>).</summary>
    public readonly record struct Target(DispatchBranch Branch, AlphaNode? Only)
    {
        /// <summary>Passes the fact on: to the only child directly, else through the branch.</summary>
        public void Activate(RuleSession session, ref FactHandle handle)
        {
            if (Only is { } only)
            {
                only.Activate(session, ref handle);
            }
            else
            {
                Branch.Activate(session, ref handle);
            }
        }
    }
}
