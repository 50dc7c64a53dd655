using TextLint.Rules;

namespace TextLint.Core.Tests.Rules;

public class BrokenWordRuleTests
{
    private const string Rule = """
        id: TL8001
        title: Broken word
        message: "'{match}' -> '{joined}'"
        category: Typography
        kind: brokenword
        """;

    [Fact]
    public void WordBrokenByASpacedDash_IsReported_WithTheJoinedWord()
    {
        var d = Assert.Single(KindTestHelper.Verify(Rule, "This [|dyna – mic|] risks pushing peace further out of reach."));
        Assert.Equal("'dyna – mic' -> 'dynamic'", d.Message);
    }

    [Fact]
    public void JoinedWordElsewhereInTheText_IsEvidence() =>
        KindTestHelper.Verify(Rule, "The [|nego – tiations|] stalled; negotiations resume on Monday.");

    [Fact]
    public void DashBetweenFunctionWords_IsARealDash() =>
        KindTestHelper.Verify(Rule, "Sanctions do not fail – it is that they work slowly – and the war – and the peace.");

    [Fact]
    public void PairedDashes_EncloseAnAside() =>
        KindTestHelper.Verify(Rule, "The city – home to a port – was shelled.");

    [Fact]
    public void ContentWordsThatRecur_AreRealWords() =>
        KindTestHelper.Verify(Rule, "The city – port was shelled. The city has no port now.");

    [Fact]
    public void ASecondFragmentThatDoesNotEndLikeAWord_IsNotReported() =>
        KindTestHelper.Verify(Rule, "They sent food – aid to the region.");

    [Fact]
    public void CapitalisedFragments_AreNames() =>
        KindTestHelper.Verify(Rule, "Kyiv – Moscow talks and Narva – home base.");

    [Fact]
    public void Words_ExtendTheStandaloneList() =>
        KindTestHelper.Verify(Rule + "\nwords: [mic]", "This dyna – mic risks it.");

    [Fact]
    public void Dashes_AreConfigurable() =>
        KindTestHelper.Verify(Rule + "\ndashes: \"—\"", "This dyna – mic is one and the [|sta — tic|] one another.");
}
