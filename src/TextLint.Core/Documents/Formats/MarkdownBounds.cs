namespace TextLint.Documents.Formats;

/// <summary>
/// Where a Markdown file stops being sensible Markdown, found in one linear pass over its lines before
/// the parser sees it. Markdig's time grows faster than the input on two shapes: containers nested by
/// indentation or markers (each line walks every open container: a list nested 2,000 deep costs
/// 2,000 steps a line) and link reference definitions by the thousand. Past <see cref="MaxDepth"/>
/// levels or <see cref="MaxReferenceDefinitions"/> definitions, the reader parses the Markdown before
/// that line and lints the rest as plain text, with a notification: linear time on any input.
/// </summary>
internal static class MarkdownBounds
{
    /// <summary>Deeper than any document a person writes (Markdig itself gives up at 128).</summary>
    public const int MaxDepth = 32;

    /// <summary>Far more than a long README uses; a few thousand already cost the parser seconds.</summary>
    public const int MaxReferenceDefinitions = 1000;

    /// <summary>The start of the first line past a bound, with the reason; (-1, null) when the whole text is within bounds.</summary>
    public static (int Cut, string? Reason) Find(string text)
    {
        int definitions = 0, line = 0;
        for (int start = 0; start < text.Length; line++)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl;
            var s = text.AsSpan(start, end - start);
            int depth = Depth(s, out int content);
            if (depth > MaxDepth)
                return (start, $"the Markdown nests more than {MaxDepth} levels deep at line {line + 1}; from there on it was linted as plain text");
            if (IsReferenceDefinition(s, content) && ++definitions > MaxReferenceDefinitions)
                return (start, $"the Markdown has more than {MaxReferenceDefinitions:N0} link reference definitions; from line {line + 1} on it was linted as plain text");
            if (nl < 0) break;
            start = nl + 1;
        }
        return (-1, null);
    }

    /// <summary>
    /// An upper bound on how many containers a line that opens one can be inside: half its indentation (a
    /// list nests a level per two columns at the least) plus the block quote and list markers on it.
    /// </summary>
    private static int Depth(ReadOnlySpan<char> line, out int content)
    {
        int columns = 0, markers = 0, i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (c == ' ') { columns++; i++; continue; }
            if (c == '\t') { columns += 4; i++; continue; }
            if (c == '>') { markers++; i++; continue; }
            if (c is '-' or '+' or '*' && i + 1 < line.Length && line[i + 1] is ' ' or '\t') { markers++; i++; continue; }
            if (char.IsAsciiDigit(c))
            {
                int j = i;
                while (j < line.Length && j - i < 9 && char.IsAsciiDigit(line[j])) j++;
                if (j < line.Length - 1 && line[j] is '.' or ')' && line[j + 1] is ' ' or '\t') { markers++; i = j + 1; continue; }
            }
            break;
        }
        content = i;
        // Indentation alone opens nothing (an indented line is code or a continuation): only a line that
        // opens a container can nest deeper than the ones before it.
        return markers == 0 ? 0 : columns / 2 + markers;
    }

    /// <summary>"[label]: destination" at the start of the line's content.</summary>
    private static bool IsReferenceDefinition(ReadOnlySpan<char> line, int content)
    {
        if (content >= line.Length || line[content] != '[') return false;
        int close = line[(content + 1)..].IndexOf("]:", StringComparison.Ordinal);
        return close > 0;
    }
}
