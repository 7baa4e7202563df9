namespace PolicyRules.Engine.Rete;

/// <summary>
/// The branches of a dispatch node by constant value. Strings, the usual case (kinds, sectors,
/// chapters), sit in a table of their own: a string-keyed dictionary hashes with the runtime's fast
/// ordinal hash (and moves to the randomised one by itself if keys collide), where an object-keyed
/// one always pays for the randomised hash through a virtual call. Equality is the same either way.
/// </summary>
internal sealed class DispatchTable
{
    private readonly Dictionary<string, DispatchBranch> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<object, DispatchBranch> _others = [];

    public int Count => _strings.Count + _others.Count;

    public IEnumerable<DispatchBranch> Values => _strings.Values.Concat(_others.Values);

    public bool TryGetValue(object key, out DispatchBranch branch) =>
        key is string text ? _strings.TryGetValue(text, out branch!) : _others.TryGetValue(key, out branch!);

    public void Add(object key, DispatchBranch branch)
    {
        if (key is string text)
        {
            _strings.Add(text, branch);
        }
        else
        {
            _others.Add(key, branch);
        }
    }
}
