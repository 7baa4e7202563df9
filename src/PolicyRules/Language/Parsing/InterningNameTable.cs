using Newtonsoft.Json;

namespace PolicyRules.Language.Parsing;

/// <summary>
/// Property names as the reader meets them, each made once: a rule file repeats a few dozen keys
/// (<c>match</c>, <c>where</c>, <c>as</c>, member paths) thousands of times, and every string the
/// checker's start-up does not make is memory it does not have to find (docs/PERFORMANCE.md).
/// </summary>
internal sealed class InterningNameTable : JsonNameTable
{
    private readonly DefaultJsonNameTable _names = new();

    public override string? Get(char[] key, int start, int length) =>
        _names.Get(key, start, length) ?? _names.Add(new string(key, start, length));
}
