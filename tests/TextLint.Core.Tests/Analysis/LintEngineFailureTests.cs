using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Core.Tests.Analysis;

/// <summary>A failing or slow rule costs its own findings on one file, never the run's.</summary>
public class LintEngineFailureTests
{
    private const string Pack = """
        id: TL1001
        title: Vague attribution
        message: "'{match}' names no source."
        category: Attribution
        kind: existence
        tokens: [reportedly]
        ---
        id: TL1002
        title: Slow pattern
        message: "'{match}' is slow."
        category: Attribution
        kind: existence
        regex: ['(?<=^|\s)(a+)+b']
        """;

    private sealed class ThrowingRule(RuleDescriptor descriptor) : Rule(descriptor)
    {
        public override void Analyze(RuleContext context) =>
            throw new InvalidOperationException("the rule is broken");
    }

    private static LintEngine Engine(bool withThrowingRule)
    {
        var loaded = RulePackLoader.Load([new PackFile("p.yaml", Pack)]);
        Assert.True(loaded.Success, string.Join("\n", loaded.Errors));
        var rules = loaded.Rules.ToList();
        if (withThrowingRule)
        {
            var d = rules[0].Descriptor with { Id = "TL1999", Title = "Broken" };
            rules.Add(new ThrowingRule(d));
        }
        return new LintEngine(RuleSet.Compile(rules));
    }

    [Fact]
    public void ARuleThatThrows_BecomesAnErrorNotification_NamingTheRule_AndTheOtherRulesStillReport()
    {
        var result = Engine(withThrowingRule: true).Analyze(Document.Create(SourceText.From("He reportedly left.", "story.txt")));
        Assert.Equal("TL1001", Assert.Single(result.Diagnostics).Id);
        var n = Assert.Single(result.Notifications);
        Assert.Equal(("TL9011", Severity.Error, "story.txt"), (n.Code, n.Severity, n.Path));
        Assert.Contains("Rule TL1999 failed on this file (InvalidOperationException: the rule is broken)", n.Message);
    }

    [Fact]
    public void ABacktrackingOnlyPattern_TimesOut_WithANotificationNamingTheRule()
    {
        // A lookbehind keeps the pattern off the linear-time engine; it never matches, and backtracks
        // catastrophically inside its first window: the match timeout stops it.
        var result = Engine(withThrowingRule: false).Analyze(Document.Create(SourceText.From("He reportedly left. " + new string('a', 50_000) + "!", "story.txt")));
        Assert.Equal("TL1001", Assert.Single(result.Diagnostics).Id);
        var n = Assert.Single(result.Notifications);
        // An error, not a warning: the file is not completely linted (the run exits 2).
        Assert.Equal(("TL9010", Severity.Error), (n.Code, n.Severity));
        Assert.StartsWith("Rule TL1002 was stopped on this file: The pattern '(?<=^|\\s)(a+)+b' timed out.", n.Message);
    }
}
