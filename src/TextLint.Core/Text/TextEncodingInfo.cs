using System.Text;

namespace TextLint.Text;

/// <summary>
/// How a file's bytes were decoded, so a fix can write it back the same way: the encoding (by its web
/// name and Windows code page), whether it had a byte-order mark, and whether it was declared (a BOM, or
/// valid UTF-8) or inferred (<see cref="Detected"/>).
/// </summary>
public sealed record TextEncodingInfo(string Name, bool HasBom, int CodePage)
{
    public static readonly TextEncodingInfo Utf8NoBom = new("utf-8", false, 65001);
    public static readonly TextEncodingInfo Utf8Bom = new("utf-8", true, 65001);

    static TextEncodingInfo() => CodePages.EnsureRegistered();

    /// <summary>
    /// Set when bytes could not be decoded and were replaced by U+FFFD. Writing such a text back would
    /// replace the original bytes too, so a fix must not rewrite the file.
    /// </summary>
    public bool HadInvalidBytes { get; init; }

    /// <summary>
    /// Set when the encoding was inferred from the bytes (a legacy code page such as windows-1251, or
    /// UTF-16 without a byte-order mark) or assumed because the user said so, rather than declared.
    /// </summary>
    public bool Detected { get; init; }

    public bool IsUnicode => CodePage is 65001 or 1200 or 1201 or 12000 or 12001;

    /// <summary>
    /// The encoding to write the text back with, BOM included when the file had one. Legacy code pages
    /// throw <see cref="EncoderFallbackException"/> for a character they cannot hold rather than writing
    /// '?' in its place, so a fix can never silently damage a file.
    /// </summary>
    public Encoding GetEncoding() => CodePage switch
    {
        65001 => new UTF8Encoding(HasBom, throwOnInvalidBytes: true),
        1200 => new UnicodeEncoding(bigEndian: false, byteOrderMark: HasBom, throwOnInvalidBytes: true),
        1201 => new UnicodeEncoding(bigEndian: true, byteOrderMark: HasBom, throwOnInvalidBytes: true),
        12000 => new UTF32Encoding(bigEndian: false, byteOrderMark: HasBom, throwOnInvalidCharacters: true),
        12001 => new UTF32Encoding(bigEndian: true, byteOrderMark: HasBom, throwOnInvalidCharacters: true),
        _ => Encoding.GetEncoding(CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback),
    };

    /// <summary>The info for a legacy or other non-Unicode encoding, by its web name ("windows-1251").</summary>
    public static TextEncodingInfo For(Encoding encoding, bool detected) =>
        new(encoding.WebName, false, encoding.CodePage) { Detected = detected };

    /// <summary>An encoding by name ("windows-1251", "koi8-r", "utf-16le", "latin1"), or null when .NET does not know it.</summary>
    public static Encoding? FindEncoding(string name)
    {
        CodePages.EnsureRegistered();
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>The legacy code pages (windows-125x, KOI8-R, ...) ship with .NET but must be registered once.</summary>
internal static class CodePages
{
    static CodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Touching the class runs its static constructor exactly once, on any thread.</summary>
    public static void EnsureRegistered() { }
}
