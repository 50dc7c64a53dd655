using CsCheck;
using TextLint.Rules.Kinds;
using TextLint.Tests.Properties;

namespace TextLint.Core.Tests.Rules;

public class RepetitionRuleTests
{
    private const string Paragraphs = """
        id: TL6001
        title: Repeated paragraph
        message: "repeats line {line}"
        category: Structure
        kind: repetition
        speech: include
        """;

    private const string Words = Paragraphs + "\nunit: word\nexceptions: [had, that]";

    [Fact]
    public void RepeatedHeadline_IsReportedAtTheCopy()
    {
        var d = Assert.Single(KindTestHelper.Verify(Paragraphs, "Russia Completes Kursk Operation\n\n [|russia completes  Kursk operation|]\n\nBody."));
        Assert.Equal("repeats line 1", d.Message);
    }

    [Fact]
    public void ShortRepeatedLines_AreBelowMinWords() =>
        KindTestHelper.Verify(Paragraphs, "Post a Comment\n\nPost a Comment");

    [Fact]
    public void DifferentParagraphs_AreNotReported() =>
        KindTestHelper.Verify(Paragraphs, "The talks resumed on Monday.\n\nThe talks resumed on Tuesday.");

    /// <summary>Units are keyed by their ends; texts that share both ends must still be told apart, and each found again.</summary>
    [Fact]
    public void ParagraphsSharingTheirEnds_AreToldApart_AndEachRepeatIsFound()
    {
        const string a = "The ministry said on Monday that the talks in Geneva would resume next week, officials in Kyiv confirmed.";
        const string b = "The ministry said on Monday that the army had pulled back from the river, officials in Kyiv confirmed.";
        var found = KindTestHelper.Verify(Paragraphs, $"{a}\n\n{b}\n\n[|{b}|]\n\n[|{a}|]");
        Assert.Equal(["repeats line 3", "repeats line 1"], found.Select(d => d.Message));
    }

    [Fact]
    public void QuoteStyles_DoNotHideARepeat() =>
        KindTestHelper.Verify(Paragraphs, "He said it's “over” now.\n\n[|He said it’s \"over\" now.|]");

    [Fact]
    public void LineUnit_ComparesLines() =>
        KindTestHelper.Verify(Paragraphs + "\nunit: line", "The same line of text here\n[|The same line of text here|]\n");

    [Fact]
    public void DoubledWord_IsReported() =>
        KindTestHelper.Verify(Words, "Charge phones at [|the the|] school and [|to\nto|] the car.");

    [Fact]
    public void DeliberateDoubles_AreNotReported() =>
        KindTestHelper.Verify(Words, "What he had had was gone; that that was final; Bora Bora; 20 20.");

    [Fact]
    public void TripledWord_IsOneFinding() =>
        KindTestHelper.Verify(Words, "It was [|very very|] very late.");

    [Fact]
    public void UnknownUnit_IsAnError()
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", Paragraphs + "\nunit: chapter")]);
        Assert.Contains(result.Errors, e => e.Message.Contains("unit 'chapter' is not one of"));
    }

    /// <summary>
    /// Units compare as their folded text with every run of white space one space (trailing space
    /// ignored): the same answer whether the exact-copy shortcut applies or not.
    /// </summary>
    [Fact]
    public void SameText_AgreesWithComparingFoldedTexts()
    {
        static string Folded(string s)
        {
            var b = new System.Text.StringBuilder();
            foreach (char c in s)
            {
                char f = RepetitionRule.Fold(c);
                if (f != ' ' || b.Length == 0 || b[^1] != ' ') b.Append(f);
            }
            return b.ToString().TrimEnd(' ');
        }
        var pairs = Gen.Select(AdversarialText.Text, Gen.Int[0, 4], (a, how) => (a, b: how switch
        {
            0 => new string(a.AsSpan()),
            1 => a.ToUpperInvariant(),
            2 => a.Replace(" ", "  \n").Replace('\u201C', '"'),
            3 => a + " x",
            _ => a.Length > 1 ? a[1..] + a[0] : a,
        }));
        pairs.Sample(p => Assert.Equal(Folded(p.a) == Folded(p.b), RepetitionRule.SameText(p.a, p.b)), iter: 3000);
        foreach (string file in Directory.EnumerateFiles(TestPaths.Seeds, "*.txt"))
        {
            string text = File.ReadAllText(file);
            Assert.True(RepetitionRule.SameText(text, new string(text.AsSpan())));
            Assert.True(RepetitionRule.SameText(text, text.ToUpperInvariant().Replace("\n", " \n ")) == (Folded(text) == Folded(text.ToUpperInvariant().Replace("\n", " \n "))));
        }
    }
}
