using System.Text;
using TextLint.Diagnostics;
using TextLint.Text;

namespace TextLint.Output.Diff;

/// <summary>
/// A unified diff (the format of <c>diff -u</c> and <c>git diff</c>) built straight from non-overlapping
/// edits: the changed lines are known exactly, so no line-matching algorithm is needed and the diff is
/// as small as the edits. Each line keeps its own terminator (CR LF stays CR LF), so <c>git apply</c>
/// and <c>patch -p1</c> reproduce the fixed file byte for byte; a UTF-8 byte-order mark is shown on line 1.
/// </summary>
public static class UnifiedDiff
{
    public const int ContextLines = 3;

    private readonly record struct Group(int FirstLine, int LastLine, string[] NewLines);

    /// <summary>The diff of applying <paramref name="edits"/> (sorted, non-overlapping, against <paramref name="source"/>); empty when nothing changes.</summary>
    public static string Create(SourceText source, IReadOnlyList<TextEdit> edits, string path)
    {
        string text = source.Text;
        var index = source.Lines;
        // The "line" after a final line break is empty and not a line of the file.
        int lineCount = index.LineCount;
        if (lineCount > 0 && index.GetLineSpanIncludingBreak(lineCount - 1).IsEmpty) lineCount--;
        string Line(int i)
        {
            string line = text.Substring(index.GetLineStart(i), index.GetLineSpanIncludingBreak(i).Length);
            return i == 0 && source.Encoding is { HasBom: true, CodePage: 65001 } ? "\uFEFF" + line : line;
        }

        // Edits whose line ranges overlap form one group: its old lines are replaced by its new lines.
        var groups = new List<Group>();
        int e = 0;
        while (e < edits.Count)
        {
            var (first, last) = LinesOf(index, edits[e].Span, lineCount);
            int groupEnd = e + 1;
            while (groupEnd < edits.Count)
            {
                var (f, l) = LinesOf(index, edits[groupEnd].Span, lineCount);
                if (f > last) break;
                last = Math.Max(last, l);
                groupEnd++;
            }
            int start = first < lineCount ? index.GetLineStart(first) : text.Length;
            int end = last >= first ? index.GetLineSpanIncludingBreak(last).End : start;
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
        if (line.Length == 0 || (line[^1] != '\n' && line[^1] != '\r'))
            sb.Append("\n\\ No newline at end of file\n");
    }

    /// <summary>First and last line an edit touches; an insertion after the final line break touches none (last = first - 1).</summary>
    private static (int First, int Last) LinesOf(LineIndex index, TextSpan span, int lineCount)
    {
        int first = index.GetLineFromOffset(span.Start);
        int last = span.IsEmpty ? first : index.GetLineFromOffset(span.End - 1);
        if (first >= lineCount) return (lineCount, lineCount - 1);
        return (first, Math.Min(last, lineCount - 1));
    }

    /// <summary>Lines with their terminators; a final piece without one is a line too.</summary>
    private static string[] SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines.ToArray();
    }
}
