using TextLint.Rules;

namespace TextLint.Core.Tests.Rules;

public class OccurrenceRuleTests
{
    private const string Rule = """
        id: TL1099
        title: Too many hedges
        message: "'{match}': {count} > {max}"
        category: Attribution
        kind: occurrence
        tokens: [reportedly, allegedly]
        max: 2
        """;

    [Fact]
    public void CountOverMax_IsReportedOnce_AtTheFirstOccurrenceOverTheLimit()
    {
        var d = Assert.Single(KindTestHelper.Verify(Rule, "A reportedly. B allegedly. C [|reportedly|]. D reportedly."));
        Assert.Equal("'reportedly': 4 > 2", d.Message);
    }

    [Fact]
    public void CountAtMax_IsFine() => KindTestHelper.Verify(Rule, "A reportedly. B allegedly.");

    [Fact]
    public void ScopeParagraph_CountsPerParagraph() =>
        KindTestHelper.Verify(Rule + "\nscope: paragraph", "reportedly reportedly\n\nreportedly reportedly\n\nreportedly reportedly [|reportedly|]");

    [Fact]
    public void OccurrencesInSpeech_DoNotCount() =>
        KindTestHelper.Verify(Rule, "“It reportedly, allegedly, reportedly happened,” he said. It reportedly did.");

    [Fact]
    public void Min_ReportsTheUnitsFirstLine() =>
        KindTestHelper.Verify(Rule.Replace("max: 2", "min: 1"), "[|Headline|]\nBody without hedges.");
}
