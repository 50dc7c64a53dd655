using CsCheck;
using TextLint.Tests.Properties;
using TextLint.Text;

namespace TextLint.Core.Tests.Text;

public class IgnoreCaseTests
{
    private static int Runtime(string text, string value) => text.AsSpan().IndexOf(value, StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("The Dynamics of it", "dynamic")]
    [InlineData("no such word here", "dynamic")]
    [InlineData("", "a")]
    [InlineData("a", "")]
    [InlineData("ab", "abc")]
    // Characters outside ASCII whose upper case is an ASCII letter: dotless i and long s.
    [InlineData("Dıstrict and ſtate", "district")]
    [InlineData("Dıstrict and ſtate", "state")]
    // The Kelvin sign is upper case of its own, so it is not a 'k'.
    [InlineData("\u212Aey and key", "key")]
    [InlineData("ÉCOLE école", "école")]
    [InlineData("ΣΟΦΙΑ σοφία", "σοφια")]
    [InlineData("x\U0001F600y \U0001F600Y", "\U0001F600y")]
    public void IndexOf_AnswersAsTheRuntimeDoes(string text, string value) =>
        Assert.Equal(Runtime(text, value), IgnoreCase.IndexOf(text, value));

    [Fact]
    public void IndexOf_AgreesWithTheRuntime_OnAdversarialText()
    {
        // The value is a piece of the text itself (cased differently) or a phrase of the pack, so it is found often.
        var cases = Gen.Select(AdversarialText.Text, Gen.Int[0, 1000], Gen.Int[1, 12], Gen.Int[0, 3], (text, at, length, how) =>
        {
            string value = text.Length == 0 ? "a" : text.Substring(at % text.Length, Math.Min(length, text.Length - at % text.Length));
            value = how switch { 0 => value, 1 => value.ToUpperInvariant(), 2 => value.ToLowerInvariant(), _ => value.Replace('i', 'ı').Replace('s', 'ſ') };
            return (text, value);
        });
        cases.Sample(c => Assert.Equal(Runtime(c.text, c.value), IgnoreCase.IndexOf(c.text, c.value)), iter: 3000);
    }

    [Fact]
    public void IndexOf_AgreesWithTheRuntime_ForEveryWordOfTheSeedArticles()
    {
        foreach (string file in Directory.EnumerateFiles(TestPaths.Seeds, "*.txt"))
        {
            string text = File.ReadAllText(file);
            var words = text.Split([' ', '\n', '\r', '\t', ',', '.', '"'], StringSplitOptions.RemoveEmptyEntries).Distinct().Take(400);
            foreach (string word in words)
            {
                Assert.Equal(Runtime(text, word.ToLowerInvariant()), IgnoreCase.IndexOf(text, word.ToLowerInvariant()));
                Assert.Equal(Runtime(text, word.ToUpperInvariant() + "x"), IgnoreCase.IndexOf(text, word.ToUpperInvariant() + "x"));
            }
        }
    }

    /// <summary>The characters searched for first are exactly those the runtime's comparison finds equal, none missing.</summary>
    [Fact]
    public void Equivalents_AreTheCharactersTheRuntimeComparesEqual()
    {
        var chars = Enumerable.Range('A', 26).Concat(Enumerable.Range('a', 26)).Concat(Enumerable.Range(0xC0, 0x80))
            .Concat([0x130, 0x131, 0x17F, 0x212A, 0x212B, 0x3A3, 0x3C2, 0x3C3, 0x1E9E, 0x2C65, 0x0430, 0x0410, 0x1F80, 0xFB00, '1', ' '])
            .Select(c => (char)c);
        foreach (char c in chars)
        {
            string expected = new([.. Enumerable.Range(0, char.MaxValue + 1).Select(x => (char)x)
                .Where(x => x.ToString().Equals(c.ToString(), StringComparison.OrdinalIgnoreCase))]);
            Assert.Equal(expected, IgnoreCase.Equivalents(c));
        }
    }
}
