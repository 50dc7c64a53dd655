using static TextLint.Core.Tests.Analysis.Segmentation.SegmentationTestHelper;

namespace TextLint.Core.Tests.Analysis.Segmentation;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var d = Doc(text);
        return Texts(d, d.Sentences);
    }

    [Fact]
    public void SimpleSentences_AreSplitAtFullStops_QuestionAndExclamationMarks()
    {
        Assert.Equal(["Talks resumed.", "Did they fail?", "No!"], Sentences("Talks resumed. Did they fail? No!"));
    }

    [Fact]
    public void Initialisms_BeforeANoun_DoNotEndASentence()
    {
        Assert.Equal(["The U.S. military and the U.K. government met U.N. envoys."],
            Sentences("The U.S. military and the U.K. government met U.N. envoys."));
    }

    [Fact]
    public void Initialism_BeforeASentenceOpener_EndsTheSentence()
    {
        Assert.Equal(["Sanctions were imposed by the U.S.", "The move angered Moscow."],
            Sentences("Sanctions were imposed by the U.S. The move angered Moscow."));
    }

    [Fact]
    public void TitlesAndMonths_DoNotEndASentence()
    {
        Assert.Equal(["Gen. Valery Gerasimov met Dr. Smith on Jan. 5 in St. Petersburg."],
            Sentences("Gen. Valery Gerasimov met Dr. Smith on Jan. 5 in St. Petersburg."));
    }

    [Fact]
    public void Decimals_AndDomains_DoNotSplit()
    {
        Assert.Equal(["Growth was 3.5% and the site example.com said so.", "Then it fell."],
            Sentences("Growth was 3.5% and the site example.com said so. Then it fell."));
    }

    [Fact]
    public void SentencesRunTogether_WithNoSpace_AreSplit()
    {
        Assert.Equal(["He chose a vice president.", "In the Green Party, the vote was close.", "Will it last?", "No one knows."],
            Sentences("He chose a vice president.In the Green Party, the vote was close.Will it last?No one knows."));
        Assert.Equal(["The bridge reopened on Monday.", "Traffic was light."], Sentences("The bridge reopened on Monday.Traffic was light."));
    }

    [Theory]
    [InlineData("The site example.com and the library Node.js were named in the report.")]
    [InlineData("The U.S.Army and Dr.Smith met Mrs.Jones at the port.")]
    [InlineData("Some towns, e.g.The Hague, voted against it.")]
    [InlineData("The iPhone.The rest followed suit only in a later year.")]
    [InlineData("The parser uses System.CommandLine and Microsoft.Extensions.Logging today.")]
    public void NoSpaceAfterAPoint_InNamesAbbreviationsAndAddresses_DoesNotSplit(string text)
    {
        Assert.Equal([text], Sentences(text));
    }

    [Fact]
    public void Ellipsis_BeforeLowerCase_Continues_BeforeCapital_Ends()
    {
        Assert.Equal(["The military… are retreating.", "When Brigitte is not around...", "He left."],
            Sentences("The military… are retreating. When Brigitte is not around... He left."));
    }

    [Fact]
    public void ClosingQuote_BelongsToTheSentenceItEnds()
    {
        Assert.Equal(["He noted their ‘scattered state.’", "This portrayal contrasts sharply."],
            Sentences("He noted their ‘scattered state.’ This portrayal contrasts sharply."));
    }

    [Fact]
    public void QuestionInsideQuote_FollowedBySpeechVerb_Continues()
    {
        Assert.Equal(["“What kind of response are we considering?” asked Senator Lisa Cheng."],
            Sentences("“What kind of response are we considering?” asked Senator Lisa Cheng."));
    }

    [Fact]
    public void PersonalInitial_DoesNotEndASentence()
    {
        Assert.Equal(["John F. Kennedy spoke."], Sentences("John F. Kennedy spoke."));
    }

    [Fact]
    public void BareUrl_FollowedByACapital_EndsASentence()
    {
        // The prose view blanks the URL; the splitter finds it in the source text.
        Assert.Equal(["Original:", "Disclaimer: views are the author's."],
            Sentences("Original: https://www.example.com/a/1/ Disclaimer: views are the author's."));
    }

    [Fact]
    public void SentencesNeverCrossParagraphs()
    {
        Assert.Equal(["Headline without a stop", "Body text."], Sentences("Headline without a stop\n\nBody text."));
    }

    [Fact]
    public void HardWrappedText_KeepsSentencesAcrossLineBreaks()
    {
        string text = "The village of Velyka Pysarivka has been without electricity for\neleven days, and residents cook on wood stoves.\n";
        Assert.Equal(["The village of Velyka Pysarivka has been without electricity for\neleven days, and residents cook on wood stoves."], Sentences(text));
    }

    /// <summary>
    /// TL8004 (a sentence run into the next with no space) skips a title before its mark, as the splitter does:
    /// "Mrs.Smith" is one sentence and no finding. The rule's pattern spells the titles out, so the two lists must
    /// stay the same: a title added to one and not the other would make the rule report a join the splitter keeps
    /// whole, or miss one it splits. Titles the pattern cannot meet anyway (one letter, or a dot inside) are left out.
    /// </summary>
    [Fact]
    public void FusedSentenceRule_SkipsTheSameTitlesAsTheSplitter()
    {
        string yaml = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "rules", "typography.yaml"));
        var group = System.Text.RegularExpressions.Regex.Match(yaml, @"\(\?i:((?:[a-z]+\|)+[a-z]+)\)\[\.!\?\]");
        Assert.True(group.Success, "TL8004's pattern no longer holds its list of titles as '(?i:mr|mrs|…)[.!?]'");
        var inRule = group.Groups[1].Value.Split('|').ToHashSet();
        var inSplitter = TextLint.Documents.Segmentation.SentenceSplitter.Titles
            .Where(t => t.Length >= 2 && t.All(char.IsAsciiLetter)).ToHashSet();
        Assert.Equal(inSplitter.Order(), inRule.Order());
    }
}
