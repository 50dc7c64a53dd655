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
        KindTestHelper.Verify(Rule, "The experts believe it is over, but [|experts believe|] otherwise.");

    [Fact]
    public void MarkersInsideDirectSpeech_AreNotReported_UnlessSpeechIsIncluded()
    {
        const string text = "“The troops reportedly withdrew,” the spokesman said.";
        KindTestHelper.Verify(Rule, text);
        KindTestHelper.Verify(Rule + "\nspeech: include", text.Replace("reportedly", "[|reportedly|]"));
    }

    [Fact]
    public void InvalidSourcePattern_IsReported()
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", "id: TL1\ntitle: t\nmessage: m\ncategory: A\nkind: attribution\nsources: ['(']\n".Replace("TL1", "TL1001"))]);
        Assert.Contains(result.Errors, e => e.Message.Contains("Invalid regular expression '('"));
    }
}
