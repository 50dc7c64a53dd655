using TextLint.Text;

namespace TextLint.LanguageServer.Protocol;

/// <summary>The unit LSP positions count characters in (LSP 3.17 <c>PositionEncodingKind</c>).</summary>
public enum PositionEncoding { Utf16, Utf8, Utf32 }

public static class PositionEncodings
{
    public static string ToLspName(this PositionEncoding e) => e switch
    {
        PositionEncoding.Utf8 => "utf-8",
        PositionEncoding.Utf32 => "utf-32",
        _ => "utf-16",
    };

    public static PositionEncoding? Parse(string? name) => name switch
    {
        "utf-8" => PositionEncoding.Utf8,
        "utf-16" => PositionEncoding.Utf16,
        "utf-32" => PositionEncoding.Utf32,
        _ => null,
    };

    /// <summary>The client's most preferred encoding that the server supports (all three); UTF-16 when it offers none.</summary>
    public static PositionEncoding Negotiate(IEnumerable<string?>? offered)
    {
        foreach (var name in offered ?? [])
            if (Parse(name) is { } e) return e;
        return PositionEncoding.Utf16;
    }
}

/// <summary>
/// Converts between the engine's UTF-16 offsets and LSP positions (0-based line, character counted in
/// the negotiated encoding) for one text. Lines end at \r\n, \n or \r, as LSP and the engine count them.
/// A character past the end of its line means the end of the line; a line past the end, the end of the text.
/// </summary>
public sealed class PositionMapper
{
    private readonly string _text;
    private readonly LineIndex _lines;

    public PositionMapper(string text, PositionEncoding encoding)
    {
        _text = text;
        _lines = LineIndex.Create(text);
        Encoding = encoding;
    }

    public PositionEncoding Encoding { get; }

    public LineIndex Lines => _lines;

    public (int Line, int Character) ToPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        int line = _lines.GetLineFromOffset(offset);
        int start = _lines.GetLineStart(line);
        return (line, Count(_text.AsSpan(start, offset - start), Encoding));
    }

    public int ToOffset(int line, int character)
    {
        if (line < 0) return 0;
        if (line >= _lines.LineCount) return _text.Length;
        var span = _lines.GetLineSpan(line, _text);
        if (character <= 0) return span.Start;
        if (Encoding == PositionEncoding.Utf16) return Math.Min(span.Start + character, span.End);
        int units = 0, i = span.Start;
        while (i < span.End)
        {
            int width = 1, chars = 1;
            char c = _text[i];
            if (char.IsHighSurrogate(c) && i + 1 < span.End && char.IsLowSurrogate(_text[i + 1]))
            {
                chars = 2;
                width = Encoding == PositionEncoding.Utf8 ? 4 : 1;
            }
            else if (Encoding == PositionEncoding.Utf8)
                width = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (units + width > character) break; // a position inside a character stays before it
            units += width;
            i += chars;
        }
        return i;
    }

    /// <summary>How many units of <paramref name="encoding"/> the characters take.</summary>
    public static int Count(ReadOnlySpan<char> s, PositionEncoding encoding)
    {
        switch (encoding)
        {
            case PositionEncoding.Utf16:
                return s.Length;
            case PositionEncoding.Utf8:
                return System.Text.Encoding.UTF8.GetByteCount(s);
            default:
                int n = 0;
                for (int i = 0; i < s.Length; i++, n++)
                    if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
                return n;
        }
    }
}
