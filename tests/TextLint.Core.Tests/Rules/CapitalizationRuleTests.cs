using TextLint.Rules;

namespace TextLint.Core.Tests.Rules;

public class CapitalizationRuleTests
{
    private const string Rule = """
        id: TL8505
        title: Headline case
        message: "not {style}"
        category: Readability
        kind: capitalization
        scope: title
        """;

    [Fact]
    public void TitleCase_AllowsMinorWords() =>
        KindTestHelper.Verify(Rule + "\nmatch: $title", "Russia Completes Kursk Operation Amid Claims of Protecting Citizens\n\nbody");

    [Fact]
    public void TitleCase_ReportsALowerCaseMajorWord() =>
        KindTestHelper.Verify(Rule + "\nmatch: $title", "[|Russia completes Kursk Operation|]\n\nbody");

    [Fact]
    public void SentenceCase_AllowsAcronymsAndExceptions() =>
        KindTestHelper.Verify(Rule + "\nmatch: $sentence\nexceptions: [Russia]", "Russia says NATO is to blame\n\nbody");

    [Fact]
    public void SentenceCase_ReportsCapitalisedWords() =>
        KindTestHelper.Verify(Rule + "\nmatch: $sentence", "[|Pentagon Chief Says Forces Are Present|]\n\nbody");

    [Fact]
    public void Pattern_MustMatchTheWholeUnit() =>
        KindTestHelper.Verify(Rule + "\nmatch: '.*\\p{Ll}.*'", "[|ALL CAPITALS HEADLINE|]\n\nbody");

    [Fact]
    public void UnknownStyle_IsAnError()
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", Rule + "\nmatch: $camel")]);
        Assert.Contains(result.Errors, e => e.Message.Contains("match '$camel' is not one of"));
    }
}
