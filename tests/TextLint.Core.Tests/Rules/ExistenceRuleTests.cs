using TextLint.Diagnostics;
using TextLint.Loading;
using TextLint.Rules;

namespace TextLint.Core.Tests.Rules;

public class ExistenceRuleTests
{
    private const string Rule = """
        id: TL1001
        title: Vague attribution
        message: "'{match}' names no source."
        category: Attribution
        kind: existence
        tokens: [reportedly, according to reports, regime]
        exceptions: [regime change]
        """;

    [Fact]
    public void Tokens_AreReportedExactly() =>
        KindTestHelper.Verify(Rule, "He [|reportedly|] left, [|according to reports|].");

    [Fact]
    public void MessagePlaceholder_IsFilledWithTheMatch()
    {
        var d = KindTestHelper.Verify(Rule, "[|Reportedly|], yes.");
        Assert.Equal("'Reportedly' names no source.", d[0].Message);
    }

    [Fact]
    public void Exceptions_SilenceTokensInsideThem() =>
        KindTestHelper.Verify(Rule, "A policy of regime change is not a [|regime|] label.");

    [Fact]
    public void Regex_IsMatched()
    {
        string yaml = Rule.Replace("tokens: [reportedly, according to reports, regime]", "regex: ['\\bsources? (say|said)\\b']");
        KindTestHelper.Verify(yaml, "As [|sources said|] and [|source says|]... no: sources told.".Replace("source says", "source say"));
    }

    [Fact]
    public void OverlappingTokens_ReportTheLongestOnce()
    {
        string yaml = Rule.Replace("tokens: [reportedly, according to reports, regime]", "tokens: [Kiev, Kiev regime]").Replace("exceptions: [regime change]", "");
        KindTestHelper.Verify(yaml, "the [|Kiev regime|] and [|Kiev|]");
    }

    [Fact]
    public void CaseSensitive_WhenIgnorecaseIsFalse()
    {
        string yaml = Rule.Replace("tokens: [reportedly, according to reports, regime]", "tokens: [AP]\nignorecase: false").Replace("exceptions: [regime change]", "");
        KindTestHelper.Verify(yaml, "[|AP|] said; ap and Ap did not.");
    }

    [Fact]
    public void BacktrackingPattern_FallsBackToATimeoutRegex()
    {
        // A backreference needs the backtracking engine: it must still load and match.
        string yaml = Rule.Replace("tokens: [reportedly, according to reports, regime]", "regex: ['\\b(\\w+) \\1\\b']").Replace("exceptions: [regime change]", "");
        KindTestHelper.Verify(yaml, "This is [|the the|] end.");
    }

