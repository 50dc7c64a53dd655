using System.Text;

namespace TextLint.Text;

/// <summary>Outcome of decoding a file's bytes.</summary>
public readonly record struct DecodeResult(SourceText? Text, string? SkipReason);

/// <summary>
/// Turns bytes into a <see cref="SourceText"/>: BOM detection (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE),
/// UTF-8 with replacement of invalid bytes, and binary detection (NUL bytes in BOM-less input).
/// </summary>
public static class TextDecoder
{
    public static DecodeResult Decode(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
            return Utf8(path, bytes[3..], TextEncodingInfo.Utf8Bom);
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE, 0, 0 }))
            return new(new SourceText(path, new UTF32Encoding(false, false).GetString(bytes[4..]), new("utf-32le", true, 12000)), null);
        if (bytes.StartsWith(new byte[] { 0, 0, 0xFE, 0xFF }))
            return new(new SourceText(path, new UTF32Encoding(true, false).GetString(bytes[4..]), new("utf-32be", true, 12001)), null);
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }))
            return new(new SourceText(path, Encoding.Unicode.GetString(bytes[2..]), new("utf-16le", true, 1200)), null);
        if (bytes.StartsWith(new byte[] { 0xFE, 0xFF }))
            return new(new SourceText(path, Encoding.BigEndianUnicode.GetString(bytes[2..]), new("utf-16be", true, 1201)), null);
        if (bytes.IndexOf((byte)0) >= 0)
            return new(null, "binary file (contains NUL bytes)");
        return Utf8(path, bytes, TextEncodingInfo.Utf8NoBom);
    }

    /// <summary>
    /// Where the first byte that is not valid UTF-8 is (after any UTF-8 BOM), as a line and UTF-16
    /// column of the decoded text before it; null when every byte is valid. Lets a message point at
    /// the bad byte, not only name the file.
    /// </summary>
    public static LinePosition? FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) bytes = bytes[3..];
        int valid = 0;
        while (valid < bytes.Length && Rune.DecodeFromUtf8(bytes[valid..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
            valid += consumed;
        if (valid >= bytes.Length) return null;
        string before = Encoding.UTF8.GetString(bytes[..valid]);
        return LineIndex.Create(before).GetLinePosition(before.Length);
    }

    private static DecodeResult Utf8(string path, ReadOnlySpan<byte> bytes, TextEncodingInfo info)
    {
        bool valid = System.Text.Unicode.Utf8.IsValid(bytes);
        // Encoding.UTF8 replaces each invalid sequence with U+FFFD; everything after it keeps its place.
        string text = Encoding.UTF8.GetString(bytes);
        return new(new SourceText(path, text, valid ? info : info with { HadInvalidBytes = true }), null);
    }
}
