using TextLint.Rules;

namespace TextLint.Core.Tests.Rules;

public class ConsistencyRuleTests
{
    private const string Rule = """
        id: TL7001
        title: Mixed spellings
        message: "'{match}' ({count}) vs '{majority}' ({majorityCount})"
        category: Consistency
        kind: consistency
        sets:
          - [Kyiv, Kiev]
          - [Odesa, Odessa]
        """;

    [Fact]
    public void MinorityVariant_IsReportedOnce_AtItsFirstOccurrence()
    {
        var d = Assert.Single(KindTestHelper.Verify(Rule, "Strikes on [|Kiev|] and Kiev's suburbs; Kyiv, Kyiv and Kyiv responded."));
        Assert.Equal("'Kiev' (2) vs 'Kyiv' (3)", d.Message);
    }

    [Theory]
    [InlineData("[|Kiev|] and Kyiv, Kyiv.", "'Kiev' once, 'Kyiv' twice")]
    [InlineData("[|Kiev|], Kiev and Kyiv, Kyiv, Kyiv.", "'Kiev' twice, 'Kyiv' 3 times")]
    public void UsesPlaceholders_SayHowOftenInWords(string text, string message)
    {
        var d = Assert.Single(KindTestHelper.Verify(Rule.Replace("({count}) vs '{majority}' ({majorityCount})", "{uses}, '{majority}' {majorityUses}"), text));
        Assert.Equal(message, d.Message);
    }

    [Fact]
    public void Tie_FavoursTheFirstListedVariant() =>
        KindTestHelper.Verify(Rule, "[|Kiev|] and Kyiv.");

    [Fact]
    public void OneVariantOnly_IsConsistent() =>
        KindTestHelper.Verify(Rule, "Kiev, Kiev and Odessa.");

    [Fact]
    public void EachSetIsJudgedOnItsOwn() =>
        KindTestHelper.Verify(Rule, "Kyiv and Kyiv, [|Kiev|]; Odessa, Odessa and [|Odesa|].");

    [Fact]
    public void SpellingsInsideDirectSpeech_AreNotCounted() =>
        KindTestHelper.Verify(Rule, "“Kiev will fall,” the commander said. Kyiv held.");

    [Theory]
    [InlineData("KIEV, Ukraine — Strikes hit Kyiv overnight; Kyiv's mayor said the city would rebuild.")]
    [InlineData("KYIV, Ukraine (AP) -- Strikes hit Kiev overnight.")]
    [InlineData("ODESSA (Reuters) - Shelling hit Odesa and Kyiv.")]
    [InlineData("Headline\n\nKIEV, Ukraine — Strikes hit Kyiv overnight.")]
    public void APlaceInAWireDateline_IsNotCounted(string text) =>
        // The dateline spells the place as the agency does; the article's own prose uses one variant.
        KindTestHelper.Verify(Rule, text);

    [Theory]
    // Capitals that are no dateline: a word with a hyphen, a headline in capitals, a dateline-like dash mid-line.
    [InlineData("[|KIEV|]-born artists met in Kyiv; Kyiv welcomed them.")]
    [InlineData("Kyiv held; Kyiv's mayor spoke.\n\nTHE [|KIEV|] OFFICE stayed shut.")]
    [InlineData("Kyiv held; Kyiv's mayor spoke. Then [|KIEV|], Ukraine — Kiev again.")]
    public void CapitalsThatAreNoDateline_AreCounted(string text) =>
        KindTestHelper.Verify(Rule, text);

    [Theory]
    [InlineData("YANGON, Myanmar — Burma", 8, 15, true)]
    [InlineData("YANGON, Myanmar — Burma", 18, 23, false)]
    [InlineData("  NEW YORK (AP) — x", 2, 10, true)]
    [InlineData("WINSTON-SALEM, N.C. — x", 0, 13, true)]
    [InlineData("A US-led force - x", 2, 4, false)]
    [InlineData("YANGON, Myanmar-born — x", 8, 15, false)]
    public void Dateline_IsThePlaceBeforeTheDash(string text, int start, int end, bool expected) =>
        Assert.Equal(expected, TextLint.Rules.Kinds.ConsistencyRule.IsInDateline(text, TextLint.Text.TextSpan.FromBounds(start, end)));

    [Fact]
    public void ASetOfOne_IsAnError()
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", Rule + "\n  - [Lviv]")]);
        Assert.Contains(result.Errors, e => e.Message.Contains("at least two variants") && e.Line == 9);
    }

    [Fact]
    public void ALargeSet_HasNoVariantLimit()
    {
        // Variants once travelled packed into an int (at most 4095 per set); the payload is now an index.
        string variants = string.Join(", ", Enumerable.Range(0, 5000).Select(i => $"v{i:D4}x"));
        string rule = Rule.Replace("  - [Odesa, Odessa]", $"  - [{variants}]");
        KindTestHelper.Verify(rule, "v4999x, v4999x and [|v0001x|].");
    }

    [Fact]
    public void AVariantInsideAnException_IsNotCounted()
    {
        string yaml = Rule.Replace("  - [Odesa, Odessa]", "  - [Odesa, Odessa]\n  - [Beijing, Peking]") + "\nexceptions: [Peking University, 'Odessa, Texas']\n";
        KindTestHelper.Verify(yaml, "She left Peking University for Beijing; Beijing was cold. Odessa, Texas, and Odesa.");
        KindTestHelper.Verify(yaml, "Beijing and Beijing, then [|Peking|] and Peking University.");
    }
}
