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

    [Fact]
    public void ASetOfOne_IsAnError()
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", Rule + "\n  - [Lviv]")]);
        Assert.Contains(result.Errors, e => e.Message.Contains("at least two variants") && e.Line == 9);
    }
}
