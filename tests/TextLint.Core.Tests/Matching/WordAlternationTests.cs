using System.Text.RegularExpressions;
using CsCheck;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Core.Tests.Matching;

/// <summary>
/// A list of words answered without a regex must answer as the regex does: the same word boundaries and
/// the same case equivalences as .NET's engine, checked for every UTF-16 code unit, then the same answers on
/// generated text and the seed articles.
/// </summary>
public class WordAlternationTests
{
    private const string FirstPerson = @"\b(?:I|I'm|I've|I'd|I'll|me|my|mine|we|we're|we've|our|ours)\b";
    private const string FirstAndSecondPerson = @"\b(?:I|I'm|I've|I'd|I'll|me|my|mine|we|we're|we've|our|ours|you|you're|your|yours)\b";

    /// <summary>The bundled pack's lists and lists whose letters have equivalents outside ASCII (k, s, i).</summary>
    public static TheoryData<string, bool> Lists => new()
    {
        { FirstPerson, true },
        { FirstAndSecondPerson, true },
        { FirstAndSecondPerson, false },
        { @"\b(?:ok|skis|Kiss|us|it's|is)\b", true },
        { @"\b(?:ok|skis|Kiss|us|it's|is)\b", false },
        { @"\b(?:a)\b", true },
    };

    private static string AllCodeUnits()
    {
        var chars = new char[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++) chars[c] = (char)c;
        return new string(chars);
    }

    [Fact]
    public void BoundaryWordChars_AreThoseOfTheRegexEngine()
    {
        // Each code unit followed by a space: a boundary after it exactly when it is a word character for \b.
        var text = new System.Text.StringBuilder(2 * (char.MaxValue + 1));
        for (int c = 0; c <= char.MaxValue; c++) text.Append((char)c).Append(' ');
        var boundaries = new HashSet<int>();
        foreach (var m in new Regex(@"\b", RegexOptions.CultureInvariant).EnumerateMatches(text.ToString())) boundaries.Add(m.Index);
        for (int c = 0; c <= char.MaxValue; c++)
            Assert.True(boundaries.Contains(2 * c + 1) == WordAlternation.IsBoundaryWordChar((char)c), $"U+{c:X4}");
    }

    [Fact]
    public void Fold_IsTheRegexEnginesCaseEquivalence()
    {
        string all = AllCodeUnits();
        foreach (char letter in "abcdefghijklmnopqrstuvwxyz'")
        {
            var matched = new HashSet<int>();
            foreach (var m in new Regex(Regex.Escape(letter.ToString()), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant).EnumerateMatches(all)) matched.Add(m.Index);
            for (int c = 0; c <= char.MaxValue; c++)
                Assert.True(matched.Contains(c) == (WordAlternation.Fold((char)c) == letter), $"'{letter}' and U+{c:X4}");
        }
    }

    [Theory]
    [InlineData(@"\b(?:I|me)\b\w")]
    [InlineData(@"(?:I|me)")]
    [InlineData(@"\b(?:I|me.)\b")]
    [InlineData(@"\b(?:I|)\b")]
    [InlineData(@"\b(?:'m|me)\b")]
    [InlineData(@"\b(?:me'|my)\b")]
    [InlineData(@"\b(?:m[ey])\b")]
    [InlineData(@"\b(?:I|me)|\b(?:my)\b")]
    [InlineData(@"\b(?:)\b")]
    [InlineData(@"\b(?:é|me)\b")]
    public void OtherShapes_AreLeftToTheRegex(string pattern) => Assert.Null(WordAlternation.TryParse(pattern, ignoreCase: true));

    [Theory]
    [MemberData(nameof(Lists))]
    public void Answers_AreTheRegexs(string pattern, bool ignoreCase)
    {
        var words = WordAlternation.TryParse(pattern, ignoreCase);
        Assert.NotNull(words);
        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        var backtracking = new Regex(pattern, options);
        var linear = new Regex(pattern, options | RegexOptions.NonBacktracking);
        var lazy = RegexFactory.TryCreateLazy(pattern, ignoreCase, out _)!;
        void Check(string text, int a, int b)
        {
            int start = Math.Min(a, text.Length), end = Math.Min(Math.Max(b, start), text.Length);
            var region = TextSpan.FromBounds(start, end);
            bool expected = backtracking.IsMatch(text.AsSpan(start, end - start));
            Assert.Equal(expected, linear.IsMatch(text.AsSpan(start, end - start)));
            Assert.Equal(expected, words.IsMatch(text.AsSpan(start, end - start)));
            Assert.Equal(expected, PatternRunner.IsMatch(lazy, text, region));
            Assert.Equal(expected, PatternRunner.IsMatch(lazy, text.AsSpan(start, end - start)));
        }
        var piece = Gen.OneOf<string>("I", "i", "I'm", "i'M", "I’m", "I've", "me", "Me", "ME", "my", "mine", "myself", "we", "We're", "we've", "our", "Ours",
            "you", "You're", "yours", "ok", "OK", "o\u212A", "\u017Fkis", "Kiss", "us", "u\u017F", "it's", "is", "a", "A",
            "\u0130", "\u0131", "\u0130'm", "\u0131'm", "\u212A", "\u017F", "\u200C", "\u200D", "\u0301", "\u0903", "\U0001F600", "\uD800", "_", "1", "\u0663",
            "'", "\u2019", " ", " ", " ", "\n", ".", ",", "-", "é", "wé", "Amy", "time", "\u00AD", "\u200B", "x");
        Gen.Select(piece.Array[0, 30], Gen.Int[0, 80], Gen.Int[0, 80], (p, a, b) => (Text: string.Concat(p), A: a, B: b))
            .Sample(t => Check(t.Text, t.A, t.B), iter: 20000);
        foreach (string file in Directory.EnumerateFiles(TestPaths.Seeds, "*.txt"))
        {
            string text = File.ReadAllText(file);
            Check(text, 0, text.Length);
            int from = 0;
            foreach (var m in Regex.EnumerateMatches(text, @"[.!?\n]+"))
            {
                Check(text, from, m.Index + m.Length);
                from = m.Index + m.Length;
            }
        }
    }
}
