using TextLint.Rules;

namespace TextLint.Core.Tests.Rules;

public class BoilerplateRuleTests
{
    private const string Rule = """
        id: TL5001
        title: Residue
        message: "'{match}' is residue."
        category: Boilerplate
        kind: boilerplate
        lines: [Post a Comment, Close Menu, Share this]
        patterns: ['\d+ Comments?']
        """;

    [Fact]
    public void WholeLines_AreReported_TrimmedAndWithTrailingPunctuation() =>
        KindTestHelper.Verify(Rule, "Text.\n\n  [|Post a Comment|]  \n\n[|0 Comments|]\n\n[|Share this:|]\n\n[|Close Menu|]");

    /// <summary>
    /// A pattern with a required phrase runs only where the phrase occurs (in any case, inside a word too);
    /// one without ("\d{3,}", "[A-Z]+") runs on every unit. Both must still find their lines.
    /// </summary>
    [Fact]
    public void PatternsWithAndWithoutRequiredPhrases_AreBothApplied() =>
        KindTestHelper.Verify(Rule.Replace("'\\d+ Comments?'", "'\\d+ (?:Comments?|Responses?)', '\\d{3,}', 'ID-[A-Z]+', 'x+'"),
            "Text.\n\n[|7 RESPONSES|]\n\n[|20240|]\n\n[|id-ABC|]\n\n[|XXX|]\n\nA 7 responses line that is prose.");

    [Fact]
    public void APhraseInsideALine_IsNotResidue() =>
        KindTestHelper.Verify(Rule, "Readers may post a comment below, the editor wrote.\nThere were 12 Comments in total on the page.");

    [Fact]
    public void Patterns_MustMatchTheWholeUnit() =>
        KindTestHelper.Verify(Rule, "[|12 Comments|]\n12 Comments were deleted by moderators today.");

    [Fact]
    public void SentenceScope_FindsResidueRunIntoAParagraph() =>
        KindTestHelper.Verify(Rule.Replace("lines: [Post a Comment, Close Menu, Share this]", "lines: [x]\nscope: sentence").Replace("'\\d+ Comments?'", "'Screenshot: .{1,80}'"),
            "Kim inspected a military hospital. [|Screenshot: KCNA website|]\nNext paragraph.");

    [Fact]
    public void UnlessNext_KeepsALabelFollowedByItsValue() =>
        KindTestHelper.Verify(Rule.Replace("[Post a Comment, Close Menu, Share this]", "[Author]") + "\nunlessNext: '\\p{Lu}\\w+ \\p{Lu}\\w+'",
            "Author:\n\nAlexander Babitsky\n\nText.\n\n[|Author:|]\n\nthe end.");

    [Fact]
    public void MaxLength_SkipsLongLinesForPatterns() =>
        KindTestHelper.Verify(Rule.Replace("'\\d+ Comments?'", "'.*Comments'") + "\nmaxLength: 20", "[|Some Comments|]\nA long line that ends with Comments");

    private const string Credits = """
        id: TL5008
        title: Credit
        message: "'{match}' is a credit."
        category: Boilerplate
        kind: boilerplate
        scope: sentence
        fix: safe
        mergeRuns: true
        patterns: ['Image:[^.!?]*\.?', 'Photo by [^.!?]*\.?']
        """;

    private static string ApplyFixes(string markup)
    {
        var (text, _) = TextLint.Testing.TestMarkup.Parse(markup);
        var found = KindTestHelper.Verify(Credits, markup);
        return TextLint.Engine.FixApplier.Apply(text, found.Select(d => d.Fix!), TextLint.Diagnostics.FixSafety.Safe).Text;
    }

    [Fact]
    public void MergeRuns_ReportsAGalleryOnce_AndItsFixDeletesEveryCredit() =>
        Assert.Equal("Lede.\n\nThe stage.\n\nThe crowd.\n\nThe square.\n\nEnd.",
            ApplyFixes("Lede.\n\nThe stage. [|Image: Ann Lee.|]\n\nThe crowd. Image: Bo Ek.\n\nThe square. Image: Ann Lee.\n\nEnd."));

    [Fact]
    public void MergeRuns_CreditsOnLinesOfTheirOwn_AreDeletedWithTheirBlankLines() =>
        // Each deletion takes the blank lines beside its line; where two reach the same blank line they join,
        // and a run that ends the text takes the blank lines before it.
        Assert.Equal("Lede.\n",
            ApplyFixes("Lede.\n\n[|Photo by Ann Lee.|]\n\nPhoto by Bo Ek.\n\nPhoto by Cy Fox.\n"));

    [Fact]
    public void MergeRuns_CreditsWithProseBetween_AreSeparateFindings() =>
        KindTestHelper.Verify(Credits, "The stage. [|Image: Ann Lee.|]\n\nThe fair opened on Monday.\n\nThe crowd. [|Image: Bo Ek.|]");

    [Fact]
    public void MergeRuns_ASecondGalleryOfRepeatedCredits_IsNotReportedAgain() =>
        KindTestHelper.Verify(Credits,
            "The stage. [|Image: Ann Lee.|]\n\nThe crowd. Image: Bo Ek.\n\nThe fair opened.\n\nThe square. Image: Bo Ek.\n\nThe park. Image: Ann Lee.\n\nThe show ended.\n\nThe river. [|Image: Cy Fox.|]");

    [Fact]
    public void WithoutMergeRuns_EachCreditIsReported_ARepeatOnce() =>
        KindTestHelper.Verify(Credits.Replace("mergeRuns: true", "mergeRuns: false"),
            "The stage. [|Image: Ann Lee.|]\n\nThe crowd. [|Image: Bo Ek.|]\n\nThe square. Image: Ann Lee.");

    [Fact]
    public void ScopeOutsideTheKindsUnits_IsAnError()
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", Rule + "\nscope: quote")]);
        var e = Assert.Single(result.Errors);
        Assert.Contains("take scope line, sentence, paragraph, not 'quote'", e.Message);
        Assert.Equal((8, 8), (e.Line, e.Column));
    }

    [Fact]
    public void MergeRuns_ThatIsNotABoolean_IsReportedWithItsPosition()
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", Rule + "\nmergeRuns: sometimes\n")]);
        var error = Assert.Single(result.Errors, e => e.Message.Contains("'mergeRuns' must be true or false"));
        // The line of the bad value in t.yaml (the rule's seven lines come first), not just the file.
        Assert.Equal(("t.yaml", 8), (error.Path, error.Line));
    }
}
