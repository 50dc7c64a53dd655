using TextLint.Rules;

namespace TextLint.Core.Tests.Rules;

public class AttributionRuleTests
{
    private const string Rule = """
        id: TL1001
        title: Vague attribution
        message: "'{match}' names no source."
        category: Attribution
        kind: attribution
        markers: [reportedly, according to official reports, some argue]
        regex: ['\bexperts (?:say|believe)\b']
        sources:
          - '\b[Aa]ccording to (?:the )?\p{Lu}\w*'
          - '\b\p{Lu}\w+ (?:said|reported)\b'
        sourceNames: [Reuters, TASS]
        exceptions: [the experts]
        """;

    [Fact]
    public void Markers_AreReported() =>
        KindTestHelper.Verify(Rule, "Gerasimov [|reportedly|] informed Putin. Soldiers, [|according to official reports|], took part.");

    [Fact]
    public void InterviewTranscriptTurns_AreTheSpeakersVoice() =>
        KindTestHelper.Verify(Rule, "((Jane Roe)) Some argue it was reportedly over.\n\nQ: Was it reportedly over?\n\nNote on this: it was [|reportedly|] over.\n\nIt was [|reportedly|] over: the end.");

    [Fact]
    public void RegexMarkers_AreReported() =>
        KindTestHelper.Verify(Rule, "[|Experts say|] the plan will fail.");

    [Fact]
    public void ConcreteSourceInTheSameSentence_SilencesTheMarker() =>
        KindTestHelper.Verify(Rule, "He reportedly left, according to the Defense Ministry. She [|reportedly|] stayed. It reportedly ended, Reuters reported.");

    [Fact]
    public void SourceName_InTheSameSentence_SilencesTheMarker() =>
        KindTestHelper.Verify(Rule, "Troops reportedly crossed, TASS wrote. Others [|reportedly|] did not.");

    [Fact]
    public void SourceName_IsCaseSensitive() =>
        KindTestHelper.Verify(Rule, "They [|reportedly|] read tass leaves.");

    [Fact]
    public void ASourcePatternOverlappingTheMarker_DoesNotCount() =>
        KindTestHelper.Verify(Rule.Replace("[reportedly, according to official reports, some argue]", "[according to Western media]"),
            "It happened, [|according to Western media|].");

    [Fact]
    public void Exceptions_SilenceOverlappingMarkers() =>
        // namedSources off: "The experts believe" would otherwise count as a named group for the second marker.
        KindTestHelper.Verify(Rule + "\nnamedSources: false", "The experts believe it is over, but [|experts believe|] otherwise.");

    [Fact]
    public void MarkersInsideDirectSpeech_AreNotReported_UnlessSpeechIsIncluded()
    {
        const string text = "“The troops reportedly withdrew,” the spokesman said.";
        KindTestHelper.Verify(Rule, text);
        // namedSources off: "the spokesman said" names the source of the quoted words.
        KindTestHelper.Verify(Rule + "\nspeech: include\nnamedSources: false", text.Replace("reportedly", "[|reportedly|]"));
        KindTestHelper.Verify(Rule + "\nspeech: include", text);
    }

