using TextLint.Matching;

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
}
