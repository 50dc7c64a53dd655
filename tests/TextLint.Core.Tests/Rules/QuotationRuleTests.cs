namespace TextLint.Core.Tests.Rules;

public class QuotationRuleTests
{
    private const string General = """
        id: TL2003
        title: Scare quotes
        message: "{match} / {text}"
        category: ScareQuotes
        kind: quotation
        """;

    private const string Terms = General + "\nterms: [liberate, analysts, experts]";
    private const string SoCalled = General + "\nmarkers: [so-called]\nrequireMarker: true";

    [Fact]
    public void ShortQuotation_WithoutSpeechVerb_IsReported() =>
        KindTestHelper.Verify(General, "The clauses need to be [|\"clarified\"|] soon.");

    [Fact]
    public void Placeholders_AreTheQuotationAndItsWords()
    {
        var d = Assert.Single(KindTestHelper.Verify(General, "It was not [|“inside information,”|] in fact."));
        Assert.Equal("“inside information,” / inside information", d.Message);
    }

    [Fact]
    public void LongQuotation_IsNotAScareQuote() =>
        KindTestHelper.Verify(General, "It was \"a pre-planned release of information\" in fact.");

    [Fact]
    public void DirectSpeech_IsNeverAScareQuote() =>
        KindTestHelper.Verify(General, "“We have options,” Jensen replied. Kim hailed them as ‘heroes’.");

    [Fact]
    public void MentionOfAWord_IsNotAScareQuote() =>
        KindTestHelper.Verify(General, "The message did not use the word \"emergency\"; it was known as ‘the plan’.");

    [Fact]
    public void TitleCaseName_IsNotAScareQuote_ButASentenceOpeningWordIs() =>
        KindTestHelper.Verify(General, "The group of forces ‘West’ and the \"South Russian Brotherhood\" moved. [|“Experts”|] doubt it.");

    [Fact]
    public void MaxWords_IsConfigurable() =>
        KindTestHelper.Verify(General + "\nmaxWords: 1", "Not [|\"rumor\"|] but \"inside information\".");

    [Fact]
    public void Exceptions_AreNeverReported() =>
        KindTestHelper.Verify(General + "\nexceptions: [at least]", "They sent \"at least\" 100 and [|\"more\"|].");

    [Fact]
    public void Terms_ReportOnlyQuotationsThatAreATerm() =>
        KindTestHelper.Verify(Terms, "The operation to [|‘liberate’|] the region; the [|\"analysts\"|] erred; \"clarified\" and \"the experts say\".");

    [Fact]
    public void Terms_InsideSpeech_AreNotReported() =>
        KindTestHelper.Verify(Terms, "He called them ‘experts’, and “we came to liberate,” the general said.");

    [Fact]
    public void Marker_ReportsTheFollowingQuotation_WhateverItsLength() =>
        KindTestHelper.Verify(SoCalled, "Where did so-called [|\"information from Kremlin sources that nobody named\"|] come from? The \"other\" one stays.");

    [Fact]
    public void Marker_WithoutAQuotation_ReportsNothing() =>
        KindTestHelper.Verify(SoCalled, "The so-called Islamic State claimed it.");

    [Fact]
    public void RequireMarker_WithoutMarkers_IsAnError()
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", General + "\nrequireMarker: true")]);
        var e = Assert.Single(result.Errors);
        Assert.Contains("'requireMarker: true' needs 'markers'", e.Message);
        Assert.Equal(6, e.Line);
    }

    [Fact]
    public void StraightSingleQuotes_AroundAVerb_AreAScareQuote() =>
        KindTestHelper.Verify(General, "Ceasefire [|'holds'|] in northern villages");

    [Fact]
    public void SourceScope_LeavesQuotationsInASourcedUnitAlone()
    {
        const string text = "According to the mayor, the ceasefire [|'holds'|] in the north. The truce is [|\"fragile\"|].\n\nThe army is [|'ready'|].";
        KindTestHelper.Verify(General, text);
        KindTestHelper.Verify(General + "\nsourceScope: sentence", text.Replace("[|'holds'|]", "'holds'"));
        KindTestHelper.Verify(General + "\nsourceScope: paragraph", text.Replace("[|'holds'|]", "'holds'").Replace("[|\"fragile\"|]", "\"fragile\""));
    }

    [Fact]
    public void SourceScope_ADirectQuotationInTheParagraph_MakesItAQuotedPassage() =>
        KindTestHelper.Verify(General + "\nsourceScope: paragraph",
            "“We will not retreat,” he told the crowd. He called the talks a \"charade\" and the envoy \"naive\".");

    [Fact]
    public void SourceScope_InvalidValue_IsReported()
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", General + "\nsourceScope: article\n")]);
        Assert.Contains(result.Errors, e => e.Message.Contains("'sourceScope' must be 'sentence' or 'paragraph'"));
    }
}

public class QuotationRuleDoubtTests
{
    private const string Doubt = """
        id: TL2004
        title: Scare quotes in the writer's voice
        message: "{text}"
        category: ScareQuotes
        kind: quotation
        doubt: only
        """;

