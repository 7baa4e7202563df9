using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace PolicyRules.Diagnostics;

/// <summary>
/// SHA-256 (FIPS 180-4) in managed code, for the identities reports carry: a rulebook's hash and a
/// conflict's fingerprint. The platform's implementation loads and initialises OpenSSL on Linux,
/// which was about 8 ms of a first check of one draft (docs/PERFORMANCE.md, issue 12), more than
/// hashing the whole rulebook here costs. These hashes identify content and protect nothing; tests
/// hold this implementation to the platform's on every length around a block and on random data.
/// </summary>
internal sealed class Sha256
{
    /// <summary>The length of a hash in bytes.</summary>
    public const int HashSize = 32;

    private const int BlockSize = 64;

    private static ReadOnlySpan<uint> RoundConstants =>
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private readonly uint[] _state = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    private readonly byte[] _pending = new byte[BlockSize];
    private int _pendingCount;
    private long _length;
    private bool _finished;

    /// <summary>The hash of <paramref name="text"/>'s UTF-8 bytes, in lower-case hex.</summary>
    public static string HexOfUtf8(ReadOnlySpan<char> text)
    {
        var hash = new Sha256();
        var encoder = Encoding.UTF8.GetEncoder();
        // A chunk at a time: a whole rule file's bytes at once would be a large object on every load.
        Span<byte> bytes = stackalloc byte[4096];
        do
        {
            // 1,024 characters are at most 3,072 bytes, however they are encoded.
            var take = Math.Min(text.Length, 1024);
            encoder.Convert(text[..take], bytes, flush: take == text.Length, out var used, out var written, out _);
            hash.Append(bytes[..written]);
            text = text[used..];
        }
        while (!text.IsEmpty);

        Span<byte> result = stackalloc byte[HashSize];
        hash.Finish(result);
        return Convert.ToHexStringLower(result);
    }

    /// <summary>Adds bytes to the message.</summary>
    /// <exception cref="InvalidOperationException">The hash was already finished.</exception>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (_finished)
        {
            throw new InvalidOperationException("The hash is finished; start a new one.");
        }

        _length += data.Length;
        if (_pendingCount > 0)
        {
            var take = Math.Min(BlockSize - _pendingCount, data.Length);
            data[..take].CopyTo(_pending.AsSpan(_pendingCount));
            _pendingCount += take;
            data = data[take..];
            if (_pendingCount < BlockSize)
            {
                return;
            }

            Compress(_state, _pending);
            _pendingCount = 0;
        }

        while (data.Length >= BlockSize)
        {
            Compress(_state, data[..BlockSize]);
            data = data[BlockSize..];
        }

        data.CopyTo(_pending);
        _pendingCount = data.Length;
    }

    /// <summary>Pads the message, writes its hash to <paramref name="destination"/> and ends this hash.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="HashSize"/>.</exception>
    /// <exception cref="InvalidOperationException">The hash was already finished.</exception>
    public void Finish(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, HashSize, nameof(destination));
        var bits = (ulong)_length * 8;
        // A one bit, zeros up to 8 bytes short of a block's end, and the message's length in bits.
        Span<byte> padding = stackalloc byte[BlockSize * 2];
        padding.Clear();
        padding[0] = 0x80;
        var padded = (_pendingCount < BlockSize - 8 ? BlockSize : BlockSize * 2) - _pendingCount;
        BinaryPrimitives.WriteUInt64BigEndian(padding[(padded - 8)..], bits);
        Append(padding[..padded]);
        _finished = true;
        for (var i = 0; i < _state.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(i * 4)..], _state[i]);
        }
    }

    private static void Compress(uint[] state, ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[64];
        for (var i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(i * 4)..]);
        }

        for (var i = 16; i < 64; i++)
        {
            var s0 = BitOperations.RotateRight(w[i - 15], 7) ^ BitOperations.RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[i - 2], 17) ^ BitOperations.RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        var k = RoundConstants;
        for (var i = 0; i < 64; i++)
        {
            var s1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            var choice = (e & f) ^ (~e & g);
            var t1 = h + s1 + choice + k[i] + w[i];
            var s0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            var majority = (a & b) ^ (a & c) ^ (b & c);
            var t2 = s0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}
