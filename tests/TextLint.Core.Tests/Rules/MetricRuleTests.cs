using TextLint.Rules;

namespace TextLint.Core.Tests.Rules;

public class MetricRuleTests
{
    private const string Rule = """
        id: TL8501
        title: Long paragraph
        message: "{value} {metric} (max {max})"
        category: Readability
        kind: metric
        max: 5
        speech: include
        """;

    [Fact]
    public void ParagraphOverMax_IsReported_WithTheValue()
    {
        var d = Assert.Single(KindTestHelper.Verify(Rule, "Short one here.\n\n[|One two three four five six.|]"));
        Assert.Equal("6 words (max 5)", d.Message);
    }

    [Fact]
    public void SentenceScope_MeasuresSentences() =>
        KindTestHelper.Verify(Rule + "\nscope: sentence", "One two three. [|One two three four five six seven.|] Four five.");

    [Fact]
    public void SentencesMetric_CountsSentencesInAParagraph() =>
        KindTestHelper.Verify(Rule.Replace("max: 5", "max: 2\nmetric: sentences"), "[|One. Two. Three.|]\n\nFour. Five.");

    [Fact]
    public void Min_ReportsShortUnits() =>
        KindTestHelper.Verify(Rule.Replace("max: 5", "min: 3\nmetric: characters"), "[|Hi|]\n\nHello there.");

    [Fact]
    public void WithoutMaxOrMin_IsAnError()
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", Rule.Replace("max: 5\n", ""))]);
        Assert.Contains(result.Errors, e => e.Message.Contains("needs 'max' or 'min'"));
    }

    private const string SentenceRule = """
        id: TL8502
        title: Long sentence
        message: "{value} words (max {max})"
        category: Readability
        kind: metric
        scope: sentence
        max: 8
        """;

    [Fact]
    public void IgnoreSpeech_CountsOnlyTheWritersOwnWords()
    {
        const string a = "The mayor, who spoke after the long council meeting, said \"we will fight on\".";
        const string b = "One MP told the BBC, \"We know that sixteen million people wanted to stay in the union after all.\"";
        KindTestHelper.Verify(SentenceRule, $"[|{a}|] [|{b}|]");
        var d = Assert.Single(KindTestHelper.Verify(SentenceRule + "\nignore: [speech]", $"[|{a}|] {b}"));
        Assert.Equal("10 words (max 8)", d.Message);
    }

    [Fact]
    public void IgnoreTranscripts_LeavesOutAnInterviewTranscript() =>
        KindTestHelper.Verify(SentenceRule.Replace("scope: sentence", "scope: paragraph\nspeech: include") + "\nignore: [transcripts]", """
            [|The author of the report, a journalist at the paper, spoke to us at length about it.|]

            ((WN)) When did you first hear about the hoax that your paper reported on?

            ((KG)) I found them myself, by accident, while looking for new stories.

            The second reason was the attitude towards the streets and the names they were given.

            ((WN)) Thank you.
            """);

    [Fact]
    public void IgnoreLists_DoesNotMeasureAScorecard() =>
        KindTestHelper.Verify(SentenceRule + "\nignore: [lists]", """
            Fall of wickets: 1-18 (Smith, 5.4 ov), 2-63 (Kallis, 15.4 ov), 3-64 (de Villiers, 16.5 ov), 4-67 (Prince, 19.5 ov), 5-87 (Boucher, 26.4 ov)

            [|The match was played in front of a large crowd on a warm and sunny afternoon.|]
            """);

    [Fact]
    public void IgnoreRunInHeads_LeavesOutAHeadBeforeAColonAndACapital() =>
        KindTestHelper.Verify(SentenceRule + "\nignore: [runInHeads]",
            "On April 16, 33 dead in shootings: A gunman opened fire on the campus. "
            + "[|The committee found two problems: the budget and the timetable were both late.|]");

    [Fact]
    public void IgnoreOtherScripts_LeavesOutAnOriginalAfterItsTranslation() =>
        KindTestHelper.Verify(SentenceRule.Replace("scope: sentence", "scope: paragraph\nspeech: include") + "\nignore: [otherScripts]",
            "I give my victory to my mother. Я посвящаю свою победу маме, которая вдохновила меня.\n\n[|I give my victory to my mother, who inspired me to study.|]");

    [Fact]
    public void Numbers_AreOneWordEach() =>
        KindTestHelper.Verify(SentenceRule, "Offer of US$1.5 million beat 4,489,235 votes. [|The US$1 million offer beat the votes of all of them.|]");

    [Theory]
    [InlineData("ignore: [quotes]", "ignore 'quotes' is not one of")]
    [InlineData("metric: characters\nignore: [speech]", "'ignore' applies to metric: words only")]
    public void BadIgnore_IsAnError(string extra, string message)
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", SentenceRule + "\n" + extra)]);
        Assert.Contains(result.Errors, e => e.Message.Contains(message));
    }
}
