using System.Globalization;
using System.Text;
using TextLint.Testing;
using TextLint.Text;

namespace TextLint.Cli.Docs;

/// <summary>
/// Renders a rule example for people: the <c>[|...|]</c> marks are removed and each marked run is
/// underlined with carets on the line below, the way compilers point at a column:
/// <code>
/// Gerasimov reportedly informed the president.
///           ^^^^^^^^^^
/// </code>
/// The caret line keeps tabs where the text has them and counts wide (CJK, emoji) characters as two
/// columns and combining marks as none, so the carets sit under the marked text in a terminal and in
/// a Markdown code block alike.
/// </summary>
public static class ExampleText
{
    /// <summary>The example's lines, each followed by a caret line when something on it is marked.</summary>
    public static IReadOnlyList<string> WithCarets(string markup)
    {
        string text;
        IReadOnlyList<TextSpan> spans;
        try
        {
            (text, var parsed) = TestMarkup.Parse(markup);
            spans = parsed;
        }
        catch (FormatException)
        {
            // Broken markup (test-rules reports it); show it as written rather than nothing.
            return SplitLines(markup).Select(l => markup.Substring(l.Start, l.Length)).ToList();
        }
        var result = new List<string>();
        foreach (var line in SplitLines(text))
        {
            result.Add(text.Substring(line.Start, line.Length));
            string carets = CaretLine(text, line, spans);
            if (carets.Contains('^')) result.Add(carets);
        }
        return result;
    }

    /// <summary>The example's text without the marks.</summary>
    public static string Plain(string markup)
    {
        try { return TestMarkup.Parse(markup).Text; }
        catch (FormatException) { return markup; }
    }

    private static string CaretLine(string text, TextSpan line, IReadOnlyList<TextSpan> spans)
    {
        var sb = new StringBuilder();
        for (int i = line.Start; i < line.End; i++)
        {
            int codePoint = char.IsHighSurrogate(text[i]) && i + 1 < line.End && char.IsLowSurrogate(text[i + 1])
                ? char.ConvertToUtf32(text[i], text[i + 1])
                : text[i];
            int units = codePoint > 0xFFFF ? 2 : 1;
            int width = DisplayWidth(codePoint);
            int at = i;
            if (spans.Any(s => s.Start <= at && at < s.End)) sb.Append('^', width);
            else if (spans.Any(s => s.Length == 0 && s.Start == at)) sb.Append('^').Append(' ', Math.Max(0, width - 1));
            else if (text[i] == '\t') sb.Append('\t');
            else sb.Append(' ', width);
            i += units - 1;
        }
        // An empty mark at the end of the line points just past its last character.
        if (spans.Any(s => s.Length == 0 && s.Start == line.End)) sb.Append('^');
        return sb.ToString().TrimEnd(' ', '\t');
    }

    /// <summary>Columns a character takes in a monospace terminal: 0 for combining marks, 2 for East Asian wide and emoji, else 1.</summary>
    public static int DisplayWidth(int codePoint)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format) return 0;
        return codePoint switch
        {
            >= 0x1100 and <= 0x115F => 2,   // Hangul Jamo initials
            >= 0x2E80 and <= 0x303E => 2,   // CJK radicals, punctuation
            >= 0x3041 and <= 0x33FF => 2,   // kana, CJK compatibility
            >= 0x3400 and <= 0x4DBF => 2,   // CJK extension A
            >= 0x4E00 and <= 0x9FFF => 2,   // CJK unified ideographs
            >= 0xA000 and <= 0xA4CF => 2,   // Yi
            >= 0xAC00 and <= 0xD7A3 => 2,   // Hangul syllables
            >= 0xF900 and <= 0xFAFF => 2,   // CJK compatibility ideographs
            >= 0xFE30 and <= 0xFE4F => 2,   // CJK compatibility forms
            >= 0xFF00 and <= 0xFF60 => 2,   // fullwidth forms
            >= 0xFFE0 and <= 0xFFE6 => 2,
            >= 0x1F300 and <= 0x1F64F => 2, // pictographs, emoticons
            >= 0x1F900 and <= 0x1F9FF => 2,
            >= 0x20000 and <= 0x3FFFD => 2, // CJK extensions B and later
            _ => 1,
        };
    }

    private static List<TextSpan> SplitLines(string text)
    {
        var lines = new List<TextSpan>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n' && text[i] != '\r') continue;
            lines.Add(TextSpan.FromBounds(start, i));
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < text.Length || lines.Count == 0) lines.Add(TextSpan.FromBounds(start, text.Length));
        return lines;
    }
}
