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
    public void APassageInAnotherLanguage_IsOneFindingPerParagraph()
    {
        // An interview with the Hindi after each answer: one finding per answer, not one per phrase.
        // Each answer's original differs (the number inside it), so none is a repeat of one already reported.
        string Answer(int i) => $"He said the rituals kept the disease away from the country for months, and that the ministers who ate chicken in public had challenged it, [|कोरोना भारत {i} में यग्न अनुष्ठान के कारण शांत था। लेकिन तेलंगाना के इन नादान, अहंकारी मंत्रियों ने जीव हत्या कर|] and then, कोरोना भारत, he left.";
        KindTestHelper.Verify(Rule, string.Join("\n\n", Enumerable.Range(0, 30).Select(Answer)));
    }

    [Fact]
    public void AnOriginalLabelledWithItsLanguage_IsNotReported() =>
        KindTestHelper.Verify(Rule, "Chakrapani said: \"Corona was quiet in India.\" ((hi))Hindi language: \u200Dकोरोना भारत में यग्न अनुष्ठान के कारण शांत था। लेकिन तेलंगाना के इन नादान.\n\nYeltsin (Russian: Бори́с Никола́евич Е́льцин) died. The slogan: [|Слава Україні|].");

    [Fact]
    public void ALoneLetterOfAnotherAlphabet_IsASymbol_ButOneHanCharacterIsAWord() =>
        KindTestHelper.Verify(Rule, "They took 8.5ع.د billion; the λ value and the Ж mark; the sign [|年|] hung there.");

    [Fact]
    public void AWholeArticleInAnotherScript_IsOneFinding_WhenTheScriptIsExpected()
    {
        string article = "[|Москва заявила о новых ударах|]\n\nМинистерство обороны сообщило, что NATO и EU готовят ответ.\n\nВ USA и UK молчат.";
        KindTestHelper.Verify(Rule + "\nexpect: Latin", article);
        // With a fair share of English, the English is not what is foreign: the Russian is.
        KindTestHelper.Verify(Rule + "\nexpect: Latin", "The minister said on Monday: [|Москва заявила о новых ударах по городу|].");
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
