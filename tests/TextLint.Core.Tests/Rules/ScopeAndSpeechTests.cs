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

    /// <summary>An interview transcript: turns by two speakers, an answer that runs on, then the writer's copy after a heading.</summary>
    private const string Transcript = """
        Wikinews spoke to the author. His [|masterpiece|] was a hoax.

        ((WN)) Was it a [|masterpiece|]?

        ((Konrad Godlewski)) It was a little masterpiece, most importantly a true one.

        Maybe the paper should ask for permission to use this little masterpiece.

        ((WN)) Thank you.

        ((KG)) Thank you, it was a masterpiece of an interview.

        Related news

        The hoax was a [|masterpiece|], the paper said.
        """;

    [Fact]
    public void ByDefault_RulesDoNotFireInAnInterviewTranscript() =>
        KindTestHelper.Verify(Rule.Replace("[Kiev regime]", "[masterpiece]"), Transcript.Replace("[|masterpiece|]?", "masterpiece?"));

    [Fact]
    public void OutsideQuotes_LeavesATranscriptAlone_EvenWhenTheRuleIncludesSpeech() =>
        KindTestHelper.Verify(Rule.Replace("[Kiev regime]", "[masterpiece]") + "\nspeech: include\noutsideQuotes: true", Transcript.Replace("[|masterpiece|]?", "masterpiece?"));

    [Fact]
    public void SpeechInclude_StillFiresInATranscript() =>
        KindTestHelper.Verify(Rule.Replace("[Kiev regime]", "[masterpiece]") + "\nspeech: include",
            Transcript.Replace("little masterpiece, most", "little [|masterpiece|], most").Replace("little masterpiece.", "little [|masterpiece|].")
                .Replace("a masterpiece of", "a [|masterpiece|] of"));

    [Fact]
    public void OneNameAndColonLine_IsNoTurn_AndLeavesTheArticleInTheWritersVoice() =>
        KindTestHelper.Verify(Rule.Replace("[Kiev regime]", "[masterpiece]"),
            "The council met.\n\nSmith: it is a [|masterpiece|] of planning.\n\nThe plan is a [|masterpiece|].\n\nThe [|masterpiece|] stands.");
}
