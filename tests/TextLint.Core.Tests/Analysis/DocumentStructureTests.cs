using TextLint.Documents;
using TextLint.Engine;
using TextLint.Core.Tests.Rules;
using TextLint.Diagnostics;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Core.Tests.Analysis;

/// <summary>
/// Structure is not prose: Markdown list items, table cells, headings and alt text are units of their
/// own, and invisible characters inside a word do not hide it from the rules (issues #13 and #19).
/// </summary>
public class DocumentStructureTests
{
    private static readonly Lazy<LintEngine> Bundled = new(() => new LintEngine(RuleSet.Compile(BundledPackTests.LoadBundled().Rules)));

    private static IReadOnlyList<Diagnostic> Lint(string text, string path) =>
        Bundled.Value.Analyze(Document.Create(SourceText.From(text, path))).Diagnostics;

    private static IEnumerable<string> Found(string text, string path, string rule) =>
        Lint(text, path).Where(d => d.Descriptor.Id == rule).Select(d => text[d.Span.Start..d.Span.End]);

    /// <summary>How many times the test token rule ("reportedly", "Kiev") fires in a Markdown text.</summary>
    private static int Tokens(string markdown) =>
        KindTestHelper.Engine(Formats.MarkdownReaderTests.TokenRule).Analyze(Read(markdown)).Diagnostics.Length;

    private static Document Read(string markdown) => Document.Create(SourceText.From(markdown, "test.md"));

    [Fact]
    public void ListItems_AreSentenceBoundaries_SoALowerCaseItemDoesNotRunIntoTheNext()
    {
        // The fantasy exception reads the sentence: "a fantasy film premiered" is another item, not context.
        string md = "Comments on the forum:\n\n- the refugees are vermin\n- a fantasy film premiered\n";
        Assert.Equal(["vermin"], Found(md, "post.md", "TL3003"));
        var doc = Read(md);
        Assert.Contains(doc.Sentences, s => md[s.Start..s.End] == "the refugees are vermin");
        Assert.Contains(doc.Sentences, s => md[s.Start..s.End] == "a fantasy film premiered");
    }

    [Fact]
    public void TableCells_AreUnitsOfTheirOwn_NotOneLongSentence()
    {
        var rows = string.Join("\n", Enumerable.Range(1, 12).Select(i => $"| package number {i} | builds on every platform we support | yes |"));
        string md = $"# Packages\n\n| name | status | ok |\n| --- | --- | --- |\n{rows}\n";
        var doc = Read(md);
        Assert.All(doc.Sentences, s => Assert.DoesNotContain('\n', md[s.Start..s.End]));
        Assert.Contains(doc.Paragraphs, p => md[p.Start..p.End] == "builds on every platform we support");
        Assert.Empty(Found(md, "t.md", "TL8502"));
        Assert.Empty(Found(md, "t.md", "TL8501"));
        Assert.Equal(BlockKind.TableCell, doc.Blocks.Single(b => md[b.Span.Start..b.Span.End] == "package number 3").Kind);
    }

    [Fact]
    public void TableHeader_AndTheAltTextUnderIt_AreNotARepeatedParagraph()
    {
        string md = "# Results\n\n| Build times across the supported platforms |\n| --- |\n| 3 min |\n\n![Build times across the supported platforms](chart.png)\n";
        Assert.Empty(Found(md, "t.md", "TL6001"));
        Assert.Contains(Read(md).Blocks, b => b.Kind == BlockKind.ImageAlt && md[b.Span.Start..b.Span.End] == "Build times across the supported platforms");
    }

    [Fact]
    public void RepeatedParagraphs_OfRunningText_AreStillReported_InMarkdown()
    {
        string md = "# Russia Completes Kursk Operation Amid Claims\n\nRussia Completes Kursk Operation Amid Claims\n\nThe operation ended.\n";
        Assert.Equal(["Russia Completes Kursk Operation Amid Claims"], Found(md, "t.md", "TL6001"));
    }

    [Fact]
    public void AnInlineImage_IsCutOutOfItsSentence()
    {
        string md = "The chart ![shows the numbers](c.png) is below.\n";
        var doc = Read(md);
        Assert.Equal(["The chart", "shows the numbers", "is below."], doc.Sentences.Select(s => md[s.Start..s.End]));
    }

    [Fact]
    public void PlainText_HasNoBlocks_AndKeepsItsParagraphs()
    {
        var doc = Document.Create(SourceText.From("One line.\nTwo line.\n", "a.txt"));
        Assert.True(doc.Blocks.IsDefault);
        Assert.Equal(2, doc.Paragraphs.Length);
    }

    [Theory]
    [InlineData("\u00AD")] // soft hyphen
    [InlineData("\u200B")] // zero-width space
    [InlineData("\u200C")] // zero-width non-joiner
    [InlineData("\u200D")] // zero-width joiner
    [InlineData("\u2060")] // word joiner
    [InlineData("\uFEFF")] // a byte-order mark inside the text
    public void AnInvisibleCharacterInsideAWord_DoesNotHideIt(string invisible)
    {
        string text = $"Columnists called the refugees ver{invisible}min and cock{invisible}roaches.";
        // The finding covers the word as written, the invisible character included.
        Assert.Equal([$"ver{invisible}min", $"cock{invisible}roaches"], Found(text, "a.txt", "TL3003"));
    }

