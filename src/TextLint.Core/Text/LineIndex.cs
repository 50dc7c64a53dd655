namespace TextLint.Text;

/// <summary>
/// Start offsets of every line of a text. "\r\n", "\n" and "\r" each end one line (as SARIF and
/// GitHub's fingerprinting count them). This is the one place where offsets become lines and columns.
/// </summary>
public sealed class LineIndex
{
    private readonly int[] _starts;
    private readonly int _length;

    private LineIndex(int[] starts, int length, NewlineKinds newlines)
    {
        _starts = starts;
        _length = length;
        Newlines = newlines;
    }

    /// <summary>The line-break sequences that occur in the text.</summary>
    public NewlineKinds Newlines { get; }

    public int LineCount => _starts.Length;

    public static LineIndex Create(string text)
    {
        var starts = new List<int>(Math.Max(4, text.Length / 40)) { 0 };
        NewlineKinds kinds = NewlineKinds.None;
        ReadOnlySpan<char> s = text;
        int i = 0;
        while (i < s.Length)
        {
            int k = s[i..].IndexOfAny('\r', '\n');
            if (k < 0) break;
            i += k;
            if (s[i] == '\r')
            {
                if (i + 1 < s.Length && s[i + 1] == '\n') { kinds |= NewlineKinds.CrLf; i++; }
                else kinds |= NewlineKinds.Cr;
            }
            else kinds |= NewlineKinds.Lf;
            i++;
            starts.Add(i);
        }
        return new LineIndex(starts.ToArray(), text.Length, kinds);
    }

    /// <summary>Offset of the first character of the 0-based line.</summary>
    public int GetLineStart(int line) => _starts[line];

    /// <summary>The span of the line's text, without its line break.</summary>
    public TextSpan GetLineSpan(int line, string text)
    {
        int start = _starts[line];
        int end = line + 1 < _starts.Length ? _starts[line + 1] : _length;
        while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r')) end--;
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>The span of the line including its line break.</summary>
    public TextSpan GetLineSpanIncludingBreak(int line)
    {
        int start = _starts[line];
        int end = line + 1 < _starts.Length ? _starts[line + 1] : _length;
        return TextSpan.FromBounds(start, end);
    }

    public int GetLineFromOffset(int offset)
    {
        if ((uint)offset > (uint)_length) throw new ArgumentOutOfRangeException(nameof(offset));
        int idx = Array.BinarySearch(_starts, offset);
        return idx >= 0 ? idx : ~idx - 1;
    }

    public LinePosition GetLinePosition(int offset)
    {
        int line = GetLineFromOffset(offset);
        return new LinePosition(line, offset - _starts[line]);
    }

    public LinePositionSpan GetLinePositionSpan(TextSpan span) =>
        new(GetLinePosition(span.Start), GetLinePosition(span.End));

    /// <summary>Offset of a 0-based line and column (UTF-16), clamped to the text: the language server's way back from a position.</summary>
    public int GetOffset(LinePosition position)
    {
        if (position.Line >= _starts.Length) return _length;
        int start = _starts[position.Line];
        return Math.Min(start + position.Character, _length);
    }
}

[Flags]
public enum NewlineKinds
{
    None = 0,
    Lf = 1,
    CrLf = 2,
    Cr = 4,
}
