using TextLint.Core.Tests.Rules;
using TextLint.Documents;
using TextLint.Text;

namespace TextLint.Core.Tests.Analysis.Formats;

public class MarkdownReaderTests
{
    // These tests are about which text is prose, so the rule fires in direct speech and block quotes too.
    internal const string TokenRule = """
        id: XX0001
        title: Test tokens
        message: "'{match}' found."
        category: Test
        kind: existence
        tokens: [reportedly, Kiev, Kiev regime]
        speech: include
        """;

    private static Document Read(string markdown) => Document.Create(SourceText.From(markdown, "test.md"));

    /// <summary>Each construct that is not prose hides the token; the same token in the prose beside it is reported exactly.</summary>
    [Theory]
    [InlineData("fenced code", "```\nreportedly\n```\nHe [|reportedly|] left.")]
    [InlineData("fenced code with info string", "```reportedly\nKiev\n```\n\n[|Kiev|] talks.")]
    [InlineData("tilde fence", "~~~\nreportedly\n~~~\nHe [|reportedly|] left.")]
    [InlineData("indented code", "Text.\n\n    reportedly\n\nHe [|reportedly|] left.")]
    [InlineData("inline code", "Use `reportedly` as [|reportedly|] is.")]
    [InlineData("double-backtick code", "Use ``Kiev `x` reportedly`` in [|Kiev|].")]
    [InlineData("YAML front matter", "---\ntitle: Kiev reportedly\n---\n[|Kiev|] [|reportedly|].")]
    [InlineData("YAML front matter closed by dots", "---\ntags: [Kiev]\n...\n\n[|Kiev|].")]
    [InlineData("TOML front matter", "+++\ntitle = \"Kiev reportedly\"\n+++\n[|Kiev|] [|reportedly|].")]
    [InlineData("link destination and title", "[[|Kiev|] talks](https://example.com/kiev-reportedly \"Kiev reportedly\") [|reportedly|].")]
    [InlineData("link destination in angle brackets", "[[|Kiev|]](<kiev reportedly.html>) ok.")]
    [InlineData("image destination and title", "![[|Kiev|] skyline](kiev.png \"reportedly\") [|reportedly|].")]
    [InlineData("reference definition", "See [[|Kiev|]][r].\n\n[r]: https://example.com/kiev \"reportedly\"")]
    [InlineData("reference link label", "See [the city][kiev] and [|Kiev|].\n\n[kiev]: https://example.com/")]
    [InlineData("autolink", "See <https://example.com/reportedly> [|reportedly|].")]
    [InlineData("e-mail autolink", "Write to <kiev@example.com> in [|Kiev|].")]
    [InlineData("bare URL", "See https://example.com/kiev-reportedly and [|Kiev|].")]
    [InlineData("bare path", "See /news/kiev-reportedly-explained and [|Kiev|].")]
    [InlineData("bare e-mail address", "Write to desk.kiev@example.com in [|Kiev|].")]
    [InlineData("bare URL in a table cell", "|a|b|\n|-|-|\n|https://example.com/kiev|[|Kiev|]|")]
    [InlineData("HTML block", "<div>\nKiev reportedly\n</div>\n\n[|Kiev|] [|reportedly|].")]
    [InlineData("HTML comment block", "<!-- Kiev reportedly -->\n\n[|Kiev|].")]
    [InlineData("multi-line HTML comment", "<!--\nKiev\nreportedly\n-->\n\n[|Kiev|].")]
    [InlineData("inline HTML tag attribute", "A <span title=\"reportedly\">[|Kiev|]</span> word.")]
    [InlineData("inline HTML comment", "A <!-- reportedly --> [|Kiev|] word.")]
    [InlineData("footnote mark", "Talks[^kiev] in [|Kiev|].\n\n[^kiev]: [|Reportedly|] so.")]
    [InlineData("task list mark", "- [x] [|Kiev|] checked\n- [ ] [|reportedly|] not")]
    [InlineData("heading markers", "## [|Kiev|] ##\n\nSetext [|Kiev|]\n---")]
    [InlineData("thematic break", "[|Kiev|]\n\n***\n\n[|reportedly|]")]
    public void NonProse_IsNotReported_ButAdjacentProseIs(string construct, string markup)
    {
        _ = construct;
        KindTestHelper.Verify(TokenRule, markup, "test.md");
    }

    [Theory]
    [InlineData("emphasis", "*[|Kiev|]* and _[|reportedly|]_ and **[|Kiev|]** and __[|Kiev|]__.")]
    [InlineData("emphasised phrase across markers", "The *[|Kiev* regime|] and the [|Kiev **regime|]**.")]
    [InlineData("strikethrough", "~~[|reportedly|]~~ gone.")]
    [InlineData("link text as a phrase", "The [[|Kiev regime|]](http://x) said.")]
    [InlineData("link text split by the destination", "The [[|Kiev|]](http://x) [|reportedly|] [regime](http://y).")]
    [InlineData("list item", "- [|reportedly|]\n- [|Kiev|]\n  continued\n1. [|Kiev|]")]
    [InlineData("nested list", "- a\n  - [|Kiev|]\n    - [|reportedly|]")]
    [InlineData("block quote", "> [|Kiev|]\n> > [|reportedly|]\nlazy [|Kiev|]")]
    [InlineData("table cells", "| a | b |\n|---|---|\n| [|Kiev|] | [|reportedly|] |")]
    [InlineData("escapes", "\\*[|Kiev|]\\* and \\[[|reportedly|]\\]")]
    [InlineData("entity before a word", "&ldquo;[|Kiev|]&rdquo; &amp; [|reportedly|]")]
    [InlineData("hard line break", "[|Kiev|]\\\n[|reportedly|]  \n[|Kiev|]")]
    public void Prose_IsReportedExactly(string construct, string markup)
    {
        _ = construct;
        KindTestHelper.Verify(TokenRule, markup, "test.md");
    }

