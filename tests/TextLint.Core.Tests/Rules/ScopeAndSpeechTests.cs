using TextLint.Rules;

namespace TextLint.Core.Tests.Rules;

/// <summary>The engine enforces every rule's scope and speech setting, whatever its kind.</summary>
public class ScopeAndSpeechTests
{
    private const string Rule = """
        id: TL3001
        title: Label
        message: "'{match}'"
        category: EmotiveLanguage
        kind: existence
        tokens: [Kiev regime]
        """;

    private const string Text = "Kiev regime falls\n\nThe [|Kiev regime|] fell. “The Kiev regime is over,” he said. The ‘Kiev regime’ label.";

    [Fact]
    public void ByDefault_RulesDoNotFireInsideDirectSpeech() =>
        KindTestHelper.Verify(Rule, "[|Kiev regime|] falls\n\nThe [|Kiev regime|] fell. “The Kiev regime is over,” he said. The ‘[|Kiev regime|]’ label.");

    [Fact]
    public void SpeechInclude_FiresEverywhere() =>
        KindTestHelper.Verify(Rule + "\nspeech: include", "[|Kiev regime|] falls\n\nThe [|Kiev regime|] fell. “The [|Kiev regime|] is over,” he said. The ‘[|Kiev regime|]’ label.");

    [Fact]
    public void SpeechOnly_FiresOnlyInsideDirectSpeech() =>
        KindTestHelper.Verify(Rule + "\nspeech: only", "Kiev regime falls\n\nThe Kiev regime fell. “The [|Kiev regime|] is over,” he said. The ‘Kiev regime’ label.");

    [Fact]
    public void ScopeTitle_FiresOnlyInTheTitle() =>
        KindTestHelper.Verify(Rule + "\nscope: title", "[|Kiev regime|] falls\n\nThe Kiev regime fell.");

    [Fact]
    public void ScopeQuote_FiresOnlyInsideQuotations() =>
        KindTestHelper.Verify(Rule + "\nscope: quote\nspeech: include", "Kiev regime falls\n\nThe Kiev regime fell. “The [|Kiev regime|] is over,” he said. The ‘[|Kiev regime|]’ label.");

    [Fact]
    public void ScopeSentence_DropsMatchesAcrossSentences() =>
        KindTestHelper.Verify(Rule.Replace("tokens: [Kiev regime]", "regex: ['end\\.\\s+Next']") + "\nscope: sentence", "The end. Next one.");

    [Fact]
    public void ScopeHeading_IncludesThePlainTextTitle() =>
        KindTestHelper.Verify(Rule + "\nscope: heading", "[|Kiev regime|] falls\n\nThe Kiev regime fell.");

    [Fact]
    public void MarkdownBlockQuotes_CountAsSpeech() =>
        KindTestHelper.Verify(Rule, "# The [|Kiev regime|] falls\n\n> The Kiev regime is over, a reader wrote.\n\nThe [|Kiev regime|] fell.\n", "test.md");

    [Theory]
    [InlineData("scope: chapter", "scope 'chapter' is not one of document, title, paragraph, sentence, line, quote, heading.")]
    [InlineData("speech: maybe", "speech 'maybe' is not one of exclude, include, only.")]
    public void BadScopeOrSpeech_IsAnErrorAtTheValue(string line, string message)
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", Rule + "\n" + line)]);
        var e = Assert.Single(result.Errors);
        Assert.EndsWith(message, e.Message);
        Assert.Equal(7, e.Line);
        Assert.Equal(line.IndexOf(':') + 3, e.Column);
    }
}
