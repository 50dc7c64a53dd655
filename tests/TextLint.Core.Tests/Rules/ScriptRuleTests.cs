using TextLint.Rules;

namespace TextLint.Core.Tests.Rules;

public class ScriptRuleTests
{
    private const string Rule = """
        id: TL4001
        title: Untranslated
        message: "'{match}' is {script} in a {dominant} text."
        category: Untranslated
        kind: script
        """;

    [Fact]
    public void ForeignScriptRun_IsReported_WithItsScript()
    {
        var d = Assert.Single(KindTestHelper.Verify(Rule, "The press release from the security council[|特意|] emphasized it."));
        Assert.Equal("'特意' is Han in a Latin text.", d.Message);
    }

    [Fact]
    public void RunOfSeveralWords_IncludesTheSpacesBetweenThem() =>
        KindTestHelper.Verify(Rule, "They painted [|Россия здесь навсегда|] on the wall of the school.");

    [Fact]
    public void MixedJapaneseScripts_AreOneRun() =>
        KindTestHelper.Verify(Rule, "The sign read [|ありがとうカタカナ漢字|] in the window of the shop downtown.");

    [Fact]
    public void GlossedRuns_AreNotReported() =>
        KindTestHelper.Verify(Rule, "The slogan Слава Україні (Glory to Ukraine) and deliberately (特意) were noted in the text.");

    [Fact]
    public void AccentedLatin_IsNotForeign() =>
        KindTestHelper.Verify(Rule, "Café, naïve, résumé and Zaporizhzhia.");

    [Fact]
    public void DominantScript_IsDecidedPerDocument() =>
        KindTestHelper.Verify(Rule, "Москва заявила, что [|NATO|] готовит провокацию у границы.");

    [Fact]
    public void AllowAndIgnoreAndMinLetters_SilenceRuns()
    {
        KindTestHelper.Verify(Rule + "\nallow: [π]", "The ratio π was computed by the team of scientists.");
        KindTestHelper.Verify(Rule + "\nignore: [Greek]", "The beam emitted γ rays and β particles in the lab.");
        KindTestHelper.Verify(Rule + "\nminLetters: 2", "The beam emitted γ rays, said the [|Ελληνικά|] text.");
    }

    [Fact]
    public void UnknownScriptName_IsAnErrorAtItsPosition()
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", Rule + "\nignore: [Klingon]")]);
        var e = Assert.Single(result.Errors);
        Assert.Contains("Unknown script 'Klingon'", e.Message);
        Assert.Equal((6, 10), (e.Line, e.Column));
    }
}
