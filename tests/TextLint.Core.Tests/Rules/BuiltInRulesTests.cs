using TextLint.Engine;
using TextLint.Loading;
using TextLint.Rules;
using TextLint.Rules.BuiltIn;
using TextLint.Testing;

namespace TextLint.Core.Tests.Rules;

public class BuiltInRulesTests
{
    [Fact]
    public void Examples_Pass_WithTheBundledPack()
    {
        var set = RuleSet.Compile(BundledPackTests.LoadBundled().Rules.AddRange(BuiltInRules.All));
        var failures = RuleExampleRunner.Run(set).Where(f => BuiltInRules.IsBuiltIn(f.Rule.Id)).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"{f.Rule.Id} {f.Reason}\n  expected: {f.Expected}\n  actual:   {f.Actual}")));
    }

    [Fact]
    public void EveryBuiltInRule_IsDocumented_LikeAPackRule()
    {
        foreach (var rule in BuiltInRules.All)
        {
            var d = rule.Descriptor;
            Assert.Matches("^TL0[0-9]{3}$", d.Id);
            Assert.Equal(BuiltInRules.Kind, d.Kind);
            Assert.False(string.IsNullOrWhiteSpace(d.Description));
            Assert.False(string.IsNullOrWhiteSpace(d.Rationale));
            Assert.False(string.IsNullOrWhiteSpace(d.UseInstead));
            Assert.Equal(RulePackLoader.HelpUriBase + d.Id + ".md", d.HelpUri);
            Assert.Contains(d.Examples, e => e.Kind == TextLint.Rules.RuleExampleKind.Bad);
            Assert.Contains(d.Examples, e => e.Kind == TextLint.Rules.RuleExampleKind.Good);
        }
    }

    [Fact]
    public void APack_CannotTakeABuiltInId()
    {
        var result = RulePackLoader.Load([new PackFile("p.yaml", """
            id: TL0001
            title: t
            message: m
            category: Attribution
            kind: existence
            tokens: [x]
            """)]);
        Assert.Equal("p.yaml(1,5): error TL9002: Rule id 'TL0001' is reserved for the built-in rule 'Unused suppression'.", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void TheExampleRunner_CanFailABuiltInExample()
    {
        // Without the bundled pack TL1001 is unknown: the 'good' example's directive is then invalid
        // and the unused-suppression examples no longer hold.
        var failures = RuleExampleRunner.Run(RuleSet.Compile(BuiltInRules.All));
        Assert.NotEmpty(failures);
    }
}
