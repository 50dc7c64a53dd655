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
}
