using TextLint.Output.Console;

namespace TextLint.Output.Tests.Console;

/// <summary>The flagged line under a console finding: carets under the span in a terminal's columns, whatever the line holds.</summary>
public class SourceSnippetTests
{
    private static string[] Render(string line, int start, int length, int width = SourceSnippet.DefaultWidth)
    {
        var (source, carets) = SourceSnippet.Render(line, 7, start, length, width);
        return [source, carets];
    }

    [Fact]
    public void PlainLine_CaretsUnderTheSpan()
    {
        Assert.Equal([" 7 | He reportedly left.", "   |    ^^^^^^^^^^"], Render("He reportedly left.", 3, 10));
    }

    [Fact]
    public void Tabs_ExpandToTabStops_AndTheCaretsFollow()
    {
        Assert.Equal([" 7 |     a   reportedly", "   |         ^^^^^^^^^^"], Render("\ta\treportedly", 3, 10));
    }

    [Fact]
    public void WideCharacters_TakeTwoColumns()
    {
        Assert.Equal([" 7 | 中文 reportedly", "   |      ^^^^^^^^^^"], Render("中文 reportedly", 3, 10));
        Assert.Equal([" 7 | 中文 x", "   | ^^^^"], Render("中文 x", 0, 2));
    }

    [Fact]
    public void CombiningMarks_TakeNoColumn()
    {
        // "café" with a combining acute accent: five chars, four columns.
        Assert.Equal([" 7 | cafe\u0301 reportedly", "   |      ^^^^^^^^^^"], Render("cafe\u0301 reportedly", 6, 10));
        Assert.Equal([" 7 | cafe\u0301 x", "   | ^^^^"], Render("cafe\u0301 x", 0, 5));
    }

    [Fact]
    public void ControlCharacters_AndBidiOverrides_AreEscaped_WithTheCaretsStillAligned()
    {
        var r = Render("a\u001b[31m b\u202Ec reportedly", 11, 10);
        Assert.Equal(" 7 | a\u241b[31m b<U+202E>c reportedly", r[0]);
        Assert.Equal(new string(' ', r[0].IndexOf("reportedly", StringComparison.Ordinal)) + "^^^^^^^^^^", "    " + r[1][4..]);
        Assert.DoesNotContain('\u001b', string.Concat(r));
        Assert.DoesNotContain('\u202E', string.Concat(r));
    }

    [Fact]
    public void LongLines_AreCutToAWindowAroundTheSpan()
    {
        string line = new string('a', 500) + " reportedly " + new string('b', 500);
        var r = Render(line, 501, 10, width: 60);
        Assert.StartsWith(" 7 | …", r[0]);
        Assert.EndsWith("…", r[0]);
        Assert.Contains("reportedly", r[0]);
        Assert.True(r[0].Length <= " 7 | ".Length + 62, r[0]);
        Assert.Equal(r[0].IndexOf("reportedly", StringComparison.Ordinal), r[1].IndexOf('^'));
        Assert.Equal(10, r[1].Count(c => c == '^'));
    }

    [Fact]
    public void ASpanWiderThanTheWindow_IsCutToIt()
    {
        string line = new string('x', 1000);
        var r = Render(line, 10, 900, width: 40);
        Assert.True(r[1].Count(c => c == '^') <= 40);
        Assert.EndsWith("…", r[0]);
    }

    [Theory]
    [InlineData(0, 0)]     // empty span at the start
    [InlineData(5, 0)]     // empty span at the end of the line
    [InlineData(3, 50)]    // runs past the end of the line
    [InlineData(99, 3)]    // starts past the end (clamped)
    [InlineData(-4, 2)]    // bad offsets never throw
    public void OddSpans_GetAtLeastOneCaret_AndNeverThrow(int start, int length)
    {
        var r = Render("hello", start, length);
        Assert.Equal(" 7 | hello", r[0]);
        Assert.Contains('^', r[1]);
    }

    [Fact]
    public void AnEmptyLine_StillRenders()
    {
        Assert.Equal([" 7 |", "   | ^"], Render("", 0, 0));
    }
}
