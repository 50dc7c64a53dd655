using System.Collections.Immutable;
using TextLint.Text;

namespace TextLint.Analysis;

public enum DocumentFormat { PlainText, Markdown }

/// <summary>
/// A source text prepared for rules. <see cref="Prose"/> is the text with everything that is not prose
/// (markup, code, URLs) blanked to spaces, keeping every offset, so a rule that matches the prose view
/// reports positions that are already right in the original file. The format-specific reader (plain
/// text or Markdown) decides the prose view and the structure (title, headings, quoted blocks);
/// segmentation into paragraphs, sentences and quotations works on the prose view for both.
/// </summary>
public sealed partial class Document
{
    private Document(SourceText source, DocumentFormat format, DocumentStructure structure)
    {
        Source = source;
        Format = format;
        Prose = structure.Prose;
        Title = structure.Title;
        Headings = structure.Headings;
        QuotedBlocks = structure.QuotedBlocks;
    }

    public SourceText Source { get; }

    public DocumentFormat Format { get; }

    /// <summary>The text rules match: same length as the source, non-prose characters replaced by spaces.</summary>
    public string Prose { get; }

    /// <summary>The article's title: a plain-text article's first non-empty line; Markdown's first H1 (or first heading).</summary>
    public TextSpan? Title { get; }

    /// <summary>Headings (Markdown), in order; empty for plain text.</summary>
    public ImmutableArray<TextSpan> Headings { get; }

    /// <summary>Blocks that are quoted material as a whole (Markdown block quotes).</summary>
    public ImmutableArray<TextSpan> QuotedBlocks { get; }

    public string Path => Source.Path;

    public static Document Create(SourceText source, DocumentFormat? format = null)
    {
        var f = format ?? FormatOf(source.Path);
        return new Document(source, f, DocumentStructure.Read(source, f));
    }

    public static DocumentFormat FormatOf(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)
            ? DocumentFormat.Markdown
            : DocumentFormat.PlainText;
}

/// <summary>What a format reader extracts from a source: the prose view and the document's structure.</summary>
public sealed record DocumentStructure(string Prose, TextSpan? Title, ImmutableArray<TextSpan> Headings, ImmutableArray<TextSpan> QuotedBlocks)
{
    public static DocumentStructure Read(SourceText source, DocumentFormat format) =>
        // Markdown gets its own reader (Markdig) in the Markdown issue; until then both formats are read as plain text.
        PlainText(source);

    /// <summary>Plain text: all of it is prose; the first non-empty line is the title.</summary>
    public static DocumentStructure PlainText(SourceText source)
    {
        string text = source.Text;
        TextSpan? title = null;
        var lines = source.Lines;
        for (int i = 0; i < lines.LineCount; i++)
        {
            var span = lines.GetLineSpan(i, text);
            var trimmed = text.AsSpan(span.Start, span.Length);
            int lead = trimmed.Length - trimmed.TrimStart().Length;
            int trail = trimmed.Length - trimmed.TrimEnd().Length;
            if (lead + trail >= span.Length) continue;
            title = TextSpan.FromBounds(span.Start + lead, span.End - trail);
            break;
        }
        return new DocumentStructure(text, title, ImmutableArray<TextSpan>.Empty, ImmutableArray<TextSpan>.Empty);
    }
}
