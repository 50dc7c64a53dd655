using CsCheck;
using TextLint.Documents.Segmentation;
using TextLint.Text;

namespace TextLint.Core.Tests.Text;

public class UnicodeScriptsTests
{
    [Theory]
    [InlineData('a', UnicodeScript.Latin)]
    [InlineData('é', UnicodeScript.Latin)]
    [InlineData('Я', UnicodeScript.Cyrillic)]
    [InlineData('λ', UnicodeScript.Greek)]
    [InlineData('特', UnicodeScript.Han)]
    [InlineData('か', UnicodeScript.Hiragana)]
    [InlineData('カ', UnicodeScript.Katakana)]
    [InlineData('한', UnicodeScript.Hangul)]
    [InlineData('ب', UnicodeScript.Arabic)]
    [InlineData('ש', UnicodeScript.Hebrew)]
    [InlineData('ก', UnicodeScript.Thai)]
    [InlineData('क', UnicodeScript.Devanagari)]
    [InlineData('ა', UnicodeScript.Georgian)]
    [InlineData('1', UnicodeScript.Common)]
    [InlineData('“', UnicodeScript.Common)]
    [InlineData('\u0301', UnicodeScript.Inherited)]
    public void BmpCharacters_HaveTheirScript(char c, UnicodeScript expected) => Assert.Equal(expected, UnicodeScripts.Of(c));

    [Fact]
    public void SupplementaryCharacters_UseTheRangeTable()
    {
        Assert.Equal(UnicodeScript.Han, UnicodeScripts.Of(0x20000));      // CJK Extension B
        Assert.Equal(UnicodeScript.Gothic, UnicodeScripts.Of(0x10330));
        Assert.Equal(UnicodeScript.Common, UnicodeScripts.Of(0x1F600));   // emoji
    }

    [Fact]
    public void DominantScript_IsTheOneWithMostLetters()
    {
        var english = ScriptProfile.Measure("The press release特意 emphasized the request.");
        Assert.Equal(UnicodeScript.Latin, english.Dominant);
        Assert.True(english.IsMixed);
        var russian = ScriptProfile.Measure("Москва заявила, что NATO готовит провокацию.");
        Assert.Equal(UnicodeScript.Cyrillic, russian.Dominant);
        Assert.False(ScriptProfile.Measure("Café au lait, naïve résumé.").IsMixed);
    }

    /// <summary>The ASCII letters are counted eight characters at a time: the same count as one at a time, for any text and length.</summary>
    [Fact]
    public void CountAsciiLetters_CountsTheLettersAtoZ()
    {
        var piece = Gen.OneOf<string>("a", "Z", "word ", "@", "[", "`", "{", "7", " ", "\n", "é", "Я", "\u0141", "\u0161", "\u00C1", "\u00E1", "\U0001F600", "\uFF41");
        piece.Array[0, 60].Select(string.Concat).Sample(text =>
            Assert.Equal(text.Count(char.IsAsciiLetter), ScriptProfile.CountAsciiLetters(text)), iter: 3000);
    }
}