    [Fact]
    public void AnInvisibleCharacter_DoesNotMakeAWordBoundary()
    {
        // "un\u00ADreportedly" is one word: the matcher must not find "reportedly" at its end.
        const string Rule = """
            id: XX0001
            title: t
            message: "'{match}'."
            category: Test
            kind: existence
            tokens: [reportedly]
            """;
        KindTestHelper.Verify(Rule, "Un\u00ADreportedly, he [|report\u200Bedly|] left, reportedly\u00ADx.");
    }

    [Fact]
    public void AFix_ReplacesTheWordAsWritten_AndLeavesAnInvisibleCharacterOutsideItAlone()
    {
        const string Rule = """
            id: XX0002
            title: t
            message: "'{match}'."
            category: Test
            kind: substitution
            swap:
              Kiev: Kyiv
            """;
        string text = "Ki\u00ADev\u200B is far.";
        var d = Assert.Single(KindTestHelper.Engine(Rule).Analyze(Document.Create(SourceText.From(text, "a.txt"))).Diagnostics);
        Assert.Equal("Ki\u00ADev", text[d.Span.Start..d.Span.End]);
        var edit = Assert.Single(d.Fix!.Edits);
        Assert.Equal("Kyiv\u200B is far.", text[..edit.Span.Start] + edit.NewText + text[edit.Span.End..]);
    }

    [Fact]
    public void AShortHeadingInCapitals_IsACodeName_NotAShoutedHeadline()
    {
        Assert.Empty(Found("# Building\n\n### VCPKG\n\nInstall the package.\n", "b.md", "TL8505"));
        Assert.Single(Found("# RUSSIA COMPLETES KURSK OPERATION\n\nThe operation ended.\n", "b.md", "TL8505"));
    }

    [Fact]
    public void DocumentSections_AreNotScraperResidue()
    {
        string md = "# Tool\n\nIt lints.\n\nSee also:\n\n- [Vale](https://vale.sh)\n- [Ruff](https://docs.astral.sh)\n\n## AUTHOR\n\nWritten by the maintainers and many contributors.\n\n## License\n\nCopyright (c) 2024 Jane Doe. All rights reserved.\n";
        var found = Lint(md, "README.md").Where(d => d.Descriptor.Category == "Boilerplate").Select(d => md[d.Span.Start..d.Span.End]);
        Assert.Empty(found);
    }

    [Fact]
    public void Residue_InAScrapedArticle_IsStillReported()
    {
        string txt = "Talks resumed on Monday.\n\nSee also: Kyiv and Moscow swap prisoners\n\nAuthor:\n\nThe minister arrived.\n\n© 2024 Example Media. All rights reserved.\n";
        var found = Lint(txt, "a.txt").Where(d => d.Descriptor.Category == "Boilerplate").Select(d => d.Descriptor.Id).Order();
        Assert.Equal(["TL5006", "TL5009", "TL5011"], found);
        // In Markdown too, residue among the paragraphs of an article is residue.
        Assert.Single(Found("# Talks\n\nTalks resumed.\n\n© 2024 Example Media. All rights reserved.\n", "a.md", "TL5006"));
    }

    [Fact]
    public void AnExclamationMarkInsideAName_IsNotTheWritersExclamation()
    {
        Assert.Empty(Found("Yahoo! said the group OutRage! had protested; “Hey Ya!” topped the chart and Jeopardy!'s host left.", "a.txt", "TL8504"));
        Assert.Single(Found("The talks failed! Nobody was surprised.", "a.txt", "TL8504"));
    }

    [Fact]
    public void ASpacedHyphenBetweenWholeWords_IsNotABrokenWord()
    {
        Assert.Empty(Found("The route runs paris - london through a fast - growing town.", "a.txt", "TL8001"));
        Assert.Single(Found("This dyna – mic risks pushing peace further out of reach.", "a.txt", "TL8001"));
    }

    [Fact]
    public void AListNestedPastTheBound_IsParsedUpToThere_AndTheRestIsPlainText()
    {
        var lines = Enumerable.Range(0, 200).Select(d => new string(' ', 2 * d) + $"- item {d} reportedly");
        string md = "# List\n\n" + string.Join("\n", lines) + "\n";
        var doc = Read(md);
        Assert.NotNull(doc.FallbackReason);
        Assert.Contains("nests more than", doc.FallbackReason);
        Assert.Contains("line 35", doc.FallbackReason); // the heading, a blank line, then items 0..31 (depth 1..32) are within the bound
        // Every item is still linted: the token is found in the Markdown part and in the plain-text rest.
        Assert.Equal(200, Tokens(md));
        Assert.Null(Read("# List\n\n- a\n  - b\n    - c\n\n" + new string(' ', 80) + "indented text\n").FallbackReason);
    }

    [Fact]
    public void ReferenceDefinitionsPastTheBound_AreParsedUpToThere_AndTheRestIsPlainText()
    {
        var defs = Enumerable.Range(0, 1500).Select(i => $"[r{i}]: https://example.com/{i}");
        string md = "# Links\n\nSee [the report][r1], reportedly.\n\n" + string.Join("\n", defs) + "\n\nIt reportedly ended.\n";
        var doc = Read(md);
        Assert.Contains("more than 1,000 link reference definitions", doc.FallbackReason);
        Assert.Equal(2, Tokens(md));
        // The link text is prose, the definitions within the bound are not.
        Assert.Contains("the report", doc.Prose);
        Assert.DoesNotContain("example.com/5", doc.Prose);
    }
}
