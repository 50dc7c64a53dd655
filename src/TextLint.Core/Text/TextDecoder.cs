using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace TextLint.Text;

/// <summary>Why a file's bytes were not turned into text.</summary>
public enum DecodeSkip
{
    None,
    /// <summary>NUL bytes and no Unicode byte-order mark: not a text file.</summary>
    Binary,
    /// <summary>Not UTF-8, and no legacy encoding reads it plausibly: linting it would lint garbage.</summary>
    UnknownEncoding,
}

/// <summary>Outcome of decoding a file's bytes.</summary>
public readonly record struct DecodeResult(SourceText? Text, string? SkipReason)
{
    public DecodeSkip Skip { get; init; }

    /// <summary>How many byte sequences were invalid and read as U+FFFD.</summary>
    public int InvalidSequences { get; init; }

    /// <summary>Offset in the text of the first U+FFFD that stands for invalid bytes; null when there is none.</summary>
    public int? FirstInvalidOffset { get; init; }

    /// <summary>For a detected legacy encoding: other encodings that read the bytes about as well (empty when the choice was clear).</summary>
    public IReadOnlyList<string> Alternatives { get => field ?? []; init; }

    internal static DecodeResult Skipped(DecodeSkip skip, string reason) => new(null, reason) { Skip = skip };

    internal static DecodeResult Decoded(SourceText text, int invalidSequences = 0, int firstInvalid = -1) =>
        new(text, null) { InvalidSequences = invalidSequences, FirstInvalidOffset = firstInvalid < 0 ? null : firstInvalid };
}

/// <summary>
/// Turns bytes into a <see cref="SourceText"/>. In order: a byte-order mark decides (UTF-8, UTF-32 LE/BE,
/// UTF-16 LE/BE) and is not part of the text; a binary format's magic number, many NUL bytes (more than
/// 64, more than 8 and 1% of the file, or more than 1 and a quarter of it) or many other control bytes
/// mean binary; NUL bytes mean UTF-16
/// without a BOM when the bytes read plainly as such; a few stray NULs are read as U+FFFD (counted as
/// invalid bytes) and the rest decoded as if they were not there; valid UTF-8 is UTF-8, and so is UTF-8
/// cut inside its last character; bytes that are mostly UTF-8 are UTF-8 with
/// each invalid sequence replaced by one U+FFFD (so every later offset is what it would have been);
/// anything else is a legacy single-byte file whose code page is detected
/// (<see cref="LegacyEncodingDetector"/>) or given by the user, and otherwise is not read.
/// </summary>
public static class TextDecoder
{
    /// <summary>
    /// Where the first byte that is not valid UTF-8 is (after any UTF-8 BOM), as a line and UTF-16
    /// column of the decoded text before it; null when every byte is valid. For inputs that must be
    /// UTF-8 (rule packs), so the error points at the bad byte, not only at the file.
    /// </summary>
    public static LinePosition? FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        int valid = 0;
        while (valid < bytes.Length && Rune.DecodeFromUtf8(bytes[valid..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
            valid += consumed;
        if (valid >= bytes.Length) return null;
        string before = Encoding.UTF8.GetString(bytes[..valid]);
        return LineIndex.Create(before).GetLinePosition(before.Length);
    }

    /// <param name="path">The path to record in the text.</param>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="legacyEncoding">
    /// The encoding of files that have no BOM and are not valid UTF-8, instead of detecting it (a UTF-16 or
    /// UTF-32 encoding given here applies to every file without a BOM).
    /// </param>
    public static DecodeResult Decode(string path, ReadOnlySpan<byte> bytes, Encoding? legacyEncoding = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Utf8(path, bytes[3..], TextEncodingInfo.Utf8Bom);
        // UTF-32 LE's mark begins with UTF-16 LE's: test it first.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]))
            return Utf32(path, bytes[4..], bigEndian: false, new("utf-32le", true, 12000));
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
            return Utf32(path, bytes[4..], bigEndian: true, new("utf-32be", true, 12001));
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Utf16(path, bytes[2..], bigEndian: false, new("utf-16le", true, 1200));
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Utf16(path, bytes[2..], bigEndian: true, new("utf-16be", true, 1201));

        // An encoding the user named is taken as given. Its own NULs (UTF-16, UTF-32) do not make a file binary.
        if (legacyEncoding is { CodePage: 1200 or 1201 or 12000 or 12001 })
            return Given(path, bytes, legacyEncoding);

        if (BinaryMagic(bytes) is { } format)
            return DecodeResult.Skipped(DecodeSkip.Binary, $"binary file ({format})");
        int nuls = bytes.Count((byte)0);
        if (nuls > 0)
        {
            // A NUL or three in a short text are damage, not the high bytes of UTF-16.
            if (nuls >= 4 && LooksLikeUtf16WithoutBom(bytes, out bool bigEndian))
                return Utf16(path, bytes, bigEndian, new(bigEndian ? "utf-16be" : "utf-16le", false, bigEndian ? 1201 : 1200) { Detected = true });
            // Many NULs: not text. A stray one (a bad paste, a byte of damage) must not get an article
            // skipped, so it is read as U+FFFD with the rest of the file decoded as if it were not there.
            if (nuls > MaxStrayNuls || (nuls > 8 && (long)nuls * 100 > bytes.Length) || (nuls > 1 && (long)nuls * 4 > bytes.Length))
                return DecodeResult.Skipped(DecodeSkip.Binary, $"binary file ({nuls:N0} NUL bytes)");
        }
        if (IsMostlyControlBytes(bytes))
            return DecodeResult.Skipped(DecodeSkip.Binary, "binary file (control bytes)");
        return nuls > 0 ? WithNulsReplaced(DecodeText(path, bytes, legacyEncoding)) : DecodeText(path, bytes, legacyEncoding);
    }

    /// <summary>
    /// More than 5% of the bytes are C0 controls that text does not use (not tab, line breaks, form feed
    /// or ESC) in a file of some size: compressed or random data, not text in any encoding.
    /// </summary>
    internal static bool IsMostlyControlBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 256) return false;
        // A vectorised search from one control byte to the next: a text file has none, so this is one
        // scan instead of a comparison per byte; data stops counting once it has enough of them.
        long controls = 0;
        int i = 0;
        while (true)
        {
            int k = bytes[i..].IndexOfAny(ControlBytes);
            if (k < 0) return false;
            if (++controls * 20 > bytes.Length) return true;
            i += k + 1;
        }
    }

