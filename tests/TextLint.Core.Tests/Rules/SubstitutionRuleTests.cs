using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Rules.Kinds;

namespace TextLint.Core.Tests.Rules;

public class SubstitutionRuleTests
{
    private const string Rule = """
        id: TL7501
        title: Kyiv
        message: "Use '{replacement}' instead of '{match}'."
        category: Terminology
        kind: substitution
        swap:
          Kiev: Kyiv
        """;

    [Fact]
    public void Match_IsReported_WithAFix()
    {
        var d = Assert.Single(KindTestHelper.Verify(Rule, "Talks in [|Kiev|] resumed."));
        Assert.Equal("Use 'Kyiv' instead of 'Kiev'.", d.Message);
        Assert.NotNull(d.Fix);
        Assert.Equal(FixSafety.Safe, d.Fix!.Safety);
        Assert.Equal("Kyiv", Assert.Single(d.Fix.Edits).NewText);
    }

    [Fact]
    public void Fix_KeepsTheCasePattern()
    {
        Assert.Equal("KYIV", SubstitutionRule.MatchCase("KIEV", "kyiv"));
        Assert.Equal("Kyiv", SubstitutionRule.MatchCase("Kiev", "kyiv"));
        Assert.Equal("kyiv", SubstitutionRule.MatchCase("kiev", "kyiv"));
    }

    [Fact]
    public void FixUnsafe_IsDeclared()
    {
        var d = Assert.Single(KindTestHelper.Verify(Rule + "\nfix: unsafe", "[|Kiev|]"));
        Assert.Equal(FixSafety.Unsafe, d.Fix!.Safety);
    }

    [Fact]
    public void AppliedFixes_Silence_TheRule()
    {
        string text = "Kiev, KIEV and kiev.";
        var engine = KindTestHelper.Engine(Rule);
        var diags = engine.Analyze(Document.Create(TextLint.Text.SourceText.From(text))).Diagnostics;
        var fixedText = FixApplier.Apply(text, diags.Select(d => d.Fix!), FixSafety.Safe).Text;
        // A proper noun written in lower case gets the swap's own spelling.
        Assert.Equal("Kyiv, KYIV and Kyiv.", fixedText);
        Assert.Empty(engine.Analyze(Document.Create(TextLint.Text.SourceText.From(fixedText))).Diagnostics);
    }
}