    [Fact]
    public void InvalidSourcePattern_IsReported()
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", "id: TL1\ntitle: t\nmessage: m\ncategory: A\nkind: attribution\nsources: ['(']\n".Replace("TL1", "TL1001"))]);
        Assert.Contains(result.Errors, e => e.Message.Contains("Invalid regular expression '('"));
    }

    private const string Plain = """
        id: TL1001
        title: Vague attribution
        message: "'{match}' names no source."
        category: Attribution
        kind: attribution
        markers: [reportedly, allegedly, according to reports, some officials said]
        regex: ['\b(?:is|are|was|were) (?:said|believed) to\b']
        """;

    [Theory]
    [InlineData("The man allegedly threatened a clerk with a knife, according to a police report.")]
    [InlineData("The man allegedly threatened a clerk with a knife, according to court documents.")]
    [InlineData("The man allegedly threatened a clerk, according to a criminal complaint filed in Cook County.")]
    [InlineData("The painting is believed to be the oldest in the collection, the museum said.")]
    [InlineData("The painting is believed to be the oldest in the collection, according to the museum.")]
    [InlineData("The painting is believed to be the oldest in the collection, the Louvre said.")]
    [InlineData("The victim is said to have been 34, according to the county coroner.")]
    [InlineData("The fire reportedly started in the kitchen, said police.")]
    [InlineData("The fire reportedly started in the kitchen, a spokeswoman for the fire service told reporters.")]
    [InlineData("Detective Jane Roe said the fire reportedly started in the kitchen.")]
    [InlineData("The fire reportedly started in the kitchen, he said.")]
    [InlineData("Court documents show the man allegedly threatened a clerk.")]
    [InlineData("The drug is believed to slow the disease, according to a study published in Nature.")]
    [InlineData("Xinhua, the official news agency, reports that the bridge reportedly collapsed.")]
    [InlineData("The fire reportedly started in the kitchen, Jane Roe, a spokeswoman for the fire service, said.")]
    [InlineData("Jane Roe, 45, said a clerk was allegedly threatened.")]
    [InlineData("The ministry, which runs the prisons, said a guard was allegedly attacked.")]
    [InlineData("Detective Jane Roe, who led the inquiry, said the fire reportedly started in the kitchen.")]
    [InlineData("The minister agreed that the plan would allegedly fail.")]
    [InlineData("The ministry denied the report, saying the strike had reportedly hit a warehouse.")]
    [InlineData("He criticized the British, saying that Britain was allegedly fighting for freedom.")]
    [InlineData("Jane Roe rejected the claim, adding that the money was reportedly spent.")]
    [InlineData("The fire reportedly started in the kitchen, the chief fire officer stressed.")]
    [InlineData("Smith conceded that the plan would reportedly fail.")]
    public void NamedSources_SilenceTheMarker(string text) => KindTestHelper.Verify(Plain, text);

    [Theory]
    // An appositive needs a named head: a crowd, a sentence adverb or an opening phrase is not one.
    [InlineData("Experts, the majority of them economists, said the plan will [|reportedly|] fail.")]
    [InlineData("Yesterday, the day of the vote, it was [|reportedly|] calm.")]
    [InlineData("Critics, however, said the plan will [|reportedly|] fail.")]
    // "contended for the nomination" competes; it reports nothing.
    [InlineData("Congressman Amash, who left his party, contended for the nomination, and it was [|reportedly|] close.")]
    // "agreed on a ceasefire", "recalled 1,000 cars": the verb's other sense reports nothing.
    [InlineData("The two sides agreed on a ceasefire that [|reportedly|] held.")]
    [InlineData("The company recalled 1,000 cars that [|reportedly|] caught fire.")]
    [InlineData("The fire [|reportedly|] spread before the crew conceded defeat.")]
    // A participle of saying takes its sentence's subject, which must name someone.
    [InlineData("Some officials denied the report, saying the strike had [|reportedly|] hit a warehouse.")]
    [InlineData("It rained all day, saying nothing of the wind that [|reportedly|] blew.")]
    [InlineData("Yesterday the strike [|reportedly|] hit a warehouse, saying little.")]
    [InlineData("Its status is unclear: it is [|reportedly|] rare, but seeds were found in a lake (Ontario) in 1430, suggesting it was native.")]
    public void Appositives_WithoutANamedHead_DoNotCount(string text) => KindTestHelper.Verify(Plain, text);

    [Theory]
    [InlineData("The fire [|reportedly|] started in the kitchen, according to unnamed sources.")]
    [InlineData("The fire started in the kitchen, [|according to reports|].")]
    [InlineData("The fire [|reportedly|] started in the kitchen, some experts said.")]
    [InlineData("The fire [|reportedly|] started in the kitchen, studies show.")]
    [InlineData("The fire [|reportedly|] started in the kitchen, critics argue.")]
    [InlineData("The fire [|reportedly|] started in the kitchen and the plan is said to work.")]
    [InlineData("Experts [|reportedly|] say the plan will fail.")]
    public void VagueOrPassiveSources_DoNotCount(string text) => KindTestHelper.Verify(Plain.Replace(@"regex: ['\b(?:is|are|was|were) (?:said|believed) to\b']", ""), text);

    [Fact]
    public void AMarkerThatIsItselfAVagueSource_IsReported() =>
        KindTestHelper.Verify(Plain, "The deal was signed, [|some officials said|].");

    [Fact]
    public void NamedSourcesOff_OnlyTheListedSourcesCount() =>
        KindTestHelper.Verify(Plain + "\nnamedSources: false", "The painting [|is believed to|] be old, the museum said.");

    [Fact]
    public void SourceBodies_ExtendTheVocabulary()
    {
        const string text = "The fund [|reportedly|] lost money, the ombudsman found.";
        KindTestHelper.Verify(Plain, text);
        KindTestHelper.Verify(Plain + "\nsourceBodies: [ombudsman]", text.Replace("[|reportedly|]", "reportedly"));
        const string shows = "The fund [|reportedly|] lost money, the prospectus shows.";
        KindTestHelper.Verify(Plain, shows);
        KindTestHelper.Verify(Plain + "\nsourceDocuments: [prospectus]", shows.Replace("[|reportedly|]", "reportedly"));
    }

    [Fact]
    public void SourceScopeParagraph_LooksAcrossTheParagraph()
    {
        const string text = "Police said two men were arrested. One of them [|reportedly|] fled.\n\nThe other [|reportedly|] stayed.";
        KindTestHelper.Verify(Plain, text);
        KindTestHelper.Verify(Plain + "\nsourceScope: paragraph", text.Replace("One of them [|reportedly|]", "One of them reportedly"));
    }

    [Fact]
    public void ContextWords_SilenceMarkersInTheirScope()
    {
        const string rule = Plain + "\ncontextWords: [charged, court]";
        KindTestHelper.Verify(rule, "He was charged on Monday. He [|allegedly|] hit a clerk.");
        KindTestHelper.Verify(rule + "\ncontextScope: paragraph", "He was charged on Monday. He allegedly hit a clerk.\n\nShe [|allegedly|] ran.");
        KindTestHelper.Verify(rule, "The singer allegedly snubbed the court.");
    }

    [Fact]
    public void ContextReach_CountsTheParagraphsBefore()
    {
        const string rule = Plain + "\ncontextWords: [charged, FBI]\ncontextScope: paragraph";
        const string text = "All are charged with spying.\n\nThe FBI named them.\n\nThey {0} passed notes.\n\nOne {1} fled.\n\nAnother {2} stayed.";
        KindTestHelper.Verify(rule, string.Format(text, "[|allegedly|]", "[|allegedly|]", "[|allegedly|]"));
        // Two paragraphs back: the charge and the FBI reach the third paragraph, the FBI the fourth, nothing the fifth.
        KindTestHelper.Verify(rule + "\ncontextReach: 2", string.Format(text, "allegedly", "allegedly", "[|allegedly|]"));
    }

    [Fact]
    public void UnlessSentence_SilencesTheMarkersOfAMatchingSentence()
    {
        const string rule = Plain + "\nunlessSentence: ['\\?\\s*\\z']";
        KindTestHelper.Verify(rule, "Was it reportedly over? It was [|reportedly|] over. Is it over, reportedly, or not?");
        KindTestHelper.Verify(Plain, "Was it [|reportedly|] over?");
    }

    [Fact]
    public void UnlessBefore_ReadsTheSentenceUpToTheMarker()
    {
        // Plain's pattern matches "was believed to": the text before it ends with "that ".
        const string rule = Plain + "\nunlessBefore: ['\\binspect\\w*\\b.*\\bthat\\s+\\z']";
        KindTestHelper.Verify(rule, "They were inspecting a ship that was believed to carry cars. A ship [|was believed to|] carry cars.");
        // The pattern reads only what comes before the marker.
        KindTestHelper.Verify(rule, "A ship that [|was believed to|] carry cars was inspected.");
    }

    [Fact]
    public void SubjectSources_OpeningTheSentenceBefore_MakeTheMarkerTheirs()
    {
        const string rule = Plain + "\nsubjectSources: [police, investigators]";
        KindTestHelper.Verify(rule, "Police are looking for the car. The car is said to have tinted windows.");
        KindTestHelper.Verify(rule, "Broward County sheriff's investigators searched the house. It is believed to be empty.");
        // A sentence of another paragraph, an object, a clause before the subject, or no such subject do not count.
        KindTestHelper.Verify(rule, "Police are looking for the car.\n\nThe car [|is said to|] have tinted windows.");
        KindTestHelper.Verify(rule, "He told police about the car. The car [|is said to|] have tinted windows.");
        KindTestHelper.Verify(rule, "After police arrived, the man fled. He [|is said to|] be armed.");
        KindTestHelper.Verify(rule, "The museum opened in 1920. It [|is said to|] be haunted.");
        KindTestHelper.Verify(Plain, "Police are looking for the car. The car [|is said to|] have tinted windows.");
    }

    [Fact]
    public void ReferBack_AGroupTheTextIntroduced_IsNotVague()
    {
        const string rule = "id: TL1012\ntitle: t\nmessage: m\ncategory: Attribution\nkind: attribution\nregex: ['\\bseveral reviewers\\b']";
        const string text = "The reviewers were asked to check for errors.\n\nThe study was published.\n\nIt was criticised, with {0} calling it confusing.";
        KindTestHelper.Verify(rule, string.Format(text, "[|several reviewers|]"));
        KindTestHelper.Verify(rule + "\nreferBack: 2", string.Format(text, "several reviewers"));
        KindTestHelper.Verify(rule + "\nreferBack: 1", string.Format(text, "[|several reviewers|]"));
        // "each reviewer" and a possessive introduce the group too; a bare plural, or one after the marker, does not.
        KindTestHelper.Verify(rule + "\nreferBack: 0", "Each reviewer read two entries, and several reviewers found them dull.");
        KindTestHelper.Verify(rule + "\nreferBack: 0", "The study's reviewers met. Later several reviewers left.");
        KindTestHelper.Verify(rule + "\nreferBack: 2", "Reviewers met.\n\nThen [|several reviewers|] left, unlike the reviewers of the other paper.");
    }

    [Fact]
    public void AColonAfterAWordOfSaying_IntroducesTheSpeakersWords() =>
        KindTestHelper.Verify(Plain,
            "Smith had one more theory: the ship reportedly changed its name. The ministry said in a statement: it reportedly sank.\n\n" +
            "Note: the ship [|reportedly|] sank. The cause is unclear: the ship [|reportedly|] sank.");

    [Theory]
    [InlineData("sourceScope: page", "'sourceScope' must be 'sentence' or 'paragraph'")]
    [InlineData("contextScope: paragraph", "'contextScope' needs 'contextWords'")]
    [InlineData("contextWords: [court]\ncontextReach: 2", "'contextReach' needs 'contextScope: paragraph'")]
    [InlineData("namedSources: false\nsourceBodies: [ombudsman]", "need 'namedSources: true'")]
    [InlineData("contextWords: [court]\ncontextScope: paragraph\ncontextReach: 9", "'contextReach' must be between 0 and 5; got 9")]
    [InlineData("referBack: 6", "'referBack' must be between 0 and 5; got 6")]
    [InlineData("referBack: two", "'referBack' must be a whole number")]
    [InlineData("unlessBefore: ['(?<open>unclosed']", "Invalid regular expression '(?<open>unclosed'")]
    [InlineData("unlessSentence: ['[a-']", "Invalid regular expression '[a-'")]
    public void InvalidOptions_AreReported(string yaml, string message)
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", Plain + "\n" + yaml + "\n")]);
        Assert.Contains(result.Errors, e => e.Message.Contains(message));
    }

    [Fact]
    public void Hints_RunThePatternsOnlyOnSentencesThatHoldOne()
    {
        const string rule = "id: TL1001\ntitle: t\nmessage: m\ncategory: Attribution\nkind: attribution\nregex: ['\\b(?:is|was) said to\\b']";
        const string text = "The man [|is said to|] be 34. The woman [|was said to|] be 30.";
        KindTestHelper.Verify(rule, text);
        KindTestHelper.Verify(rule + "\nhints: [said to]", text);
        // A hint the matches do not hold keeps the pattern from running at all.
        KindTestHelper.Verify(rule + "\nhints: [believed to]", text.Replace("[|", "").Replace("|]", ""));
        KindTestHelper.Verify(rule + "\nhints: [man]", "The man [|is said to|] be 34. The woman was said to be 30.");
    }

    /// <summary>
    /// With hints, a pattern that has no leading phrases scans a hint's sentence only when that sentence also holds
    /// one of the pattern's own required phrases (each pattern its own): the findings are those of scanning every
    /// hint sentence, and a sentence without a hint is still not read.
    /// </summary>
    [Fact]
    public void Hints_PatternsWithoutLeadingPhrases_RunWhereTheirOwnPhrasesAre()
    {
        const string rule = "id: TL1001\ntitle: t\nmessage: m\ncategory: Attribution\nkind: attribution\nnamedSources: false\nhints: [alpha, beta]\n" +
            "regex: ['\\b(?:\\w+\\s+)?gammas? say\\b', '\\b(?:\\w+\\s+)?deltas? say\\b']";
        KindTestHelper.Verify(rule, "In alpha, [|many gammas say|] so. In beta, [|some deltas say|] no. In alpha [|the deltas say|] yes. " +
            "In beta [|the gamma say|] no. In alpha nobody does. The gammas say nothing.");
        KindTestHelper.Verify(rule, "[|Gammas say|] alpha. [|Beta deltas say|]; [|gammas say|] too.");
    }

    [Fact]
    public void Hints_WithoutRegex_AreReported()
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", Plain.Replace(@"regex: ['\b(?:is|are|was|were) (?:said|believed) to\b']", "") + "\nhints: [said to]\n")]);
        Assert.Contains(result.Errors, e => e.Message.Contains("'hints' needs 'regex'"));
    }
}
