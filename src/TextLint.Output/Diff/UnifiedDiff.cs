using System.Text;
using TextLint.Diagnostics;
using TextLint.Text;

namespace TextLint.Output.Diff;

/// <summary>
/// A unified diff (the format of <c>diff -u</c> and <c>git diff</c>) built straight from non-overlapping
/// edits: the changed lines are known exactly, so no line-matching algorithm is needed and the diff is
/// as small as the edits. Lines are what diff tools call lines — ended by LF only, so a CR LF line keeps
/// its CR as content and an old Mac file (CR only) is one long line — and each keeps its terminator, so
/// <c>git apply</c> and <c>patch -p1</c> reproduce the fixed file byte for byte; a UTF-8 byte-order mark
/// is shown on line 1.
/// </summary>
public static class UnifiedDiff
{
    public const int ContextLines = 3;

    private readonly record struct Group(int FirstLine, int LastLine, string[] NewLines);

    /// <summary>The diff of applying <paramref name="edits"/> (sorted, non-overlapping, against <paramref name="source"/>); empty when nothing changes.</summary>
    public static string Create(SourceText source, IReadOnlyList<TextEdit> edits, string path)
    {
        string text = source.Text;
        var starts = new List<int> { 0 };
        for (int i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) starts.Add(i + 1);
        // The "line" after a final line break is empty and not a line of the file.
        int lineCount = starts[^1] == text.Length ? starts.Count - 1 : starts.Count;
        int LineStart(int i) => starts[i];
        int LineEnd(int i) => i + 1 < starts.Count ? starts[i + 1] : text.Length;
        string Line(int i)
        {
            string line = text[LineStart(i)..LineEnd(i)];
            return i == 0 && source.Encoding is { HasBom: true, CodePage: 65001 } ? "\uFEFF" + line : line;
        }
        (int First, int Last) LinesOf(TextSpan span)
        {
            int first = LineOf(starts, span.Start);
            int last = span.IsEmpty ? first : LineOf(starts, span.End - 1);
            return first >= lineCount ? (lineCount, lineCount - 1) : (first, Math.Min(last, lineCount - 1));
        }

        // Edits whose line ranges overlap form one group: its old lines are replaced by its new lines.
        var groups = new List<Group>();
        int e = 0;
        while (e < edits.Count)
        {
            var (first, last) = LinesOf(edits[e].Span);
            int groupEnd = e + 1;
            while (groupEnd < edits.Count)
            {
                var (f, l) = LinesOf(edits[groupEnd].Span);
                if (f > last) break;
                last = Math.Max(last, l);
                groupEnd++;
            }
            int start = first < lineCount ? LineStart(first) : text.Length;
            int end = last >= first ? LineEnd(last) : start;
            var sb = new StringBuilder();
            int pos = start;
            for (int k = e; k < groupEnd; k++)
            {
                sb.Append(text, pos, edits[k].Span.Start - pos).Append(edits[k].NewText);
                pos = edits[k].Span.End;
            }
            sb.Append(text, pos, end - pos);
            string replaced = sb.ToString();
            if (first == 0 && source.Encoding is { HasBom: true, CodePage: 65001 } && lineCount > 0) replaced = "\uFEFF" + replaced;
            string original = last >= first ? string.Concat(Enumerable.Range(first, last - first + 1).Select(Line)) : "";
            if (!string.Equals(original, replaced, StringComparison.Ordinal))
                groups.Add(new Group(first, last, SplitLines(replaced)));
            e = groupEnd;
        }
        if (groups.Count == 0) return "";

        var output = new StringBuilder();
        output.Append("--- a/").Append(path).Append('\n');
        output.Append("+++ b/").Append(path).Append('\n');
        int delta = 0; // new line number minus old line number before the current hunk
        int g = 0;
        while (g < groups.Count)
        {
            // Groups closer than twice the context share one hunk, as diff -u does.
            int h = g + 1;
            while (h < groups.Count && groups[h].FirstLine - groups[h - 1].LastLine - 1 <= 2 * ContextLines) h++;
            int from = Math.Max(0, groups[g].FirstLine - ContextLines);
            int to = Math.Min(lineCount - 1, Math.Max(groups[h - 1].LastLine, groups[h - 1].FirstLine - 1) + ContextLines);
            var body = new StringBuilder();
            int oldCount = 0, newCount = 0, line = from;
            for (int k = g; k < h; k++)
            {
                for (; line < groups[k].FirstLine; line++, oldCount++, newCount++) AppendLine(body, ' ', Line(line));
                for (; line <= groups[k].LastLine; line++, oldCount++) AppendLine(body, '-', Line(line));
                foreach (var n in groups[k].NewLines) { AppendLine(body, '+', n); newCount++; }
            }
            for (; line <= to; line++, oldCount++, newCount++) AppendLine(body, ' ', Line(line));
            // An empty range is numbered by the line before it (diff -u's convention).
            int oldStart = oldCount == 0 ? from : from + 1;
            int newStart = newCount == 0 ? from + delta : from + delta + 1;
            output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
            output.Append(body);
            delta += newCount - oldCount;
            g = h;
        }
        return output.ToString();
    }

    private static string Range(int start, int count) => count == 1 ? start.ToString() : $"{start},{count}";

    private static void AppendLine(StringBuilder sb, char prefix, string line)
    {
        sb.Append(prefix).Append(line);
        if (line.Length == 0 || line[^1] != '\n')
            sb.Append("\n\\ No newline at end of file\n");
    }

    private static int LineOf(List<int> starts, int offset)
    {
        int i = starts.BinarySearch(offset);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>Lines with their LF terminators; a final piece without one is a line too.</summary>
    private static string[] SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines.ToArray();
    }
}
