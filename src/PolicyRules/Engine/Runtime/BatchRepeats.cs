using System.Numerics;
using System.Runtime.CompilerServices;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// Finds a fact given twice in one batch without a hash table of the whole batch: each fact's
/// identity hash marks a bit in a filter small enough for the processor's cache, and only the facts
/// whose bit was marked twice — the repeats, and a few percent of the others by chance — are compared
/// exactly, once the batch is in. The answer is exact; the filter only decides what to compare.
/// </summary>
internal sealed class BatchRepeats
{
    private const int MinBits = 1 << 12;
    private const int MaxBits = 1 << 24;

    private int[] _hashes = [];
    private ulong[] _seen = [];
    private ulong[] _twice = [];
    private readonly HashSet<Candidate> _candidates = [];
    private int _count;
    private int _shift;
    private bool _anyTwice;

    /// <summary>Starts a batch of about <paramref name="capacity"/> facts.</summary>
    public void Start(int capacity)
    {
        var bits = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(capacity * 16L, MinBits, MaxBits));
        var words = bits / 64;
        if (_seen.Length < words)
        {
            _seen = new ulong[words];
            _twice = new ulong[words];
        }
        else
        {
            Array.Clear(_seen, 0, words);
            Array.Clear(_twice, 0, words);
        }

        if (_hashes.Length < capacity)
        {
            _hashes = new int[capacity];
        }

        _shift = 32 - BitOperations.Log2((uint)bits);
        _count = 0;
        _anyTwice = false;
    }

    /// <summary>Notes the batch's next fact.</summary>
    public void Add(object fact)
    {
        var hash = RuntimeHelpers.GetHashCode(fact);
        if (_count == _hashes.Length)
        {
            Array.Resize(ref _hashes, Math.Max(16, _count * 2)); // a batch larger than it said
        }

        _hashes[_count++] = hash;
        var bit = Bit(hash);
        ref var seen = ref _seen[bit >> 6];
        var mask = 1UL << bit;
        if ((seen & mask) == 0)
        {
            seen |= mask;
        }
        else
        {
            _twice[bit >> 6] |= mask;
            _anyTwice = true;
        }
    }

    /// <summary>
    /// The place in the batch of the first fact that repeats an earlier one, or -1.
    /// <paramref name="rows"/> are the batch's rows, in the order their facts were added.
    /// </summary>
    public int FirstRepeat(List<int> rows, FactHandleTable handles)
    {
        if (!_anyTwice)
        {
            return -1;
        }

        try
        {
            for (var i = 0; i < _count; i++)
            {
                var hash = _hashes[i];
                var bit = Bit(hash);
                if ((_twice[bit >> 6] & (1UL << bit)) != 0 && !_candidates.Add(new Candidate(handles[rows[i]].Fact, hash)))
                {
                    return i;
                }
            }

            return -1;
        }
        finally
        {
            _candidates.Clear(); // holds the user's facts
        }
    }

    // Fibonacci hashing: the identity hash's high bits are spread over the filter.
    private int Bit(int hash) => (int)(((uint)hash * 2654435769u) >> _shift);

    /// <summary>A fact compared by identity, hashed as <see cref="RuntimeHelpers.GetHashCode(object)"/> gave it, without reading the fact again.</summary>
    private readonly struct Candidate(object fact, int hash) : IEquatable<Candidate>
    {
        private readonly object _fact = fact;
        private readonly int _hash = hash;

        public bool Equals(Candidate other) => ReferenceEquals(_fact, other._fact);

        public override bool Equals(object? obj) => obj is Candidate other && Equals(other);

        public override int GetHashCode() => _hash;
    }
}
