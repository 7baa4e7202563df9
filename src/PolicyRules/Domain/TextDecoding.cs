using System.Text;

namespace PolicyRules.Domain;

/// <summary>
/// The text of a file as its author saved it: UTF-8 (with or without a byte order mark), or UTF-16
/// or UTF-32 with one. Bytes that are not UTF-8 are read as Windows-1252 (Latin-1 with typographic
/// quotes), the encoding older Spanish and French files were saved in, rather than turned into
/// replacement characters ("Espa�a"); the caller is told, so it can say so.
/// </summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of <paramref name="bytes"/>; <paramref name="legacy"/> is true when they were not UTF-8.</summary>
    public static string Decode(byte[] bytes, out bool legacy)
    {
        legacy = false;
        try
        {
            using var reader = new StreamReader(new MemoryStream(bytes, writable: false), StrictUtf8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            legacy = true;
            return Legacy.GetString(bytes);
        }
    }

    /// <summary>What a warning says of a file that was not UTF-8.</summary>
    public const string LegacyMessage = "The file is not UTF-8: it was read as Windows-1252 (Latin-1). Save it as UTF-8 so that accented letters are read as written.";

    // The code-page provider is asked directly: registering it would change the whole process's encodings.
    private static Encoding Legacy => CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
}