    [Fact]
    public void CatastrophicPattern_FinishesQuickly_WithNonBacktracking()
    {
        string yaml = Rule.Replace("tokens: [reportedly, according to reports, regime]", "regex: ['(a+)+$']").Replace("exceptions: [regime change]", "");
        string text = new string('a', 50_000) + "!";
        var engine = KindTestHelper.Engine(yaml);
        var result = engine.Analyze(TextLint.Documents.Document.Create(TextLint.Text.SourceText.From(text)));
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Notifications);
    }

    private const string WithReplacements = """
        id: TL3301
        title: Euphemism
        message: "'{match}' is a euphemism."
        category: EmotiveLanguage
        kind: existence
        fix: unsafe
        tokens: [passed away, collateral damage, pacification]
        replacements:
          passed away: died
          collateral damage: civilian casualties
        """;

    [Fact]
    public void Replacements_AreOfferedAsFixes_WithTheRulesSafety_AndTheWrittenCase()
    {
        var d = KindTestHelper.Verify(WithReplacements, "[|Passed away|] in May; [|collateral damage|] and [|pacification|].");
        Assert.Equal("Died", Assert.Single(d[0].Fix!.Edits).NewText);
        Assert.Equal(FixSafety.Unsafe, d[0].Fix!.Safety);
        Assert.Equal("civilian casualties", Assert.Single(d[1].Fix!.Edits).NewText);
        Assert.Null(d[2].Fix); // a token without a replacement is reported without a fix
    }

    [Fact]
    public void Replacements_WithoutFix_AreUnsafeFixes_AndFixNone_TurnsThemOff()
    {
        // As with 'swap' and 'replacement': saying what to write instead offers an unsafe fix unless 'fix' says otherwise.
        var d = KindTestHelper.Verify(WithReplacements.Replace("fix: unsafe\n", ""), "She [|passed away|].");
        Assert.Equal(FixSafety.Unsafe, d[0].Fix!.Safety);
        var none = KindTestHelper.Verify(WithReplacements.Replace("fix: unsafe\n", "fix: none\n"), "She [|passed away|].");
        Assert.Null(none[0].Fix);
    }

    [Fact]
    public void AReplacementForNoToken_IsAnError_AtItsKey()
    {
        var result = RulePackLoader.Load([new PackFile("p.yaml", WithReplacements.Replace("  passed away: died", "  passed on: died"))]);
        var e = Assert.Single(result.Errors);
        Assert.Contains("'passed on' is not one of the rule's tokens", e.Message);
        Assert.Equal(9, e.Line);
    }

    [Fact]
    public void FixWithoutReplacements_IsAnError()
    {
        string yaml = WithReplacements[..WithReplacements.IndexOf("replacements:", StringComparison.Ordinal)];
        var result = RulePackLoader.Load([new PackFile("p.yaml", yaml)]);
        Assert.Contains(result.Errors, e => e.Message.Contains("needs 'replacement', 'replacements' or 'swap'", StringComparison.Ordinal));
    }

    private const string NamedRegime = """
        id: TL3001
        title: Regime after a name
        message: "'{match}'"
        category: EmotiveLanguage
        kind: existence
        ignorecase: false
        tokens: [regime]
        precededBy: '\b\p{Lu}\p{Ll}*[^n\W]\s+'
        exceptions: [sanctions regime]
        """;

    [Fact]
    public void PrecededBy_KeepsOnlyTokensAfterAMatch_AndTheMatchJoinsTheFinding()
    {
        var d = KindTestHelper.Verify(NamedRegime, "The [|Kiev regime|] and the Korean regime; a tax regime; [|Assad regime|] forces. Sanctions regime ends.");
        Assert.Equal("'Kiev regime'", d[0].Message);
    }

    [Fact]
    public void PrecededBy_LooksOnlyAFewWordsBack_SoAHugeLineCostsNothing()
    {
        string text = string.Concat(Enumerable.Repeat("Budget talks went on. ", 200_000)) + "The Kiev regime fell.";
        var d = Assert.Single(KindTestHelper.Engine(NamedRegime).Analyze(TextLint.Documents.Document.Create(TextLint.Text.SourceText.From(text, "a.txt"))).Diagnostics);
        Assert.Equal("Kiev regime", text.Substring(d.Span.Start, d.Span.Length));
    }

    private const string Loaded = """
        id: TL3205
        title: Judgemental adjective
        message: "'{match}'"
        category: Editorializing
        kind: existence
        tokens: [vermin, bizarre, so-called, Dear Leader]
        """;

    [Fact]
    public void SkipNames_LeavesALowerCaseTokenCapitalisedMidSentence_ButNotASentenceStart()
    {
        string yaml = Loaded + "\nskipNames: true\n";
        KindTestHelper.Verify(yaml, "He beat performance artist Vermin Supreme. [|Vermin|] is what they called them. Rats are [|vermin|]. They praised the [|Dear Leader|].");
        // Without the option the name is reported too.
        KindTestHelper.Verify(Loaded, "He beat performance artist [|Vermin|] Supreme.");
    }

    [Fact]
    public void OutsideQuotes_LeavesATokenInAnyQuotation()
    {
        string yaml = Loaded + "\noutsideQuotes: true\n";
        KindTestHelper.Verify(yaml, "She regarded the group as \"bizarre\" and the plan was [|bizarre|].");
        KindTestHelper.Verify(Loaded, "She regarded the group as \"[|bizarre|]\".");
    }

    [Fact]
    public void OutsideQuotes_LeavesATokenInSpeechAfterAGoverningColon()
    {
        string yaml = Loaded + "\noutsideQuotes: true\n";
        KindTestHelper.Verify(yaml, "Smith had one more theory: the plan was bizarre. The result is clear: the plan was [|bizarre|].");
        KindTestHelper.Verify(Loaded, "Smith had one more theory: the plan was [|bizarre|].");
    }

    [Fact]
    public void UnlessParagraph_ReadsTheParagraphWithoutItsQuotations()
    {
        string yaml = Loaded + "\nunlessParagraph: ['\\b(?:I|my|we)\\b']\n";
        KindTestHelper.Verify(yaml,
            "Q: Why did it fail? A: I think the launch was bizarre.\n\n" +
            "The mayor said: \"I am shocked.\" The launch was [|bizarre|].");
    }

    [Fact]
    public void NotFollowedBy_DropsATokenBeforeTheGivenText()
    {
        string yaml = Loaded + "\nignorecase: false\nnotFollowedBy: '\\s*(?:[\"“]|\\p{Lu})'\n";
        KindTestHelper.Verify(yaml, "The [|so-called|] reforms; the so-called Bali Roadmap; a so-called “fifth Beatle”.");
    }

    [Fact]
    public void UnlessBefore_DropsATokenWhoseSentenceBeforeItMatches()
    {
        // Only the part of the sentence before the token counts: a speech verb after it, or in the
        // sentence before, leaves the token reported.
        string yaml = Rule + "\nunlessBefore: ['\\b(?:says|said)\\b', '\\bon\\s+\\z']\n";
        KindTestHelper.Verify(yaml,
            "He says the regime fell. The [|regime|] fell, he said. He said so. The [|regime|] fell. A debate on regime was held.");
    }
}