    private const string NotDoubt = """
        id: TL2003
        title: Short quotation without a speaker
        message: "{text}"
        category: ScareQuotes
        kind: quotation
        doubt: exclude
        """;

    [Theory]
    [InlineData("Ceasefire [|'holds'|] in northern villages")]
    [InlineData("Minister [|‘regrets’|] decision to close hospital")]
    [InlineData("Officials [|\"investigate\"|] the leak")]
    [InlineData("The council [|“protects”|] the coast with two old ships.")]
    [InlineData("At the funeral she [|\"fainted\"|] several times.")]
    public void QuotedVerb_BetweenSubjectAndObject_IsDoubt(string markup) => KindTestHelper.Verify(Doubt, markup);

    [Theory]
    [InlineData("An [|‘aggressive’|] strain of the virus was found in two ducks.")]
    [InlineData("Police close road after [|'suspicious'|] package found")]
    [InlineData("A [|\"very dangerous\"|] prisoner escaped from the clinic.")]
    [InlineData("The new tariff is [|\"fully transparent\"|] and cheaper.")]
    [InlineData("The programme is [|'voluntary'|] but most staff joined.")]
    public void QuotedAdjective_WhereAdjectivesStand_IsDoubt(string markup) => KindTestHelper.Verify(Doubt, markup);

    [Theory]
    // terms being introduced, names of things: nouns
    [InlineData("In a 2005 paper they argued a \"gravity tractor\" could move the rock.")]
    [InlineData("Workers may apply for the 'green card' that grants residency.")]
    [InlineData("The rover's \"eyes\" are two cameras on a mast.")]
    [InlineData("The rule covers the 'directive' of the cell.")]
    [InlineData("He painted two chalice 'kraters' in white-ground technique.")]
    // a source in reach
    [InlineData("The ceasefire 'holds', the mayor said.")]
    [InlineData("A \"very dangerous\" prisoner escaped. Police said he was armed.")]
    [InlineData("He deems the two other rules 'unreasonable'.")]
    [InlineData("Richardson remains \"fully committed\" to the campaign.")]
    [InlineData("The new rules allow 'non-disruptive' use of profanity.")]
    // labels, glosses, mentions, lists, TL2001's marker
    [InlineData("The candidate introduced himself as \"pro-life\" at the debate.")]
    [InlineData("The word 'grayned' meaning 'bladed' is rare.")]
    [InlineData("Readers often misspell the word 'definitely'.")]
    [InlineData("The board listed \"aggressive\", \"hostile\" and \"abusive\" posts.")]
    [InlineData("These so-called 'improved' pensions are smaller.")]
    // first or second person, questions, interview transcripts
    [InlineData("We never kept logs of the \"downloaded\" files.")]
    [InlineData("Do you think the rumour became \"viral\"?")]
    [InlineData("((WN)) What happened next?\n\n((Jane Roe)) The water was 'discolored' for a day.")]
    public void TermsSourcesLabelsAndInterviews_AreNotDoubt(string text) => KindTestHelper.Verify(Doubt, text);

    [Fact]
    public void AHeadline_QuotingWordsTheStoryQuotesAgain_IsNotDoubt()
    {
        // The body's quotation is a few sentences on: out of reach of the headline's sentence-after test.
        const string body = "\n\nA man stabbed two people on Sunday. Officers chased him. They shot him in what the police declared a \"terrorist-related\" attack.";
        KindTestHelper.Verify(Doubt, "Police shoot man dead after 'terrorist-related' knife attack" + body);
        KindTestHelper.Verify(Doubt, "Police shoot man dead after [|'terrorist-related'|] knife attack\n\nOfficers shot him on Sunday.");
        // A sentence of the body is no headline: its scare quote stays its own, whatever else quotes the words.
        KindTestHelper.Verify(Doubt, "The man was shot after a [|'terrorist-related'|] knife attack on Sunday.\n\nThe shop closed.\n\nThe road reopened." + body);
    }

    [Fact]
    public void ALineThatIsNoSentence_AttributesNothing() =>
        KindTestHelper.Verify(Doubt, "Wikinews report\n\nAn [|\"aggressive\"|] strain of the virus was found in two ducks.");

    [Fact]
    public void Exclude_ReportsTheOtherShortQuotations_SoTheTwoNeverMeet()
    {
        const string text = "Ceasefire 'holds' in the north. The [|\"transition period\"|] ends soon.";
        KindTestHelper.Verify(NotDoubt, text);
        KindTestHelper.Verify(Doubt, "Ceasefire [|'holds'|] in the north. The \"transition period\" ends soon.");
    }

    [Fact]
    public void Doubt_InvalidValue_OrWithTerms_IsAnError()
    {
        var bad = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", Doubt.Replace("doubt: only", "doubt: maybe"))]);
        Assert.Contains(bad.Errors, e => e.Message.Contains("'doubt' must be 'only' or 'exclude'"));
        var terms = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", Doubt + "\nterms: [experts]")]);
        Assert.Contains(terms.Errors, e => e.Message.Contains("'doubt' applies to short quotations"));
    }
}
