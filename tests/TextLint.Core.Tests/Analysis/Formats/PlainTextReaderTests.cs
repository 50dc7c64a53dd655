using CsCheck;
using TextLint.Core.Tests.Rules;
using TextLint.Documents;
using TextLint.Documents.Formats;
using TextLint.Text;

namespace TextLint.Core.Tests.Analysis.Formats;

public class PlainTextReaderTests
{
    private const string LabelRule = """
        id: XX0002
        title: Test labels
        message: "'{match}' found."
        category: Test
        kind: existence
        tokens: [regime change, regime, Kiev, reportedly, desk]
        """;

    [Theory]
    [InlineData("URL", "Read https://example.com/kiev-regime on the [|Kiev|] [|regime|].")]
    [InlineData("URL with query and fragment", "See http://example.com/a?q=kiev+regime#reportedly, then [|reportedly|].")]
    [InlineData("URL in parentheses", "([|Kiev|] https://en.wikipedia.org/wiki/Kiev_(disambiguation)) [|regime|]")]
    [InlineData("URL after a label", "Original: https://example.com/news/kiev-regime\n[|Kiev|].")]
    [InlineData("URL with a Cyrillic path", "https://ru.wikipedia.org/wiki/Киев_regime [|regime|]")]
    [InlineData("www address", "www.kiev-regime.com and [|Kiev|].")]
    [InlineData("host and path", "bbc.co.uk/news/kiev-regime and [|Kiev|].")]
    [InlineData("e-mail address", "Mail desk@kiev-regime.com or the [|desk|].")]
    [InlineData("mailto", "mailto:desk@example.com [|desk|]")]
    [InlineData("absolute path", "A path such as /news/regime-change-explained is not a [|regime change|].")]
    [InlineData("file path with extension", "/kiev-regime.html and ./drafts/kiev.txt and ../regime and ~/regime, [|regime|].")]
    [InlineData("relative path with extension", "Edit drafts/kiev-regime.md, the [|Kiev|] file.")]
    [InlineData("relative slug path", "news/2024/kiev-regime-falls [|regime|]")]
    [InlineData("Windows path", @"C:\news\kiev-regime.txt and \\server\regime\x, [|regime|].")]
    public void Addresses_AreNotProse(string what, string markup)
    {
        _ = what;
        KindTestHelper.Verify(LabelRule, markup, "story.txt");
    }

    [Theory]
    [InlineData("and/or", "[|Kiev|] and/or [|regime|]")]
    [InlineData("pronoun lists", "he/she/they said the [|regime|]/[|Kiev|] line")]
    [InlineData("fractions and dates", "1/2 of 24/7 on 12/05/2024 in [|Kiev|]")]
    [InlineData("single path-like segment", "a /[|regime|] aside")]
    [InlineData("a @handle", "@[|Kiev|] posted")]
    [InlineData("sentence end after a word with a dot", "U.S./[|Kiev|] ties. E.g. [|regime|].")]
    public void SlashesAndAts_InWords_StayProse(string what, string markup)
    {
        _ = what;
        KindTestHelper.Verify(LabelRule, markup, "story.txt");
    }

    [Theory]
    [InlineData("see https://example.com/x.", "https://example.com/x")]
    [InlineData("(https://example.com/x)", "https://example.com/x")]
    [InlineData("«https://example.com/x»,", "https://example.com/x")]
    [InlineData("Source:https://example.com/x", "https://example.com/x")]
    [InlineData("https://en.wikipedia.org/wiki/Foo_(bar).", "https://en.wikipedia.org/wiki/Foo_(bar)")]
    [InlineData("<desk@example.com>;", "desk@example.com")]
    public void Address_IsTrimmedOfTheSentenceAroundIt(string token, string address)
    {
        var (start, end) = NonProseScanner.Classify(token);
        Assert.Equal(address, token[start..end]);
    }

    [Fact]
    public void Prose_KeepsOffsets_AndTheSourceKeepsTheUrl()
    {
        string text = "Kiev talks\r\nOriginal: https://example.com/kiev\r\n";
        var doc = Document.Create(SourceText.From(text, "a.txt"));
        Assert.Equal(text.Length, doc.Prose.Length);
        Assert.Equal("Kiev talks\r\nOriginal: " + new string(' ', "https://example.com/kiev".Length) + "\r\n", doc.Prose);
        // Line-based rules (boilerplate) read the source, where the line is whole.
        Assert.Equal("Original: https://example.com/kiev", doc.Source.ToString(doc.Source.Lines.GetLineSpan(1, text)));
    }

    [Fact]
    public void Title_IsTheFirstNonEmptyLine_Trimmed()
    {
        var doc = Document.Create(SourceText.From("\n  \n  Kiev talks resume \nBody.\n", "a.txt"));
        Assert.Equal("Kiev talks resume", doc.Source.ToString(doc.Title!.Value));
        Assert.Equal(new LinePosition(2, 2), doc.Source.Lines.GetLinePosition(doc.Title.Value.Start));
    }

    [Fact]
    public void EmptyText_HasNoTitle() => Assert.Null(Document.Create(SourceText.From(" \n\n", "a.txt")).Title);

    /// <summary>
    /// Blank finds the address marks with vectorized searches and judges only the tokens around them;
    /// it must blank exactly what judging every token would. The reference is that token-by-token loop.
    /// </summary>
    [Fact]
    public void Blank_SearchingForMarks_EqualsJudgingEveryToken()
    {
        var piece = Gen.OneOf<string>("https://example.com/kiev-regime", "www.Example.org", "WWW.x.io/a", "a@b.co", "me@x",
            "/news/2024/a-b", "C:\\dir\\f.txt", "he/she", "and/or", "24/7", "(see ./docs/guide.md)", "word", "Kiev", " ", "  ", "\n",
            "\t", "|", "www.", "@", "/", "\\", ".", ",", "«", "»", "wWw.a-b.ru");
        Gen.Select(piece.Array[0, 30], Gen.String[Gen.Char, 0, 3], (parts, noise) => string.Concat(parts) + noise)
            .Sample(text =>
            {
                var fast = text.ToCharArray();
                NonProseScanner.Blank(fast);
                var reference = text.ToCharArray();
                ReferenceBlank(reference);
                Assert.Equal(new string(reference), new string(fast));
            }, iter: 3000);
    }

    private static void ReferenceBlank(Span<char> prose)
    {
        static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c == '|';
        int i = 0;
        while (i < prose.Length)
        {
            if (IsSeparator(prose[i])) { i++; continue; }
            int start = i;
            while (i < prose.Length && !IsSeparator(prose[i])) i++;
            var (s, e) = NonProseScanner.Classify(prose[start..i]);
            if (e > s) prose.Slice(start + s, e - s).Fill(' ');
        }
    }
}
