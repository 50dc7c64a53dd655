using TextLint.Documents;
using TextLint.Testing;
using TextLint.Text;

namespace TextLint.Core.Tests.Analysis.Segmentation;

internal static class SegmentationTestHelper
{
    public static Document Doc(string text, string path = "test.txt") => Document.Create(SourceText.From(text, path));

    /// <summary>Asserts that the spans chosen from a document of the markup's text are exactly the marked ones.</summary>
    public static void Verify(string markup, Func<Document, IEnumerable<TextSpan>> select, string path = "test.txt")
    {
        var (text, expected) = TestMarkup.Parse(markup);
        var actual = select(Doc(text, path)).Order().ToList();
        Assert.Equal(TestMarkup.Render(text, expected), TestMarkup.Render(text, actual));
    }

    public static string[] Texts(Document d, IEnumerable<TextSpan> spans) => spans.Select(s => d.Prose.Substring(s.Start, s.Length)).ToArray();
}
