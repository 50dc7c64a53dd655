namespace TextLint.Documents.Formats;

/// <summary>
/// Front matter at the very start of a Markdown file: YAML between <c>---</c> and <c>---</c> (or
/// <c>...</c>), as Jekyll, Hugo and Pandoc write it, or TOML between <c>+++</c> lines (Hugo). Found here
/// rather than by Markdig's YAML extension so both kinds are handled alike, and so the parser can be
/// handed the text with the block blanked: its offsets then stay those of the file.
/// </summary>
internal static class FrontMatter
{
    /// <summary>The end (exclusive, before its line break) of the front matter's closing line, or 0 when the text has none.</summary>
    public static int Measure(string text)
    {
        int firstEnd = LineEnd(text, 0);
        var first = text.AsSpan(0, firstEnd).TrimEnd(" \t");
        bool yaml = first.SequenceEqual("---"), toml = first.SequenceEqual("+++");
        if (!yaml && !toml) return 0;
        int pos = NextLine(text, firstEnd);
        while (pos < text.Length)
        {
            int end = LineEnd(text, pos);
            var line = text.AsSpan(pos, end - pos).TrimEnd(" \t");
            if (yaml ? line.SequenceEqual("---") || line.SequenceEqual("...") : line.SequenceEqual("+++")) return end;
            pos = NextLine(text, end);
        }
        // Never closed: not front matter, but (for "---") a thematic break the Markdown parser will read as such.
        return 0;
    }

    private static int LineEnd(string text, int from)
    {
        int i = text.AsSpan(from).IndexOfAny('\r', '\n');
        return i < 0 ? text.Length : from + i;
    }

    private static int NextLine(string text, int lineEnd)
    {
        if (lineEnd >= text.Length) return text.Length;
        return text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? lineEnd + 2 : lineEnd + 1;
    }
}
