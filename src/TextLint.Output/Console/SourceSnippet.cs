using System.Globalization;
using System.Text;

namespace TextLint.Output.Console;

/// <summary>
/// The flagged line under a console finding with a caret under the span, as Ruff and rustc print it:
/// <code>
///   12 | He reportedly left the city.
///      |    ^^^^^^^^^^
/// </code>
/// Carets line up in a terminal: tabs expand to the next tab stop, East Asian wide characters take two
/// columns, combining marks and other zero-width characters none; control characters and bidirectional
/// overrides are shown escaped (a file cannot move the cursor or reorder the line it is shown on); a long
/// line is cut to a window around the span, with "…" where text was left out.
/// </summary>
public static class SourceSnippet
{
    public const int TabWidth = 4;

    /// <summary>Display columns the line text gets at most (the gutter comes on top).</summary>
    public const int DefaultWidth = 100;

    /// <summary>
    /// The two lines (source, carets) for the span <paramref name="start"/>..+<paramref name="length"/> of
    /// <paramref name="line"/> (text without its line break; <paramref name="lineNumber"/> is 1-based).
    /// A span that runs past the line is underlined to the end of it; an empty span gets one caret.
    /// </summary>
    public static (string Source, string Carets) Render(string line, int lineNumber, int start, int length, int width = DefaultWidth)
    {
        start = Math.Clamp(start, 0, line.Length);
        int end = Math.Clamp(start + Math.Max(length, 0), start, line.Length);

        // Cells: each text element of the line as shown, with its display width.
        var cells = new List<(string Text, int Width, int Offset)>();
        int column = 0;
        var e = StringInfo.GetTextElementEnumerator(line);
        while (e.MoveNext())
        {
            string element = e.GetTextElement();
            string shown = Shown(element);
            int w = shown == "\t" ? 0 : shown == element ? DisplayWidth(element) : EscapedWidth(shown);
            if (element == "\t")
            {
                w = TabWidth - column % TabWidth;
                shown = new string(' ', w);
            }
            cells.Add((shown, w, e.ElementIndex));
            column += w;
        }

        int firstCell = cells.FindIndex(c => c.Offset >= start);
        if (firstCell < 0) firstCell = cells.Count;
        int endCell = cells.FindIndex(c => c.Offset >= end);
        if (endCell < 0) endCell = cells.Count;
        if (endCell < firstCell) endCell = firstCell;

        // The window: the whole line when it fits; otherwise some context before the span, the span
        // (cut if it alone is too wide), and what fits after.
        int total = cells.Sum(c => c.Width);
        int from = 0, to = cells.Count;
        if (total > width)
        {
            int context = Math.Min(20, width / 4);
            from = firstCell;
            int before = 0;
            while (from > 0 && before + cells[from - 1].Width <= context) before += cells[--from].Width;
            int used = 0;
            to = from;
            while (to < cells.Count && used + cells[to].Width <= width) used += cells[to++].Width;
            // Keep all of the width in use: with room left at the end, show more before the span.
            while (from > 0 && to == cells.Count && used + cells[from - 1].Width <= width) used += cells[--from].Width;
        }

        var source = new StringBuilder();
        string gutter = lineNumber.ToString(CultureInfo.InvariantCulture);
        source.Append(' ').Append(gutter).Append(" | ");
        int spanColumn = 0, spanWidth = 0;
        if (from > 0) { source.Append('…'); spanColumn = 1; }
        for (int i = from; i < to; i++)
        {
            source.Append(cells[i].Text);
            if (i < firstCell) spanColumn += cells[i].Width;
            else if (i < endCell) spanWidth += cells[i].Width;
        }
        if (to < cells.Count) source.Append('…');
        // An empty span, or one of zero-width characters only, still gets one caret where it is.
        string carets = ' ' + new string(' ', gutter.Length) + " | " + new string(' ', spanColumn) + new string('^', Math.Max(1, spanWidth));
        return (source.ToString().TrimEnd(), carets);
    }

    /// <summary>The element as a terminal should show it: controls and bidirectional overrides escaped.</summary>
    private static string Shown(string element)
    {
        if (element == "\t") return "\t";
        if (element.Length == 1)
        {
            char ch = element[0];
            if (ch < 0x20) return ((char)(0x2400 + ch)).ToString();      // ␀ … ␟, as Ruff shows them
            if (ch == 0x7F) return "\u2421";                              // ␡
            if (ch is >= '\u0080' and <= '\u009F') return $"<U+{(int)ch:X4}>";
            if (ch is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C')
                return $"<U+{(int)ch:X4}>";
        }
        var sb = new StringBuilder(element.Length);
        foreach (char ch in element)
        {
            if (ch < 0x20 || ch == 0x7F || ch is >= '\u0080' and <= '\u009F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                sb.Append($"<U+{(int)ch:X4}>");
            else sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>Terminal columns a text element takes: 2 for East Asian wide and most emoji, 0 for marks and format characters.</summary>
    public static int DisplayWidth(string element)
    {
        int width = 0;
        for (int i = 0; i < element.Length; i++)
        {
            int cp = element[i];
            if (char.IsHighSurrogate(element[i]) && i + 1 < element.Length && char.IsLowSurrogate(element[i + 1]))
                cp = char.ConvertToUtf32(element[i], element[++i]);
            width += CodePointWidth(cp);
        }
        // A grapheme (emoji with modifiers, a ZWJ sequence) is drawn as one glyph.
        return Math.Min(width, 2);
    }

    // An escaped element: the escapes are ASCII, any other character keeps its own width.
    private static int EscapedWidth(string shown)
    {
        int width = 0;
        foreach (var rune in shown.EnumerateRunes()) width += CodePointWidth(rune.Value);
        return width;
    }

    private static int CodePointWidth(int cp)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(cp);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format) return 0;
        if (cp is >= 0x1160 and <= 0x11FF) return 0; // Hangul medial vowels and final consonants join the syllable
        return IsWide(cp) ? 2 : 1;
    }

    // East Asian Wide (W) and Fullwidth (F) ranges, and the emoji planes, as wcwidth has them.
    private static bool IsWide(int cp) =>
        cp is >= 0x1100 and <= 0x115F
        or >= 0x2E80 and <= 0x303E
        or >= 0x3041 and <= 0x33FF
        or >= 0x3400 and <= 0x4DBF
        or >= 0x4E00 and <= 0x9FFF
        or >= 0xA000 and <= 0xA4CF
        or >= 0xAC00 and <= 0xD7A3
        or >= 0xF900 and <= 0xFAFF
        or >= 0xFE30 and <= 0xFE4F
        or >= 0xFF00 and <= 0xFF60
        or >= 0xFFE0 and <= 0xFFE6
        or >= 0x1F300 and <= 0x1F64F
        or >= 0x1F900 and <= 0x1F9FF
        or >= 0x20000 and <= 0x3FFFD;
}