    /// <summary>The C0 controls that text does not use: all but tab, line feed, carriage return, form feed and ESC.</summary>
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\n' or '\r' or '\f' or 0x1B)).Select(b => (byte)b)]);

    /// <summary>More NUL bytes than this (or more than 1% of the file) make a file binary.</summary>
    public const int MaxStrayNuls = 64;

    /// <summary>Files that announce a binary format in their first bytes; null for anything else.</summary>
    private static string? BinaryMagic(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "PNG image";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "JPEG image";
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return "GIF image";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04])) return "ZIP archive";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return "gzip archive";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46])) return "ELF executable";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return "OLE document";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C])) return "7z archive";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00])) return "xz archive";
        if (bytes.StartsWith("%PDF-"u8)) return "PDF document";
        if (bytes.StartsWith("SQLite format 3\0"u8)) return "SQLite database";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x61, 0x73, 0x6D])) return "WebAssembly module";
        return null;
    }

    /// <summary>Stray NULs (decoded as U+0000 by every encoding here) become U+FFFD, counted as invalid bytes.</summary>
    private static DecodeResult WithNulsReplaced(DecodeResult result)
    {
        if (result.Text is not { } text) return result;
        int first = text.Text.IndexOf('\0');
        if (first < 0) return result;
        int count = text.Text.AsSpan().Count('\0');
        var replaced = new SourceText(text.Path, text.Text.Replace('\0', '\uFFFD'), text.Encoding with { HadInvalidBytes = true });
        return result with
        {
            Text = replaced,
            InvalidSequences = result.InvalidSequences + count,
            FirstInvalidOffset = Math.Min(result.FirstInvalidOffset ?? int.MaxValue, first),
        };
    }

    /// <summary>
    /// True when every byte is valid UTF-8 but the last few, which begin a sequence the file ends inside
    /// (a file cut short): that is UTF-8, not a legacy code page.
    /// </summary>
    private static bool IsUtf8CutAtEnd(ReadOnlySpan<byte> bytes)
    {
        for (int back = 1; back <= 3 && back <= bytes.Length; back++)
        {
            byte b = bytes[^back];
            if (b < 0x80) return false;
            if (b < 0xC0) continue; // a continuation byte: the lead is further back
            return Rune.DecodeFromUtf8(bytes[^back..], out _, out _) == OperationStatus.NeedMoreData
                && System.Text.Unicode.Utf8.IsValid(bytes[..^back]);
        }
        return false;
    }

    private static DecodeResult DecodeText(string path, ReadOnlySpan<byte> bytes, Encoding? legacyEncoding)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
            return DecodeResult.Decoded(new SourceText(path, Encoding.UTF8.GetString(bytes), TextEncodingInfo.Utf8NoBom));
        if (legacyEncoding is not null)
            return Given(path, bytes, legacyEncoding);
        if (IsUtf8CutAtEnd(bytes))
            return Utf8(path, bytes, TextEncodingInfo.Utf8NoBom);

        var (valid, invalid) = CountUtf8Sequences(bytes);
        // A UTF-8 file with a few damaged bytes has many more good multi-byte sequences than bad ones; a
        // legacy file has few good ones (a high byte followed by a continuation-like byte, by chance).
        if (valid >= invalid)
            return Utf8(path, bytes, TextEncodingInfo.Utf8NoBom);

        var detection = LegacyEncodingDetector.Detect(bytes);
        if (detection.Encoding is not null)
            return Legacy(path, bytes, detection.Encoding, detected: true, detection.Alternatives);
        // No code page reads it either. When the bytes in question are a sprinkle in ASCII text, reading
        // them as U+FFFD costs nothing (every position stays right); when they are a large part of the
        // text, any reading would be garbage, so the file is not linted.
        int high = CountHighBytes(bytes);
        if (high * 50 <= bytes.Length)
            return Utf8(path, bytes, TextEncodingInfo.Utf8NoBom);
        return DecodeResult.Skipped(DecodeSkip.UnknownEncoding,
            $"the file is not UTF-8 and its encoding could not be told from its bytes ({detection.Explanation})");
    }

    /// <summary>Decodes with an encoding the user named (recorded as not detected).</summary>
    private static DecodeResult Given(string path, ReadOnlySpan<byte> bytes, Encoding encoding) => encoding.CodePage switch
    {
        65001 => Utf8(path, bytes, TextEncodingInfo.Utf8NoBom),
        1200 => Utf16(path, bytes, bigEndian: false, new("utf-16le", false, 1200)),
        1201 => Utf16(path, bytes, bigEndian: true, new("utf-16be", false, 1201)),
        12000 => Utf32(path, bytes, bigEndian: false, new("utf-32le", false, 12000)),
        12001 => Utf32(path, bytes, bigEndian: true, new("utf-32be", false, 12001)),
        _ => Legacy(path, bytes, encoding, detected: false, []),
    };

    private static DecodeResult Legacy(string path, ReadOnlySpan<byte> bytes, Encoding encoding, bool detected, IReadOnlyList<string> alternatives)
    {
        var decoder = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
        var info = TextEncodingInfo.For(decoder, detected);
        string text = decoder.GetString(bytes);
        return DecodeResult.Decoded(new SourceText(path, text, info)) with { Alternatives = alternatives };
    }

    /// <summary>
    /// UTF-8 with replacement: each maximal invalid subsequence becomes one U+FFFD (the Unicode
    /// recommendation, and what <see cref="Encoding.UTF8"/> does), counted and located on the way.
    /// </summary>
    private static DecodeResult Utf8(string path, ReadOnlySpan<byte> bytes, TextEncodingInfo info)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
            return DecodeResult.Decoded(new SourceText(path, Encoding.UTF8.GetString(bytes), info));

        // Encoding.UTF8 counts the same replacements, so the buffer is exactly the text's length.
        var chars = new char[Encoding.UTF8.GetCharCount(bytes)];
        int read = 0, written = 0, invalid = 0, first = -1;
        while (true)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes[read..], chars.AsSpan(written), out int r, out int w, replaceInvalidSequences: false);
            read += r;
            written += w;
            if (status == OperationStatus.Done) break;
            if (status != OperationStatus.InvalidData || written >= chars.Length)
            {
                // Not expected (the count above follows the same rule); never index past the buffer.
                return DecodeResult.Decoded(new SourceText(path, Encoding.UTF8.GetString(bytes), info with { HadInvalidBytes = true }), Math.Max(1, invalid), Math.Max(0, first));
            }
            Rune.DecodeFromUtf8(bytes[read..], out _, out int consumed);
            if (first < 0) first = written;
            chars[written++] = '\uFFFD';
            read += Math.Max(1, consumed);
            invalid++;
        }
        var text = new SourceText(path, new string(chars, 0, written), info with { HadInvalidBytes = true });
        return DecodeResult.Decoded(text, invalid, first);
    }

    /// <summary>UTF-16: an unpaired surrogate, or an odd last byte, becomes U+FFFD.</summary>
    private static DecodeResult Utf16(string path, ReadOnlySpan<byte> bytes, bool bigEndian, TextEncodingInfo info)
    {
        int units = bytes.Length / 2;
        var chars = new char[units + (bytes.Length % 2)];
        for (int i = 0; i < units; i++)
            chars[i] = (char)(bigEndian ? bytes[2 * i] << 8 | bytes[2 * i + 1] : bytes[2 * i + 1] << 8 | bytes[2 * i]);
        int invalid = 0, first = -1;
        for (int i = 0; i < units; i++)
        {
            char c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < units && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (!char.IsSurrogate(c)) continue;
            chars[i] = '\uFFFD';
            if (first < 0) first = i;
            invalid++;
        }
        if (bytes.Length % 2 == 1)
        {
            chars[units] = '\uFFFD';
            if (first < 0) first = units;
            invalid++;
        }
        var text = new SourceText(path, new string(chars), invalid > 0 ? info with { HadInvalidBytes = true } : info);
        return DecodeResult.Decoded(text, invalid, first);
    }

    /// <summary>UTF-32: a value that is not a Unicode scalar, or a trailing partial unit, becomes U+FFFD.</summary>
    private static DecodeResult Utf32(string path, ReadOnlySpan<byte> bytes, bool bigEndian, TextEncodingInfo info)
    {
        var sb = new StringBuilder(bytes.Length / 4 + 1);
        int invalid = 0, first = -1;
        Span<char> buffer = stackalloc char[2];
        int i = 0;
        for (; i + 4 <= bytes.Length; i += 4)
        {
            uint v = bigEndian
                ? (uint)(bytes[i] << 24 | bytes[i + 1] << 16 | bytes[i + 2] << 8 | bytes[i + 3])
                : (uint)(bytes[i + 3] << 24 | bytes[i + 2] << 16 | bytes[i + 1] << 8 | bytes[i]);
            if (Rune.TryCreate(v, out var rune))
            {
                sb.Append(buffer[..rune.EncodeToUtf16(buffer)]);
                continue;
            }
            if (first < 0) first = sb.Length;
            sb.Append('\uFFFD');
            invalid++;
        }
        if (i < bytes.Length)
        {
            if (first < 0) first = sb.Length;
            sb.Append('\uFFFD');
            invalid++;
        }
        var text = new SourceText(path, sb.ToString(), invalid > 0 ? info with { HadInvalidBytes = true } : info);
        return DecodeResult.Decoded(text, invalid, first);
    }

    private static int CountHighBytes(ReadOnlySpan<byte> bytes)
    {
        int n = 0;
        foreach (byte b in bytes) if (b >= 0x80) n++;
        return n;
    }

    /// <summary>Valid multi-byte UTF-8 sequences and invalid sequences (as UTF-8 decoding would replace them).</summary>
    internal static (int Valid, int Invalid) CountUtf8Sequences(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0;
        int i = 0;
        while (i < bytes.Length)
        {
            int ascii = bytes[i..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0) break;
            i += ascii;
            var status = Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed);
            if (status == OperationStatus.Done) valid++;
            else invalid++;
            i += Math.Max(1, consumed);
        }
        return (valid, invalid);
    }

    /// <summary>
    /// UTF-16 without a BOM: text in a Latin or Cyrillic script has a NUL in the high byte of every ASCII
    /// character (spaces, digits, punctuation at least), always on the same side of each byte pair, and
    /// hardly any on the other. Binary files put NULs on both sides. The bytes must then also decode to
    /// well-formed UTF-16 without control characters other than tab, line breaks and form feed.
    /// </summary>
    private static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        if (bytes.Length < 4 || bytes.Length % 2 != 0) return false;
        int units = bytes.Length / 2, zeroEven = 0, zeroOdd = 0;
        for (int i = 0; i < bytes.Length; i += 2)
        {
            if (bytes[i] == 0) zeroEven++;
            if (bytes[i + 1] == 0) zeroOdd++;
        }
        // The other side may have a few NULs: code units such as U+0100, U+4E00 or a surrogate's U+DE00 end in 00.
        if (zeroOdd * 20 >= units && zeroEven * 8 <= zeroOdd) bigEndian = false;
        else if (zeroEven * 20 >= units && zeroOdd * 8 <= zeroEven) bigEndian = true;
        else return false;
        for (int i = 0; i < units; i++)
        {
            char c = (char)(bigEndian ? bytes[2 * i] << 8 | bytes[2 * i + 1] : bytes[2 * i + 1] << 8 | bytes[2 * i]);
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= units) return false;
                char d = (char)(bigEndian ? bytes[2 * i + 2] << 8 | bytes[2 * i + 3] : bytes[2 * i + 3] << 8 | bytes[2 * i + 2]);
                if (!char.IsLowSurrogate(d)) return false;
                i++;
                continue;
            }
            if (char.IsLowSurrogate(c)) return false;
            if (c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f')) return false;
            if (c is >= '\u007F' and <= '\u009F') return false;
        }
        return true;
    }
}
