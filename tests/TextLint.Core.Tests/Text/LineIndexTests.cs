using TextLint.Text;

namespace TextLint.Core.Tests.Text;

public class LineIndexTests
{
    [Theory]
    [InlineData("a\nb", 2, 1, 0)]
    [InlineData("a\nb", 3, 1, 1)] // the end of the text is a valid position
    [InlineData("a\r\nb", 3, 1, 0)]
    [InlineData("a\rb", 2, 1, 0)]
    [InlineData("a\r\nb", 2, 0, 2)] // between \r and \n: still line 1
    [InlineData("ab", 2, 0, 2)]
    [InlineData("", 0, 0, 0)]
    public void Offsets_MapToLineAndColumn(string text, int offset, int line, int column)
    {
        var index = LineIndex.Create(text);
        Assert.Equal(new LinePosition(line, column), index.GetLinePosition(offset));
    }

    [Fact]
    public void MixedLineBreaks_EachEndOneLine()
    {
        var index = LineIndex.Create("one\r\ntwo\nthree\rfour");
        Assert.Equal(4, index.LineCount);
        Assert.Equal(NewlineKinds.CrLf | NewlineKinds.Lf | NewlineKinds.Cr, index.Newlines);
        Assert.Equal(new LinePosition(3, 0), index.GetLinePosition("one\r\ntwo\nthree\r".Length));
    }

    [Fact]
    public void TrailingNewline_StartsAnEmptyLastLine()
    {
        var index = LineIndex.Create("a\n");
        Assert.Equal(2, index.LineCount);
        Assert.Equal(new LinePosition(1, 0), index.GetLinePosition(2));
    }

    [Fact]
    public void SurrogatePairs_CountAsTwoUtf16Columns()
    {
        // "😀" is U+1F600, two UTF-16 code units: the word after it starts at column 4 (0-based 3).
        string text = "😀 Kiev";
        var index = LineIndex.Create(text);
        Assert.Equal(new LinePosition(0, 3), index.GetLinePosition(text.IndexOf('K')));
    }

    [Fact]
    public void LineSpan_ExcludesTheBreak()
    {
        string text = "first\r\nsecond";
        var index = LineIndex.Create(text);
        Assert.Equal("first", text[index.GetLineSpan(0, text).Start..index.GetLineSpan(0, text).End]);
        Assert.Equal(TextSpan.FromBounds(0, 7), index.GetLineSpanIncludingBreak(0));
    }

    [Fact]
    public void OffsetOutsideText_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LineIndex.Create("ab").GetLinePosition(3));
    }
}
