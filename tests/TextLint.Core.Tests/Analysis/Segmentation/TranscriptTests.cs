using TextLint.Documents.Segmentation;
using static TextLint.Core.Tests.Analysis.Segmentation.SegmentationTestHelper;

namespace TextLint.Core.Tests.Analysis.Segmentation;

public class TranscriptTests
{
    [Fact]
    public void BracketedTurns_AndTheParagraphsThatContinueThem_AreSpeech() =>
        Verify("""
            Wikinews spoke to the author about the hoax.

            [|((WN)) When did you first hear of it?|]

            [|((Konrad Godlewski)) By accident, four years ago.|]

            [|The second reason was the attitude towards streets, most probably close to the institute.|]

            [|((WN)) And then?|]

            [|((KG)) We published it.|]
            """, d => d.TranscriptSpeech.Spans.SelectMany(s => d.Paragraphs.Where(p => s.Contains(p))));

    [Fact]
    public void QAndATurns_AreSpeech_AndAHeadingEndsTheTranscript() =>
        Verify("""
            # Interview

            The minister answered our questions.

            [|Q: Is the plan ready?|]

            [|A: It is, and it is the finest plan we have ever had.|]

            [|It will be published on Monday.|]

            [|Q: When will it start?|]

            [|A: Next year.|]

            ## Background

            The plan was first announced in May.
            """, d => d.TranscriptSpeech.Spans.SelectMany(s => d.Paragraphs.Where(p => s.Contains(p))), "test.md");

    [Fact]
    public void OneNameAndColonLine_DoesNotMakeAnArticleATranscript()
    {
        var d = Doc("""
            The council met on Monday.

            Smith: we will appeal against the ruling.

            The appeal will be heard in June. The councillors were clearly divided.

            Toss: England won, and elected to field first.
            """);
        Assert.True(d.TranscriptSpeech.IsEmpty);
        Assert.False(d.Speech.Contains(d.Prose.IndexOf("clearly", StringComparison.Ordinal)));
    }

    [Fact]
    public void WithOneLabelledSpeaker_OnlyTheTurnsAreSpeech()
    {
        // The interviewer's questions are labelled, the answers are lost: what follows a question may be reportage.
        var d = Doc("""
            ((WSS)) When did you join the party?

            ((WSS)) What are your duties?

            At the convention on June 20, the party nominated its ticket.

            ((WSS)) Why should voters choose you?
            """);
        Assert.Equal(["((WSS)) When did you join the party?", "((WSS)) What are your duties?", "((WSS)) Why should voters choose you?"],
            Texts(d, d.TranscriptSpeech.Spans));
        Assert.True(d.Speech.Contains(d.Prose.IndexOf("duties", StringComparison.Ordinal)));
        Assert.False(d.Speech.Contains(d.Prose.IndexOf("convention", StringComparison.Ordinal)));
    }

    [Fact]
    public void ALanguageTag_IsNoSpeakersLabel()
    {
        var d = Doc("He said it.\n\n((ru)) Он сказал.\n\n((es)) Lo dijo.\n\n((hi)) उसने कहा।");
        Assert.True(d.TranscriptSpeech.IsEmpty);
    }

    [Theory]
    [InlineData("((Jane Roe)) Well.", "Jane Roe", true)]
    [InlineData("  Q: Why?", "Q", false)]
    [InlineData("Mike Halterman: So, you've been billed", "Mike Halterman", false)]
    [InlineData("Fall of wickets: 1-18", null, false)]
    [InlineData("Note on this: it was over", null, false)]
    [InlineData("((es)) Lo dijo.", null, false)]
    [InlineData("Q:no space", null, false)]
    public void TryLabel_ReadsTheSpeakersLabel(string paragraph, string? label, bool bracketed)
    {
        bool found = Transcript.TryLabel(paragraph, new TextLint.Text.TextSpan(0, paragraph.Length), out var span, out bool b);
        Assert.Equal(label is not null, found);
        if (label is null) return;
        Assert.Equal(label, paragraph.Substring(span.Start, span.Length));
        Assert.Equal(bracketed, b);
    }
}
