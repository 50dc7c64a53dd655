using CsCheck;
using TextLint.Matching;
using TextLint.Rules;

namespace TextLint.Core.Tests.Matching;

public class LiteralMatcherTests
{
    private static List<(int Rule, string Text, int Payload)> Scan(string text, params (string Phrase, bool CaseSensitive)[] phrases)
    {
        var registry = new LiteralRegistry();
        for (int i = 0; i < phrases.Length; i++)
        {
            registry.CurrentRule = i;
            registry.Add(phrases[i].Phrase, i * 10, phrases[i].CaseSensitive);
        }
        var matcher = new LiteralMatcher(registry.Patterns);
        var found = new List<(int, string, int)>();
        matcher.Scan(text, (rule, m) => found.Add((rule, text[m.Start..m.End], m.Payload)));
        return found;
    }

    [Fact]
    public void Phrases_MatchOnWordBoundariesOnly()
    {
        var found = Scan("Reportedly, unreportedly and reportedlyx.", ("reportedly", false));
        Assert.Equal([(0, "Reportedly", 0)], found);
    }

    [Fact]
    public void WhiteSpaceRuns_AndLineBreaks_MatchOneSpace()
    {
        var found = Scan("according  to\r\nofficial reports", ("according to official reports", false));
        Assert.Single(found);
        Assert.Equal("according  to\r\nofficial reports", found[0].Text);
    }

    [Fact]
    public void CurlyApostrophes_MatchStraightOnes()
    {
        var found = Scan("the Kremlin’s line", ("Kremlin's", false));
        Assert.Equal("Kremlin’s", Assert.Single(found).Text);
    }

    [Fact]
    public void CaseSensitivePhrases_RequireTheExactCase()
    {
        var found = Scan("US us Us", ("US", true));
        Assert.Equal("US", Assert.Single(found).Text);
    }

    [Fact]
    public void OverlappingPhrases_OfSeveralRules_AreAllReported()
    {
        var found = Scan("the Kiev regime", ("Kiev", false), ("Kiev regime", false));
        Assert.Contains((0, "Kiev", 0), found);
        Assert.Contains((1, "Kiev regime", 10), found);
    }

    [Fact]
    public void NonWordEdges_NeedNoBoundary()
    {
        var found = Scan("x--y", ("--", false));
        Assert.Equal("--", Assert.Single(found).Text);
    }

    [Fact]
    public void NonAsciiText_IsScannedWithoutError()
    {
        var found = Scan("特意 emphasised 😀 reportedly", ("reportedly", false));
        Assert.Single(found);
    }

    /// <summary>
    /// The automaton against the definition: fold the text (case, apostrophes, a white-space run as one
    /// space), find every phrase at every position of the folded text, map back to the source, and apply
    /// the word-boundary and exact-case checks. Small alphabets make phrases overlap and repeat.
    /// </summary>
    [Fact]
    public void Scan_EqualsSearchingEveryPhraseAtEveryPosition()
    {
        var phraseGen = Gen.String[Gen.OneOf<char>('a', 'b', 'B', ' ', '\'', '-'), 1, 5];
        var textGen = Gen.String[Gen.OneOf<char>('a', 'b', 'A', ' ', '\n', '\r', '\t', '\u00A0', '\u2019', '\'', '-', 'x', '.'), 0, 60];
        var kinds = Gen.Int[0, 2];
        Gen.Select(Gen.Select(phraseGen, kinds).Array[1, 6], textGen).Sample((phrases, text) =>
        {
            var registry = new LiteralRegistry();
            for (int i = 0; i < phrases.Length; i++)
            {
                registry.CurrentRule = i;
                var (phrase, kind) = phrases[i];
                if (kind == 2) registry.AddSubstring(phrase, i);
                else registry.Add(phrase, i, caseSensitive: kind == 1);
            }
            var matcher = new LiteralMatcher(registry.Patterns);
            var actual = new List<(int, int, int, int)>();
            matcher.Scan(text, (rule, m) => actual.Add((rule, m.Start, m.End, m.Payload)));
            var expected = Reference(registry.Patterns, text);
            Assert.Equal(expected.Order(), actual.Order());
        }, iter: 1500);
    }

    private static List<(int, int, int, int)> Reference(List<LiteralPattern> patterns, string text)
    {
        var folded = new System.Text.StringBuilder();
        var at = new List<int>();
        bool prevSpace = true;
        for (int i = 0; i < text.Length; i++)
        {
            char f = CharClass.Fold(text[i]);
            if (f == ' ' || text[i] is ' ' or '\n' or '\r' or '\t')
            {
                if (prevSpace) continue;
                prevSpace = true;
                f = ' ';
            }
            else prevSpace = false;
            folded.Append(f);
            at.Add(i);
        }
        string haystack = folded.ToString();
        var found = new List<(int, int, int, int)>();
        foreach (var p in patterns)
            for (int k = 0; k + p.Folded.Length <= haystack.Length; k++)
            {
                if (string.CompareOrdinal(haystack, k, p.Folded, 0, p.Folded.Length) != 0) continue;
                int start = at[k], end = at[k + p.Folded.Length - 1] + 1;
                if (p.WordStart && start > 0 && CharClass.IsWordChar(text[start - 1])) continue;
                if (p.WordEnd && end < text.Length && CharClass.IsWordChar(text[end])) continue;
                if (p.CaseSensitive && !string.Equals(text[start..end].Replace('\u2019', '\''), p.Original.Trim().Replace('\u2019', '\''), StringComparison.Ordinal)
                    && !WhiteSpaceInsensitiveEqual(text[start..end], p.Original.Trim())) continue;
                found.Add((p.Rule, start, end, p.Payload));
            }
        return found;
    }

    private static bool WhiteSpaceInsensitiveEqual(string a, string b) =>
        string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace('\u2019', '\'')
        == string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace('\u2019', '\'');
}
