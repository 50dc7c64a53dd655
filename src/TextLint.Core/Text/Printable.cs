using System.Text;

namespace TextLint.Text;

/// <summary>
/// Text that is not the tool's own — a file name, words quoted from an article — made safe for a line of a
/// line-based format (the console, msbuild lines, GitHub workflow commands, notifications on stderr):
/// control characters (C0 but tab, DEL, C1), line and paragraph separators and bidirectional controls
/// are shown as <c>&lt;U+001B&gt;</c>, as the source snippet shows them. So an article cannot move the
/// terminal's cursor, ring its bell or colour it, and nothing it holds can start a line of its own (a
/// forged finding, a <c>::stop-commands::</c> workflow command). Every other character, a backslash
/// included, is kept: paths are shown as they are on disk.
/// </summary>
public static class Printable
{
    /// <summary>Whether <paramref name="c"/> is shown escaped.</summary>
    public static bool IsEscaped(char c) =>
        (c < 0x20 && c != '\t') || c == 0x7F || c is >= '\u0080' and <= '\u009F' or '\u2028' or '\u2029'
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary><paramref name="s"/> with every escaped character as &lt;U+XXXX&gt;; <paramref name="keepLineBreaks"/> leaves CR and LF to a caller that escapes them its own way.</summary>
    public static string Text(string s, bool keepLineBreaks = false)
    {
        int i = 0;
        while (i < s.Length && (!IsEscaped(s[i]) || (keepLineBreaks && s[i] is '\r' or '\n'))) i++;
        if (i == s.Length) return s;
        var sb = new StringBuilder(s.Length + 16).Append(s, 0, i);
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (IsEscaped(c) && !(keepLineBreaks && c is '\r' or '\n')) sb.Append("<U+").Append(((int)c).ToString("X4")).Append('>');
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// A path that begins a line: as <see cref="Text"/>, and a relative path that starts with white space
    /// or ':' gets "./" in front (the same file), so the line cannot read as a workflow command.
    /// </summary>
    public static string Path(string path)
    {
        string shown = Text(path);
        return shown.Length > 0 && (char.IsWhiteSpace(shown[0]) || shown[0] == ':') ? "./" + shown : shown;
    }
}
