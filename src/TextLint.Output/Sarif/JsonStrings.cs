using System.Buffers;
using System.Text.Json;

namespace TextLint.Output.Sarif;

/// <summary>
/// Writes a long string property — a result's context snippet, a line or a paragraph of the article — with
/// the bytes <see cref="Utf8JsonWriter.WriteString(JsonEncodedText, ReadOnlySpan{char})"/> writes under
/// <see cref="SarifWriter.Options"/>, in one pass over the text.
/// <para>
/// Why: the writer asks its encoder where the first character to escape is, and from there escapes through
/// the encoder a character at a time. Prose holds a quotation mark or a line break in most paragraphs, so
/// most snippets took the slow path: it was a third of formatting a result. Here each character is looked
/// up in a table of what the encoder passes through unchanged, built from the encoder itself
/// (<see cref="System.Text.Encodings.Web.TextEncoder.WillEncode"/>); the five escapes prose needs (<c>\"</c>,
/// <c>\\</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>) are written as the writer writes them. Any other character
/// that needs escaping, and any surrogate, hands the whole string to the writer, so the log is the same
/// byte for byte (a test checks every UTF-16 code unit).
/// </para>
/// </summary>
internal static class JsonStrings
{
    /// <summary>Shorter strings go to the writer: the fast path's set-up is not worth it.</summary>
    internal const int MinLength = 32;

    // Bit c: the encoder writes the character c (not a surrogate) as itself.
    private static readonly ulong[] s_plain = BuildPlain();

    public static void WriteString(Utf8JsonWriter w, JsonEncodedText name, ReadOnlySpan<char> value)
    {
        if (value.Length < MinLength)
        {
            w.WriteString(name, value);
            return;
        }
        // At most 3 UTF-8 bytes a character (surrogates are not taken), 2 for an escape, and the quotes.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(value.Length * 3 + 2);
        try
        {
            if (TryEncode(value, buffer, out int length))
            {
                w.WritePropertyName(name);
                w.WriteRawValue(buffer.AsSpan(0, length), skipInputValidation: true);
            }
            else w.WriteString(name, value);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The quoted, escaped UTF-8 of <paramref name="value"/>, unless it holds a character the fast path leaves to the writer.</summary>
    internal static bool TryEncode(ReadOnlySpan<char> value, Span<byte> buffer, out int length)
    {
        var plain = s_plain;
        int n = 0;
        buffer[n++] = (byte)'"';
        foreach (char c in value)
        {
            if ((plain[c >> 6] & (1UL << c)) != 0)
            {
                if (c < 0x80) buffer[n++] = (byte)c;
                else if (c < 0x800)
                {
                    buffer[n++] = (byte)(0xC0 | (c >> 6));
                    buffer[n++] = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    buffer[n++] = (byte)(0xE0 | (c >> 12));
                    buffer[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    buffer[n++] = (byte)(0x80 | (c & 0x3F));
                }
                continue;
            }
            byte escape = c switch
            {
                '"' => (byte)'"',
                '\\' => (byte)'\\',
                '\n' => (byte)'n',
                '\r' => (byte)'r',
                '\t' => (byte)'t',
                _ => 0,
            };
            if (escape == 0)
            {
                length = 0;
                return false;
            }
            buffer[n++] = (byte)'\\';
            buffer[n++] = escape;
        }
        buffer[n++] = (byte)'"';
        length = n;
        return true;
    }

    private static ulong[] BuildPlain()
    {
        var encoder = SarifWriter.Options.Encoder!;
        var plain = new ulong[(char.MaxValue + 1) / 64];
        for (int c = 0; c <= char.MaxValue; c++)
            if (!char.IsSurrogate((char)c) && !encoder.WillEncode(c))
                plain[c >> 6] |= 1UL << c;
        return plain;
    }
}
