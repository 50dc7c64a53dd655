using TextLint.Documents.Segmentation;
using TextLint.Text;

namespace TextLint.Core.Tests.Analysis.Segmentation;

public class NamedSourcesTests
{
    private static List<string> Find(string text, NamedSources? sources = null) =>
        (sources ?? NamedSources.Default).Find(text, new TextSpan(0, text.Length)).Select(s => text.Substring(s.Start, s.Length)).ToList();

    [Theory]
    [InlineData("It happened, according to a police report.", "according to a police report")]
    [InlineData("It happened, according to court documents.", "according to court documents")]
    [InlineData("It happened, according to the county coroner.", "according to the county coroner")]
    [InlineData("It happened, according to Reuters.", "according to Reuters")]
    [InlineData("It is old, the museum said.", "the museum said")]
    [InlineData("It is old, the Louvre said.", "the Louvre said")]
    [InlineData("It is old, said police.", "said police")]
    [InlineData("Prosecutors said it was old.", "Prosecutors said")]
    [InlineData("It was old, Jane Roe told reporters.", "Jane Roe told")]
    [InlineData("It was old, he added.", "he added")]
    [InlineData("It works, a study published in Nature found.", "published in Nature")]
    [InlineData("It was old, the man said.", "the man said")]
    [InlineData("Court documents show the man was 34.", "Court documents show")]
    [InlineData("The book also describes how he left.", "The book also describes")]
    [InlineData("He found that the vase was old.", "He found")]
    [InlineData("She posted on Twitter that it was old.", "She posted")]
    [InlineData("The regulation states that a flood is an emergency.", "The regulation states")]
    [InlineData("A vessel is a wreck, the treaty says.", "the treaty says")]
    [InlineData("Deutsche Welle (DW) reported the closures.", "Deutsche Welle (DW) reported")]
    [InlineData("The shop closed, which the BBC (UK) has reported.", "BBC (UK) has reported")]
    [InlineData("He was shot in what the police declared a terrorist incident.", "the police declared")]
    public void NamedSources_AreFound(string text, string expected) => Assert.Contains(expected, Find(text));

    [Theory]
    [InlineData("It happened, according to reports.")]
    [InlineData("It happened, according to unnamed sources.")]
    [InlineData("It happened, according to official reports.")]
    [InlineData("It happened, according to some experts.")]
    [InlineData("It is old, some officials said.")]
    [InlineData("It is old, critics say.")]
    [InlineData("It is said to be old.")]
    [InlineData("It has been reported that it is old.")]
    [InlineData("The shops (all 12) reported losses.")]
    [InlineData("Studies show it is old.")]
    [InlineData("Some argue that this training suggests a partnership.")]
    [InlineData("Critics say the plan will fail.")]
    // A capitalised report verb inside a sentence is part of a name; some verbs report nothing after a person.
    [InlineData("Some believed the emigration to the United States was the solution.")]
    [InlineData("His rookie season was arguably his best; he posted a .272 batting average.")]
    [InlineData("She recorded an album in 1998.")]
    public void VagueCrowdsAndPassives_AreNotSources(string text) => Assert.Empty(Find(text));

    [Fact]
    public void ASentenceOpeningCapital_IsNotANameByItself()
    {
        Assert.Empty(Find("Many said it was old."));
        Assert.Contains("Smith said", Find("Smith said it was old."));
    }

    [Fact]
    public void ExtraNouns_ExtendTheVocabulary()
    {
        Assert.Empty(Find("It lost money, the ombudsman found."));
        var extended = new NamedSources(["ombudsman"], ["prospectus"]);
        Assert.Equal(SourceNounKind.Body, extended.KindOf("ombudsmen".Replace("men", "man")));
        Assert.Equal(SourceNounKind.Document, extended.KindOf("prospectus"));
        Assert.NotEmpty(Find("It lost money, the ombudsman found.", extended));
    }
}
