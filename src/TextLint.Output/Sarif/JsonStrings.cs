using System.Buffers;
using System.Text.Json;

namespace TextLint.Output.Sarif;

/// <summary>
/// Writes a long string property — a result's context snippet, a line or a paragraph of the article — with
/// the bytes <see cref="Utf8JsonWriter.WriteString(JsonEncodedText, ReadOnlySpan{char})"/> writes, faster.
/// <para>
/// Why: the writer finds the first character to escape with a vectorized search, then escapes everything
/// from there through its encoder a character at a time. Prose holds a quotation mark or a line break in
/// most paragraphs, so most snippets went the slow way from their first quotation mark on. Here the value
/// is written in segments (<see cref="Utf8JsonWriter.WriteStringValueSegment(ReadOnlySpan{char}, bool)"/>),
/// each ending just after a character prose escapes (", \, a line break, a tab): the slow way then covers
/// one character a segment. The writer still escapes every segment itself, so the bytes are its own.
/// </para>
/// </summary>
internal static class JsonStrings
{
    /// <summary>Shorter strings go to the writer in one piece.</summary>
    internal const int MinLength = 32;

    private static readonly SearchValues<char> s_escaped = SearchValues.Create("\"\\\n\r\t");

    public static void WriteString(Utf8JsonWriter w, JsonEncodedText name, ReadOnlySpan<char> value)
    {
        int first = value.Length < MinLength ? -1 : value.IndexOfAny(s_escaped);
        if (first < 0 || first == value.Length - 1)
        {
            w.WriteString(name, value);
            return;
        }
        w.WritePropertyName(name);
        while (true)
        {
            w.WriteStringValueSegment(value[..(first + 1)], isFinalSegment: false);
            value = value[(first + 1)..];
            first = value.IndexOfAny(s_escaped);
            if (first < 0 || first == value.Length - 1)
            {
                w.WriteStringValueSegment(value, isFinalSegment: true);
                return;
            }
        }
    }
}
