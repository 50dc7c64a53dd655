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
    /// The matcher against the definition: fold the text (case, apostrophes, a white-space run as one
    /// space, invisible characters dropped), find every phrase at every position of the folded text, map
    /// back to the source, and apply the word-boundary and exact-case checks. Small alphabets make phrases
    /// overlap and repeat; invisible characters and the modifier apostrophe (a word character that folds
    /// to ') test the edges. The order is part of the contract (rules see their matches in it): by end, at
    /// one end the longest first, then in the order the phrases were registered.
    /// </summary>
    [Fact]
    public void Scan_EqualsSearchingEveryPhraseAtEveryPosition()
    {
        var phraseGen = Gen.String[Gen.OneOf<char>('a', 'b', 'B', ' ', '\'', '-', '.', ','), 1, 7];
        var textGen = Gen.String[Gen.OneOf<char>('a', 'b', 'A', ' ', ' ', '\n', '\r', '\t', '\u00A0', '\u2019', '\'', '-', 'x', '.', ',', '\u00AD', '\u200B', '\u02BC'), 0, 80];
        var kinds = Gen.Int[0, 2];
        Gen.Select(Gen.Select(phraseGen, kinds).Array[1, 8], textGen).Sample((phrases, text) =>
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
            // Rule i registered at most phrase i, so the rule's index is the phrase's.
            var expected = Reference(registry.Patterns, text).OrderBy(m => m.Item3).ThenBy(m => m.Item2).ThenBy(m => m.Item1).ToList();
            Assert.Equal(expected, actual);
        }, iter: 3000);
    }

    [Fact]
    public void InvisibleCharacters_InsideAWhiteSpaceRun_AreLookedThrough()
    {
        var found = Scan("so \u00AD called, and so-\u200Bcalled", ("so called", false), ("so-called", false));
        Assert.Equal([(0, "so \u00AD called", 0), (1, "so-\u200Bcalled", 10)], found);
    }

    [Fact]
    public void PunctuationAtAPhrasesEnd_MayContinueInTheText()
    {
        var found = Scan("the U.S., and U.S.A.", ("U.S.", false), ("so,", false));
        Assert.Equal([(0, "U.S.", 0), (0, "U.S.", 0)], found);
    }

    private static List<(int, int, int, int)> Reference(List<LiteralPattern> patterns, string text)
    {
        var folded = new System.Text.StringBuilder();
        var at = new List<int>();
        bool prevSpace = true;
        for (int i = 0; i < text.Length; i++)
        {
            if (CharClass.IsIgnorable(text[i])) continue;
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
                if (p.WordStart && WordAt(text, start, -1)) continue;
                if (p.WordEnd && WordAt(text, end - 1, +1)) continue;
                string visible = string.Concat(text[start..end].Where(c => !CharClass.IsIgnorable(c)));
                if (p.CaseSensitive && !WhiteSpaceInsensitiveEqual(visible, p.Original.Trim())) continue;
                found.Add((p.Rule, start, end, p.Payload));
            }
        return found;
    }

    /// <summary>The first visible character from <paramref name="from"/> in <paramref name="step"/>'s direction (excluded) is a word character.</summary>
    private static bool WordAt(string text, int from, int step)
    {
        for (int k = from + step; k >= 0 && k < text.Length; k += step)
            if (!CharClass.IsIgnorable(text[k])) return CharClass.IsWordChar(text[k]);
        return false;
    }

    /// <summary>Equal as written, but for white space (a run is one space) and apostrophes (all that fold to ').</summary>
    private static bool WhiteSpaceInsensitiveEqual(string a, string b) => Apostrophes(a) == Apostrophes(b);

    private static string Apostrophes(string s) =>
        string.Concat(string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Select(c => CharClass.Fold(c) == '\'' ? '\'' : c));
}
