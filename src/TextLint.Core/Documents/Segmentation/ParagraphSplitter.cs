using System.Collections.Immutable;
using TextLint.Text;

namespace TextLint.Documents.Segmentation;

/// <summary>
/// Lines and paragraphs of the prose view. A paragraph is a block of non-blank lines between blank
/// lines; in plain text that is not hard-wrapped (scraped articles keep one paragraph per line, often
/// without blank lines between them) every line is a paragraph. Headings are always paragraphs of
/// their own.
/// </summary>
public static class ParagraphSplitter
{
    /// <summary>Lines longer than this are not hard-wrapped prose.</summary>
    private const int WrapWidth = 150;

    /// <summary>Every non-blank line, trimmed of white space.</summary>
    public static ImmutableArray<TextSpan> Lines(string prose, LineIndex lines)
    {
        var b = ImmutableArray.CreateBuilder<TextSpan>(lines.LineCount);
        for (int i = 0; i < lines.LineCount; i++)
        {
            var t = Trim(prose, lines.GetLineSpan(i, prose));
            if (!t.IsEmpty) b.Add(t);
        }
        return b.ToImmutable();
    }

    /// <summary>
    /// True when the text reads as hard-wrapped: no line is longer than a wrap width, and some line ends
    /// mid-sentence (a lower-case letter or a comma) with the next line going on in lower case.
    /// </summary>
    public static bool LooksHardWrapped(string prose, ImmutableArray<TextSpan> lines)
    {
        bool continued = false;
        for (int i = 0; i < lines.Length; i++)
        {
            var l = lines[i];
            if (l.Length > WrapWidth) return false;
            if (continued || i + 1 >= lines.Length) continue;
            char last = prose[l.End - 1];
            char next = prose[lines[i + 1].Start];
            // Only adjacent lines (one line break between them) can be one wrapped paragraph.
            if ((char.IsLower(last) || last == ',') && char.IsLower(next) && IsSingleBreak(prose, l.End, lines[i + 1].Start))
                continued = true;
        }
        return continued;
    }

    /// <summary>Paragraphs from the trimmed non-blank <paramref name="lines"/>.</summary>
    public static ImmutableArray<TextSpan> Split(string prose, ImmutableArray<TextSpan> lines, bool blankLineSeparated, ImmutableArray<TextSpan> headings)
    {
        var sortedHeadings = headings.IsDefaultOrEmpty ? ImmutableArray<TextSpan>.Empty : headings.Sort();
        var b = ImmutableArray.CreateBuilder<TextSpan>();
        int start = -1, end = -1, h = 0;
        bool openIsHeading = false;
        for (int i = 0; i < lines.Length; i++)
        {
            var l = lines[i];
            while (h < sortedHeadings.Length && sortedHeadings[h].End <= l.Start) h++;
            bool heading = h < sortedHeadings.Length && sortedHeadings[h].OverlapsWith(l);
            if (start >= 0 && (!blankLineSeparated || heading || openIsHeading || !IsSingleBreak(prose, end, l.Start)))
            {
                b.Add(TextSpan.FromBounds(start, end));
                start = -1;
            }
            if (start < 0) { start = l.Start; openIsHeading = heading; }
            end = l.End;
        }
        if (start >= 0) b.Add(TextSpan.FromBounds(start, end));
        return b.ToImmutable();
    }

    /// <summary>True when only white space with at most one line break lies between two offsets.</summary>
    private static bool IsSingleBreak(string prose, int from, int to)
    {
        int breaks = 0;
        for (int i = from; i < to; i++)
        {
            char c = prose[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= to || prose[i + 1] != '\n'))) breaks++;
            else if (!char.IsWhiteSpace(c)) return false;
        }
        return breaks <= 1;
    }

    public static TextSpan Trim(string text, TextSpan span) => Trim(text.AsSpan(), span);

    /// <summary>The span without white space at either end.</summary>
    public static TextSpan Trim(ReadOnlySpan<char> text, TextSpan span)
    {
        int s = span.Start, e = span.End;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return TextSpan.FromBounds(s, e);
    }
}
