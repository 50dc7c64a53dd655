using TextLint.Cli.Docs;

namespace TextLint.Cli.Tests.Docs;

public class ExampleTextTests
{
    [Fact]
    public void Marks_BecomeCarets_UnderTheMarkedText()
    {
        Assert.Equal(["He reportedly left, allegedly.", "   ^^^^^^^^^^       ^^^^^^^^^"], ExampleText.WithCarets("He [|reportedly|] left, [|allegedly|]."));
    }

    [Fact]
    public void WideCharacters_TakeTwoColumns_AndCombiningMarksNone()
    {
        // 東京 is two wide characters (four columns); "é" written as e + U+0301 is one column.
        Assert.Equal(["東京 in Tokyo", "^^^^"], ExampleText.WithCarets("[|東京|] in Tokyo"));
        Assert.Equal(["cafe\u0301 東京", "     ^^^^"], ExampleText.WithCarets("cafe\u0301 [|東京|]"));
        Assert.Equal(["😀 wow", "   ^^^"], ExampleText.WithCarets("😀 [|wow|]"));
    }

    [Fact]
    public void Tabs_AreKept_InTheCaretLine()
    {
        Assert.Equal(["\tword", "\t^^^^"], ExampleText.WithCarets("\t[|word|]"));
    }

    [Fact]
    public void EachLine_OfAMultiLineExample_GetsItsOwnCarets()
    {
        Assert.Equal(["Title", "Title", "^^^^^", "body"], ExampleText.WithCarets("Title\n[|Title|]\nbody"));
        Assert.Equal(["one two", "    ^^^", "three", "^^^^^"], ExampleText.WithCarets("one [|two\nthree|]"));
    }

    [Fact]
    public void AnEmptyMark_PointsAtItsPlace()
    {
        Assert.Equal(["ab", " ^"], ExampleText.WithCarets("a[||]b"));
        Assert.Equal(["ab", "  ^"], ExampleText.WithCarets("ab[||]"));
    }

    [Fact]
    public void BrokenMarkup_IsShownAsWritten()
    {
        Assert.Equal(["a [|b c"], ExampleText.WithCarets("a [|b c"));
    }
}
