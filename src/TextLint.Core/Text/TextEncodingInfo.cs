namespace TextLint.Text;

/// <summary>How a file's bytes were decoded, so a fix can write it back the same way.</summary>
public sealed record TextEncodingInfo(string Name, bool HasBom, int CodePage)
{
    public static readonly TextEncodingInfo Utf8NoBom = new("utf-8", false, 65001);
    public static readonly TextEncodingInfo Utf8Bom = new("utf-8", true, 65001);

    /// <summary>Set when bytes could not be decoded and were replaced by U+FFFD.</summary>
    public bool HadInvalidBytes { get; init; }

    public System.Text.Encoding GetEncoding() => CodePage switch
    {
        65001 => new System.Text.UTF8Encoding(HasBom),
        1200 => new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: HasBom),
        1201 => new System.Text.UnicodeEncoding(bigEndian: true, byteOrderMark: HasBom),
        12000 => new System.Text.UTF32Encoding(bigEndian: false, byteOrderMark: HasBom),
        12001 => new System.Text.UTF32Encoding(bigEndian: true, byteOrderMark: HasBom),
        _ => System.Text.Encoding.GetEncoding(CodePage),
    };
}
