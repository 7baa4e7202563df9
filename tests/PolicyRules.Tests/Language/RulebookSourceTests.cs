using System.Text;
using PolicyRules.Language;

namespace PolicyRules.Tests.Language;

/// <summary>A rule file given as a stream or a file reads as a <see cref="StreamReader"/> would read it, however it is encoded.</summary>
public class RulebookSourceTests
{
    private const string Text = """{ "rulebook": "exceção culturelle", "note": "año 😀" }""";

    public static TheoryData<string, byte[]> Encodings() => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes(Text) },
        { "UTF-8 with a byte order mark", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Text)] },
        { "UTF-16 little-endian with a byte order mark", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(Text)] },
        { "UTF-16 big-endian with a byte order mark", [.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(Text)] },
        { "UTF-32 with a byte order mark", [.. Encoding.UTF32.Preamble, .. Encoding.UTF32.GetBytes(Text)] },
        { "UTF-32 big-endian with a byte order mark", [.. new UTF32Encoding(bigEndian: true, byteOrderMark: true).Preamble, .. new UTF32Encoding(bigEndian: true, byteOrderMark: true).GetBytes(Text)] },
        { "invalid UTF-8", [.. Encoding.UTF8.GetBytes("{ \"a\": \""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\" }")] },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_seekable_stream_reads_as_a_stream_reader_reads_it(string encoding, byte[] bytes)
    {
        var expected = new StreamReader(new MemoryStream(bytes)).ReadToEnd();

        RulebookSource.FromStream(new MemoryStream(bytes), "rules.json").Read().Should().Be(expected, encoding);
        RulebookSource.FromStream(new Unseekable(bytes), "rules.json").Read().Should().Be(expected, encoding + ", unseekable");
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_file_reads_as_a_stream_reader_reads_it(string encoding, byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"policyrules-source-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, bytes);
        try
        {
            RulebookSource.FromFile(path).Read().Should().Be(new StreamReader(new MemoryStream(bytes)).ReadToEnd(), encoding);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_stream_is_read_from_where_it_stands_and_closed()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("ignored" + Text));
        stream.Position = "ignored".Length;

        RulebookSource.FromStream(stream, "rules.json").Read().Should().Be(Text);
        stream.CanRead.Should().BeFalse("the source owns the stream it was given, as a reader over it would");
    }

    private sealed class Unseekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