    [Fact]
    public void HeadingWithATabAfterItsMarker_IsReadAtTheRightPlace()
    {
        // Markdig shifts the inline spans of such a heading by three; the reader checks every span.
        KindTestHelper.Verify(TokenRule, "## \t[|Kiev|] &amp; [|reportedly|]\n\nText.", "test.md");
        var doc = Read("#\tKiev &amp; talks\n");
        Assert.Equal("Kiev &amp; talks", doc.Source.ToString(doc.Title!.Value));
        Assert.Equal("  Kiev &     talks\n", doc.Prose);
    }

    [Fact]
    public void TableCells_DoNotReadAsOnePhrase()
    {
        // "Kiev regime" is a token; two cells "Kiev" and "regime" are not that phrase.
        KindTestHelper.Verify(TokenRule, "| City | Word |\n|---|---|\n| [|Kiev|] | regime |\n\nThe [|Kiev regime|].");
    }

    [Fact]
    public void Prose_KeepsLengthAndLineBreaks_AndOnlySourceCharacters()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "markdown"), "*.md"))
        {
            var source = new SourceText(path, File.ReadAllText(path));
            var doc = Document.Create(source);
            Assert.Equal(source.Length, doc.Prose.Length);
            for (int i = 0; i < source.Length; i++)
            {
                char s = source.Text[i], p = doc.Prose[i];
                if (s is '\r' or '\n') Assert.Equal(s, p);
                else if (p != ' ' && p != s)
                    // The only characters not copied from the source are decoded entities, at their '&'.
                    Assert.Equal('&', s);
            }
        }
    }

    [Fact]
    public void Markup_IsBlankedInTheProseView()
    {
        var doc = Read("# Title *x*\n\n> [a](http://b) `c` <i>d</i>\n");
        Assert.Equal(
            "  Title  x \n" +
            "\n" +
            "   a" + new string(' ', 11) + " " + "   " + " " + "   " + "d" + "    " + "\n", doc.Prose);
    }

    [Fact]
    public void SuppressionComments_StayInTheSource_ButNotInTheProse()
    {
        string text = "<!-- textlint-disable TL1001 -->\n\nHe left. <!-- textlint-enable -->\n";
        var doc = Read(text);
        Assert.Equal(text, doc.Source.Text);
        Assert.DoesNotContain("textlint", doc.Prose);
        Assert.Contains("He left.", doc.Prose);
    }

    [Fact]
    public void Title_IsTheFirstH1_AndHeadingsAreListedInOrder()
    {
        var doc = Read("## Kicker\n\n# The headline *now*\n\nText.\n\nSub\n---\n");
        Assert.Equal("The headline *now*", doc.Source.ToString(doc.Title!.Value));
        Assert.Equal(["Kicker", "The headline *now*", "Sub"], doc.Headings.Select(h => doc.Source.ToString(h)));
    }

    [Fact]
    public void Title_IsTheFirstHeading_WithoutAnH1()
    {
        var doc = Read("Intro.\n\n## First\n\n### Second\n");
        Assert.Equal("First", doc.Source.ToString(doc.Title!.Value));
    }

    [Fact]
    public void Title_IsNotTakenFromAQuote_OrFromFrontMatter()
    {
        var doc = Read("---\ntitle: Front\n---\n> # Quoted\n\nText only.\n");
        Assert.Null(doc.Title);
        Assert.Equal(["Quoted"], doc.Headings.Select(h => doc.Source.ToString(h)));
    }

    [Fact]
    public void BlockQuotes_AreQuotedBlocks_OutermostOnly()
    {
        string text = "Intro.\n\n> He said\n> > it\n> twice.\n\nOut.\n\n> Again.\n";
        var doc = Read(text);
        Assert.Equal(["> He said\n> > it\n> twice.", "> Again."], doc.QuotedBlocks.Select(q => doc.Source.ToString(q)));
    }

    [Fact]
    public void PlainText_HasNoHeadingsOrQuotedBlocks_EvenWithMarkdownLookingLines()
    {
        var doc = Document.Create(SourceText.From("# Not a heading\n> not a quote\n", "a.txt"));
        Assert.Empty(doc.Headings);
        Assert.Empty(doc.QuotedBlocks);
        Assert.Equal("# Not a heading", doc.Source.ToString(doc.Title!.Value));
    }

    [Fact]
    public void UnclosedFrontMatter_IsAThematicBreak_AndTheRestIsProse()
    {
        KindTestHelper.Verify(TokenRule, "---\n[|Kiev|] talks.\n", "test.md");
    }

    [Fact]
    public void DeeplyNestedMarkdown_FallsBackToPlainText_WithAReason()
    {
        string text = new string('>', 5000) + " reportedly\n";
        var doc = Read(text);
        Assert.NotNull(doc.FallbackReason);
        Assert.Contains("plain text", doc.FallbackReason);
        Assert.Equal(text, doc.Prose);
    }

    [Fact]
    public void DeeplyNestedEmphasis_IsReadWithoutRecursion()
    {
        string text = new string('*', 20000) + "Kiev" + new string('*', 20000);
        var doc = Read(text);
        Assert.Null(doc.FallbackReason);
        Assert.Equal(text.IndexOf('K'), doc.Prose.IndexOf("Kiev", StringComparison.Ordinal));
        Assert.Equal(text.Length, doc.Prose.Length);
    }

    [Fact]
    public void Empty_AndWhitespaceOnly_AreRead()
    {
        Assert.Equal("", Read("").Prose);
        Assert.Equal("  \n \n", Read("  \n\t\n").Prose);
        Assert.Null(Read("\n\n").Title);
    }
}
