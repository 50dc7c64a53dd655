using System.Collections.Immutable;
using TextLint.Documents.Formats;
using TextLint.Text;

namespace TextLint.Documents;

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
        FallbackReason = structure.FallbackReason;
    }

    public SourceText Source { get; }

    public DocumentFormat Format { get; }

    /// <summary>The text rules match: same length as the source, non-prose characters replaced by spaces.</summary>
    public string Prose { get; }

    /// <summary>The article's title: a plain-text article's first non-empty line; Markdown's first H1 (or first heading).</summary>
    public TextSpan? Title { get; }

    /// <summary>
    /// Markdown headings in document order (including those inside block quotes and lists), each the
    /// span of its text without the '#' or underline markers; empty for plain text.
    /// </summary>
    public ImmutableArray<TextSpan> Headings { get; }

    /// <summary>Blocks that are quoted material as a whole (Markdown block quotes).</summary>
    public ImmutableArray<TextSpan> QuotedBlocks { get; }

    /// <summary>Why the document was not read as its format (see <see cref="DocumentStructure.FallbackReason"/>); null normally.</summary>
    public string? FallbackReason { get; }

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
    /// <summary>
    /// Set when the reader could not read the document as its format and fell back (Markdown nested too
    /// deeply for the parser is read as plain text); the runner turns it into a notification.
    /// </summary>
    public string? FallbackReason { get; init; }

    public static DocumentStructure Read(SourceText source, DocumentFormat format) => format switch
    {
        DocumentFormat.Markdown => MarkdownReader.Read(source),
        _ => PlainTextReader.Read(source),
    };

    /// <summary>Plain text: all of it is prose but URLs, e-mail addresses and paths; the first non-empty line is the title.</summary>
    public static DocumentStructure PlainText(SourceText source) => PlainTextReader.Read(source);

    /// <summary>Markdown: the text of paragraphs, headings, lists, quotes and tables is prose; markup and code are not.</summary>
    public static DocumentStructure Markdown(SourceText source) => MarkdownReader.Read(source);
}
