using System.Text;
using TextLint.Documents;
using TextLint.Text;

namespace TextLint.Core.Tests.Analysis.Formats;

/// <summary>
/// Whatever the input, a reader never throws and its prose view is the source with characters blanked:
/// same length, same line breaks, and every other character either a space or the source's own (a
/// decoded entity, at its '&amp;', is the one exception).
/// </summary>
public class ProseInvariantTests
{
    private static readonly string[] Pieces =
    [
        "Kiev", "reportedly", " ", " ", "  ", "\n", "\n", "\r\n", "\r", "\t", "#", "## ", "> ", ">", "- ", "* ", "1. ", "+ ",
        "*", "**", "_", "__", "~~", "`", "```", "~~~", "    ", "[", "]", "(", ")", "![", "](", "<", ">", "</", "<!--", "-->",
        "&amp;", "&ldquo;", "&#x41;", "&bogus;", "\\", "\\*", "|", "|---|", "---", "+++", "...", "[^1]", "[^1]: ", "[x]: ",
        "https://example.com/a", "a@b.co", "/a/b", "\"", "'", "😀", "é", "Киев", "{", "}", "=", "===", ":",
    ];

    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 8));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomMarkup_KeepsTheInvariants(int seed)
    {
        var random = new Random(seed);
        for (int n = 0; n < 300; n++)
        {
            var sb = new StringBuilder();
            int count = random.Next(0, 60);
            for (int i = 0; i < count; i++) sb.Append(Pieces[random.Next(Pieces.Length)]);
            string text = sb.ToString();
            foreach (string path in new[] { "a.md", "a.txt" })
            {
                var doc = Document.Create(SourceText.From(text, path));
                AssertInvariants(text, doc.Prose, path);
                foreach (var span in doc.Headings.Concat(doc.QuotedBlocks).Concat(doc.Title is { } t ? [t] : []))
                    Assert.True(span.Start >= 0 && span.End <= text.Length, $"{path}: span {span} outside the text: {Escape(text)}");
            }
        }
    }

    private static void AssertInvariants(string source, string prose, string path)
    {
        Assert.True(source.Length == prose.Length, $"{path}: length differs for {Escape(source)}");
        for (int i = 0; i < source.Length; i++)
        {
            char s = source[i], p = prose[i];
            if (s is '\r' or '\n' || p is '\r' or '\n')
                Assert.True(s == p, $"{path}: line break changed at {i} in {Escape(source)}");
            else if (p != ' ' && p != s)
                Assert.True(s == '&', $"{path}: '{p}' at {i} is not from the source: {Escape(source)}");
        }
    }

    private static string Escape(string s) => s.Replace("\r", "\\r").Replace("\n", "\\n");
}
