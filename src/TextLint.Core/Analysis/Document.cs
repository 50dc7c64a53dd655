using TextLint.Text;

namespace TextLint.Analysis;

public enum DocumentFormat { PlainText, Markdown }

/// <summary>
/// A source text prepared for rules. <see cref="Prose"/> is the text with everything that is not prose
/// (markup, code, URLs) blanked to spaces, keeping every offset, so a rule that matches the prose view
/// reports positions that are already right in the original file.
/// </summary>
public sealed class Document
{
    private Document(SourceText source, DocumentFormat format, string prose)
    {
        Source = source;
        Format = format;
        Prose = prose;
    }

    public SourceText Source { get; }

    public DocumentFormat Format { get; }

    /// <summary>The text rules match: same length as the source, non-prose characters replaced by spaces.</summary>
    public string Prose { get; }

    public string Path => Source.Path;

    public static Document Create(SourceText source, DocumentFormat? format = null)
    {
        var f = format ?? FormatOf(source.Path);
        return new Document(source, f, source.Text);
    }

    public static DocumentFormat FormatOf(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)
            ? DocumentFormat.Markdown
            : DocumentFormat.PlainText;
}
