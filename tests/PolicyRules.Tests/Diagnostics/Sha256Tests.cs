using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PolicyRules.Checking;
using PolicyRules.Language;
using Sha256 = PolicyRules.Diagnostics.Sha256;

namespace PolicyRules.Tests.Diagnostics;

/// <summary>The managed SHA-256 against FIPS 180-4's examples and, differentially, the platform's implementation.</summary>
public class Sha256Tests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void The_standard_examples_hash_as_published(string message, string expected) =>
        Sha256.HexOfUtf8(message).Should().Be(expected);

    [Fact]
    public void A_million_a_hashes_as_published() =>
        Sha256.HexOfUtf8(new string('a', 1_000_000)).Should().Be("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");

    [Fact]
    public void Every_length_around_one_and_two_blocks_hashes_as_the_platform_does()
    {
        var random = new Random(2005);
        for (var length = 0; length <= 200; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Hash(data).Should().Equal(System.Security.Cryptography.SHA256.HashData(data), $"a message of {length} bytes");
        }
    }

    [Fact]
    public void Data_appended_in_any_pieces_hashes_as_the_platform_does_in_one()
    {
        var pieces = Gen.Choose(0, 150).ArrayOf().Select(lengths => lengths.Select(n => Enumerable.Range(0, n).Select(i => (byte)(n * 31 + i)).ToArray()).ToArray());
        Prop.ForAll(pieces.ToArbitrary(), parts =>
        {
            var hash = new Sha256();
            foreach (var part in parts)
            {
                hash.Append(part);
            }

            var result = new byte[Sha256.HashSize];
            hash.Finish(result);
            return result.SequenceEqual(System.Security.Cryptography.SHA256.HashData(parts.SelectMany(p => p).ToArray()));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Text_is_hashed_as_its_utf8_bytes_even_where_a_character_straddles_two_chunks()
    {
        // Encoded 1,024 characters at a time: a surrogate pair or accented letters across a chunk's edge.
        foreach (var text in new[] { new string('x', 1023) + "😀" + "é", string.Concat(Enumerable.Repeat("été, año 😀 ", 400)), "\u00e9\u4e2d\u6587" })
        {
            Sha256.HexOfUtf8(text).Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        }
    }

    [Fact]
    public void A_finished_hash_takes_no_more_data()
    {
        var hash = new Sha256();
        hash.Finish(new byte[Sha256.HashSize]);
        var more = () => hash.Append([1]);
        more.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_rulebook_reports_the_platform_hash_of_its_file()
    {
        var text = EmbeddedRulebook.Sources()[0].Read();
        var set = new RulebookLoader(ConventionCatalog.Create()).Load(text);
        set.Rulebooks[0].Sha256.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void A_conflict_fingerprint_is_the_start_of_the_platform_hash_of_its_identity()
    {
        // Baselines written before the managed hash must still recognise their conflicts.
        var document = new PolicyRules.Checking.Report.DocumentReport { Path = "drafts/a.json", Agreement = null, Perspective = null, Verdict = "conflict", Findings = [], Clauses = [], Diagnostics = [] };
        var identity = string.Join('\u001f', "drafts/a.json", "Art. 8.3 é", "LIB-001", "no-liberalisation");
        PolicyRules.Checking.Report.ConflictFingerprint.Of(document, "Art. 8.3 é", "LIB-001", "no-liberalisation")
            .Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32]);
    }

    private static byte[] Hash(byte[] data)
    {
        var hash = new Sha256();
        hash.Append(data);
        var result = new byte[Sha256.HashSize];
        hash.Finish(result);
        return result;
    }
}
