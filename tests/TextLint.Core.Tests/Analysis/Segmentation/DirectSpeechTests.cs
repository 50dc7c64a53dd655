using static TextLint.Core.Tests.Analysis.Segmentation.SegmentationTestHelper;

namespace TextLint.Core.Tests.Analysis.Segmentation;

public class DirectSpeechTests
{
    private static bool Speech(string text) => Assert.Single(Doc(text).Quotations).IsDirectSpeech;

    [Theory]
    [InlineData("“We have several options,” Jensen replied.")]
    [InlineData("‘The people of Russia hope for us,’ he stated.")]
    [InlineData("“What kind of response are we considering?” asked Senator Lisa Cheng.")]
    [InlineData("“Chairman Kim, our cooperation is mutually beneficial,” Putin had said.")]
    public void QuotationFollowedByASpeechVerb_IsSpeech(string text) => Assert.True(Speech(text));

    [Theory]
    [InlineData("Kim Jong Un hailed them as ‘heroes’ for their role.")]
    [InlineData("He expressed gratitude, emphasizing their ‘high level of preparation’.")]
    [InlineData("Putin described the remnants of the forces in the region as being ‘situated in basements’.")]
    [InlineData("The minister said: “enough”.")]
    [InlineData("Macron threatened countries, demanding they \"convince\" North Korea.")]
    public void QuotationIntroducedByASpeechVerb_IsSpeech(string text) => Assert.True(Speech(text));

    [Theory]
    [InlineData("Kim nodded. “With your support, we can enhance our defenses.”")]
    [InlineData("The headline read nothing; “The Kremlin has made a decision” was all.")]
    public void QuotedFullClause_IsSpeech(string text) => Assert.True(Speech(text));

    [Theory]
    [InlineData("Gerasimov reportedly informed President Vladimir Putin that the operation to ‘liberate’ the region was over.")]
    [InlineData("It seems the \"analysts\" got confused.")]
    [InlineData("Where did so-called \"information from Kremlin sources that nobody named\" come from?")]
    [InlineData("The West began to hype the \"card\".")]
    public void ShortQuotation_WithoutASpeaker_IsNotSpeech(string text) => Assert.False(Speech(text));

    [Fact]
    public void QuotationJoinedToSpeech_IsSpeech()
    {
        var quotes = Doc("He praised, emphasizing their ‘preparation’ and ‘bravery’ in battle.").Quotations;
        Assert.Equal(2, quotes.Length);
        Assert.All(quotes, q => Assert.True(q.IsDirectSpeech));
    }

    [Fact]
    public void Speech_CoversDirectSpeechAndQuotedBlocks()
    {
        var d = Doc("“The Kiev regime is finished,” he said. The ‘Kiev regime’ is a label.");
        Assert.True(d.Speech.Contains(d.Prose.IndexOf("Kiev", StringComparison.Ordinal)));
        Assert.False(d.Speech.Contains(d.Prose.LastIndexOf("Kiev", StringComparison.Ordinal)));
    }

    [Fact]
    public void AColonGovernedByAWordOfSaying_IntroducesUnquotedSpeech_ToTheSentenceEnd() =>
        Verify("""
            Smith had one more theory: [|a second vessel was falsely transmitting its name.|] It was not.

            The ministry said in a statement: [|the strike hit a depot.|] In his words: [|it was over.|]

            Note: the figures are provisional. The cause is clear: a valve failed. They met at 10:30 and left.

            Three things matter, he said, including: price and time. He said:
            """, d => d.UnquotedSpeech.Spans);

    [Fact]
    public void UnquotedSpeech_IsNotSpeech_SoFixesMayEditIt()
    {
        var d = Doc("Smith had one more theory: the the ship was renamed.");
        int at = d.Prose.IndexOf("the the", StringComparison.Ordinal);
        Assert.True(d.UnquotedSpeech.Contains(at));
        Assert.False(d.Speech.Contains(at));
    }
}
