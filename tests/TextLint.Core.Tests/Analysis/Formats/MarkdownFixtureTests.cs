using TextLint.Core.Tests.Rules;
using TextLint.Documents;
using TextLint.Text;

namespace TextLint.Core.Tests.Analysis.Formats;

/// <summary>
/// The Markdown fixtures in tests/fixtures/markdown hold "reportedly" and "Kiev" in every construct;
/// only those in prose are reported, at the line and column a reader counts in the file (1-based,
/// UTF-16), whatever the line endings.
/// </summary>
public class MarkdownFixtureTests
{
    /// <summary>
    /// Where the findings of article.md are, from article.findings beside it (shared with the CLI tests):
    /// heading text, emphasis, link text, image alt text, block quotes, list items, table cells, text
    /// between inline HTML tags, between entities and between escapes — and nothing else.
    /// </summary>
    public static IReadOnlyList<(int Line, int Column, string Match)> ArticleFindings { get; } = ReadFindings("article.findings");

    internal static IReadOnlyList<(int Line, int Column, string Match)> ReadFindings(string name) =>
        File.ReadAllLines(Path.Combine(TestPaths.Fixtures, "markdown", name))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l =>
            {
                var parts = l.Split(' ', 2);
                var at = parts[0].Split(',');
                return (int.Parse(at[0]), int.Parse(at[1]), parts[1]);
            }).ToList();

    public static readonly (int Line, int Column, string Match)[] FrontMatterFindings =
    [
        (6, 20, "Kiev"),          // setext heading
        (9, 11, "reportedly"),
        (11, 17, "Kiev"),         // task list item
        (12, 7, "reportedly"),
        (14, 19, "Kiev"),         // footnote text
        (14, 34, "reportedly"),
    ];

    public static TheoryData<string> Articles => new() { "article.md", "article-crlf.md" };

    private static (SourceText Source, IReadOnlyList<(int, int, string)> Found) Lint(string name)
    {
        string path = Path.Combine(TestPaths.Fixtures, "markdown", name);
        var source = TextDecoder.Decode(name, File.ReadAllBytes(path)).Text!;
        var diagnostics = KindTestHelper.Engine(MarkdownReaderTests.TokenRule).Analyze(Document.Create(source)).Diagnostics;
        return (source, diagnostics.Select(d =>
        {
            var p = source.Lines.GetLinePosition(d.Span.Start);
            return (p.Line + 1, p.Character + 1, source.ToString(d.Span));
        }).ToList());
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void Article_ReportsProseOnly_AtExactLinesAndColumns(string name)
    {
        var (_, found) = Lint(name);
        Assert.Equal(ArticleFindings, found);
    }

    [Fact]
    public void CrlfFixture_HasCrlfLineBreaks()
    {
        // Guards the fixture itself: .gitattributes keeps git from converting it.
        string text = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "markdown", "article-crlf.md"));
        Assert.Equal(NewlineKinds.CrLf, LineIndex.Create(text).Newlines);
    }

    [Fact]
    public void TomlFrontMatter_SetextHeading_TaskListAndFootnote()
    {
        var (source, found) = Lint("front-matter.md");
        Assert.Equal(FrontMatterFindings, found);
        var doc = Document.Create(source);
        Assert.Equal("Setext title about Kiev", source.ToString(doc.Title!.Value));
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void Article_Structure(string name)
    {
        var (source, _) = Lint(name);
        var doc = Document.Create(source);
        Assert.Equal("Talks in Kiev stall", source.ToString(doc.Title!.Value));
        Assert.Equal(new LinePosition(5, 2), source.Lines.GetLinePosition(doc.Title.Value.Start));
        Assert.Single(doc.Headings);
        var quote = Assert.Single(doc.QuotedBlocks);
        Assert.Equal(new LinePosition(12, 0), source.Lines.GetLinePosition(quote.Start));
        Assert.Equal(new LinePosition(13, "> > Nested: Kiev.".Length), source.Lines.GetLinePosition(quote.End));
    }
}
