using TextLint.Rules;

namespace TextLint.Core.Tests.Rules;

public class ExistenceRuleTests
{
    private const string Rule = """
        id: TL1001
        title: Vague attribution
        message: "'{match}' names no source."
        category: Attribution
        kind: existence
        tokens: [reportedly, according to reports, regime]
        exceptions: [regime change]
        """;

    [Fact]
    public void Tokens_AreReportedExactly() =>
        KindTestHelper.Verify(Rule, "He [|reportedly|] left, [|according to reports|].");

    [Fact]
    public void MessagePlaceholder_IsFilledWithTheMatch()
    {
        var d = KindTestHelper.Verify(Rule, "[|Reportedly|], yes.");
        Assert.Equal("'Reportedly' names no source.", d[0].Message);
    }

    [Fact]
    public void Exceptions_SilenceTokensInsideThem() =>
        KindTestHelper.Verify(Rule, "A policy of regime change is not a [|regime|] label.");

    [Fact]
    public void Regex_IsMatched()
    {
        string yaml = Rule.Replace("tokens: [reportedly, according to reports, regime]", "regex: ['\\bsources? (say|said)\\b']");
        KindTestHelper.Verify(yaml, "As [|sources said|] and [|source says|]... no: sources told.".Replace("source says", "source say"));
    }

    [Fact]
    public void OverlappingTokens_ReportTheLongestOnce()
    {
        string yaml = Rule.Replace("tokens: [reportedly, according to reports, regime]", "tokens: [Kiev, Kiev regime]").Replace("exceptions: [regime change]", "");
        KindTestHelper.Verify(yaml, "the [|Kiev regime|] and [|Kiev|]");
    }

    [Fact]
    public void CaseSensitive_WhenIgnorecaseIsFalse()
    {
        string yaml = Rule.Replace("tokens: [reportedly, according to reports, regime]", "tokens: [AP]\nignorecase: false").Replace("exceptions: [regime change]", "");
        KindTestHelper.Verify(yaml, "[|AP|] said; ap and Ap did not.");
    }

    [Fact]
    public void BacktrackingPattern_FallsBackToATimeoutRegex()
    {
        // A backreference needs the backtracking engine: it must still load and match.
        string yaml = Rule.Replace("tokens: [reportedly, according to reports, regime]", "regex: ['\\b(\\w+) \\1\\b']").Replace("exceptions: [regime change]", "");
        KindTestHelper.Verify(yaml, "This is [|the the|] end.");
    }

    [Fact]
    public void CatastrophicPattern_FinishesQuickly_WithNonBacktracking()
    {
        string yaml = Rule.Replace("tokens: [reportedly, according to reports, regime]", "regex: ['(a+)+$']").Replace("exceptions: [regime change]", "");
        string text = new string('a', 50_000) + "!";
        var engine = KindTestHelper.Engine(yaml);
        var result = engine.Analyze(TextLint.Documents.Document.Create(TextLint.Text.SourceText.From(text)));
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Notifications);
    }
}
