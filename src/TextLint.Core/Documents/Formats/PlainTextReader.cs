using System.Collections.Immutable;
using TextLint.Text;

namespace TextLint.Documents.Formats;

/// <summary>
/// Reads plain text (.txt and anything that is not Markdown): all of it is prose except URLs, e-mail
/// addresses and file paths, which are blanked; the first non-empty line is the title.
/// </summary>
public static class PlainTextReader
{
    public static DocumentStructure Read(SourceText source)
    {
        string text = source.Text;
        // Most articles hold no address at all: then the prose is the text itself, not a copy of it.
        string prose = NonProseScanner.MayHoldAddress(text)
            ? string.Create(text.Length, text, static (chars, t) => { t.CopyTo(chars); NonProseScanner.Blank(chars); })
            : text;
        return new DocumentStructure(prose, FirstNonEmptyLine(source), ImmutableArray<TextSpan>.Empty, ImmutableArray<TextSpan>.Empty);
    }

    private static TextSpan? FirstNonEmptyLine(SourceText source)
    {
        string text = source.Text;
        var lines = source.Lines;
        for (int i = 0; i < lines.LineCount; i++)
        {
            var span = lines.GetLineSpan(i, text);
            var line = text.AsSpan(span.Start, span.Length);
            int lead = line.Length - line.TrimStart().Length;
            int trail = line.Length - line.TrimEnd().Length;
            if (lead + trail >= span.Length) continue;
            return TextSpan.FromBounds(span.Start + lead, span.End - trail);
        }
        return null;
    }
}
