using CsCheck;
using TextLint.Documents.Segmentation;
using TextLint.Tests;
using TextLint.Tests.Properties;
using static TextLint.Core.Tests.Analysis.Segmentation.SegmentationTestHelper;

namespace TextLint.Core.Tests.Analysis.Segmentation;

public class QuotationFinderTests
{
    private static void Quotes(string markup) => Verify(markup, d => d.Quotations.Select(q => q.Span));

    [Fact]
    public void CurlyDoubleAndSingle_AreFound() =>
        Quotes("He said [|“no”|] and the operation to [|‘liberate’|] ended.");

    [Fact]
    public void StraightQuotes_AreReadFromTheirNeighbours() =>
        Quotes("The [|\"analysts\"|] got confused, and the dollar [|'umbrella.'|] folded.");

    [Fact]
    public void NestedQuotations_AreBothFound()
    {
        var d = Doc("“He called it ‘a disgrace’ twice,” she said.");
        Assert.Equal(2, d.Quotations.Length);
        Assert.Equal(0, d.Quotations[0].Depth);
        Assert.Equal(1, d.Quotations[1].Depth);
        Assert.Equal("‘a disgrace’", d.Prose.Substring(d.Quotations[1].Span.Start, d.Quotations[1].Span.Length));
    }

    [Theory]
    [InlineData("Putin's visit and Pyongyang’s presence were noted.")]
    [InlineData("It was the '90s and the ’80s before that.")]
    [InlineData("None of this is rock 'n' roll, or rock ’n’ roll.")]
    [InlineData("The soldiers' families and the soldiers’ wives wrote letters.")]
    [InlineData("Tell 'em it's over, 'til dawn.")]
    [InlineData("Jesus' words were read.")]
    public void Apostrophes_AreNotQuotes(string text) => Assert.Empty(Doc(text).Quotations);

    [Fact]
    public void PluralPossessive_InsideAQuotation_DoesNotCloseIt() =>
        Quotes("She said [|‘the soldiers’ families deserve better’|] on Monday.");

    [Fact]
    public void PluralPossessive_AtTheEndOfAQuotation_ClosesIt() =>
        Quotes("He praised [|‘the veterans’|] and left.");

    [Fact]
    public void QuotationsDoNotCrossParagraphs() =>
        Quotes("An opening \"mark here\n\nand a closing\" there.");

    [Fact]
    public void UnclosedQuotation_AtParagraphStart_RunsToTheParagraphEnd() =>
        Quotes("[|“We will go on,|]\n\n[|“And we will win.”|]");

    [Fact]
    public void Guillemets_AreQuotes() => Quotes("The paper called it [|«a victory»|].");

    /// <summary>The two-set search yields the marks one search for all of them yields, in order, from any forward steps.</summary>
    [Fact]
    public void MarkSearch_FindsWhatOneSearchForAllMarksFinds()
    {
        static void Check(string text, int step)
        {
            var marks = new QuotationFinder.MarkSearch(text);
            for (int from = 0; from <= text.Length; from += step)
            {
                int k = text.AsSpan(from).IndexOfAny(QuotationFinder.Marks);
                Assert.Equal(k < 0 ? -1 : from + k, marks.Next(from));
                if (k >= 0 && step == 1) from += k; // jump to the mark, as the finder does
            }
            Assert.Equal(text.AsSpan().IndexOfAny(QuotationFinder.Marks) >= 0, QuotationFinder.HasQuoteMarks(text));
        }
        Gen.Select(AdversarialText.Text, Gen.Int[1, 7]).Sample(c => Check(c.Item1, c.Item2), iter: 3000);
        foreach (string file in Directory.EnumerateFiles(TestPaths.Seeds, "*.txt"))
        {
            string text = File.ReadAllText(file);
            Check(text, 1);
            Check(text.Replace('"', '\u201C').Replace('\'', '\u2019'), 1);
            Check(text.Replace('"', '\u00AB'), 3);
        }
        for (int c = 0; c <= char.MaxValue; c++)
        {
            string one = ((char)c).ToString();
            Assert.Equal(QuotationFinder.Marks.Contains((char)c), QuotationFinder.HasQuoteMarks(one));
        }
    }
}
