using static TextLint.Core.Tests.Analysis.Segmentation.SegmentationTestHelper;

namespace TextLint.Core.Tests.Analysis.Segmentation;

public class ParagraphSplitterTests
{
    private static readonly string LongLine = "This paragraph is long enough that nobody would hard-wrap it at this width, because it runs on well past any wrap column that editors use.";

    [Fact]
    public void BlankLines_SeparateParagraphs() =>
        Verify("[|Title|]\n\n[|First paragraph.|]\n\n\n[|Second paragraph.|]\n", d => d.Paragraphs);

    [Fact]
    public void OneParagraphPerLine_WhenTheTextIsNotHardWrapped() =>
        Verify($"[|{LongLine}|]\n[|Second line is its own paragraph.|]\n", d => d.Paragraphs);

    [Fact]
    public void HardWrappedText_KeepsLinesOfAParagraphTogether() =>
        Verify("[|The village has been without electricity for\neleven days, residents say.|]\n\n[|Next paragraph.|]", d => d.Paragraphs);

    [Fact]
    public void Markdown_UsesBlankLinesOnly() =>
        Verify("[|first line\nSecond line of the same paragraph.|]\n\n[|Next.|]", d => d.Paragraphs, "test.md");

    [Fact]
    public void Lines_AreTrimmedAndBlankLinesSkipped() =>
        Verify("  [|indented|]  \n\n\t[|tabbed|]\n", d => d.LineSpans);
}
