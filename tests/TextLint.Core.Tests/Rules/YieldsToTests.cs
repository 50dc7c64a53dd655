using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Core.Tests.Rules;

/// <summary>
/// <c>yieldsTo</c>: where a rule it names reports any of the same characters, a rule's finding is dropped,
/// whatever order the rules run in; unknown IDs, a rule naming itself and rings are load errors.
/// </summary>
public class YieldsToTests
{
    private static string Rule(string id, string tokens, string? yields = null, string severity = "warning") =>
        $"id: {id}\ntitle: T {id}\nmessage: \"'{{match}}' {id}\"\ncategory: Attribution\nseverity: {severity}\nkind: existence\n" +
        $"tokens: [{tokens}]\n" + (yields is null ? "" : $"yieldsTo: [{yields}]\n");

    private static PackLoadResult Load(params string[] rules) =>
        RulePackLoader.Load([new PackFile("pack.yaml", string.Join("---\n", rules))]);

    private static List<(string Id, string Text)> Findings(string text, ISeverityProvider? severities, params string[] rules)
    {
        var result = Load(rules);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var engine = new LintEngine(RuleSet.Compile(result.Rules), severities);
        return engine.Analyze(Document.Create(SourceText.From(text, "a.txt"))).Diagnostics
            .Select(d => (d.Id, text[d.Span.Start..d.Span.End])).ToList();
    }

    [Fact]
    public void AFindingOverTheSameWords_IsDropped_OnlyForTheRuleThatYields()
    {
        string text = "According to some scholars the wall fell. Some scholars disagree.";
        var both = Findings(text, null, Rule("TL0101", "according to some"), Rule("TL0102", "some scholars", "TL0101"));
        // "some scholars" shares "some" with "According to some": dropped; the second "Some scholars" stands alone.
        Assert.Equal([("TL0101", "According to some"), ("TL0102", "Some scholars")], both);

        // Without yieldsTo both report the overlapping words (the pack's behaviour before the key existed).
        var without = Findings(text, null, Rule("TL0101", "according to some"), Rule("TL0102", "some scholars"));
        Assert.Equal(3, without.Count);
    }

    [Fact]
    public void WordsNextToEachOther_DoNotCount_AsTheSameWords()
    {
        var found = Findings("some scholars say", null, Rule("TL0101", "some"), Rule("TL0102", "scholars say", "TL0101"));
        Assert.Equal([("TL0101", "some"), ("TL0102", "scholars say")], found);
    }

    /// <summary>The rule that yields comes first in the run's order (by ID) or last: the same result.</summary>
    [Theory]
    [InlineData("TL0101", "TL0102")]
    [InlineData("TL0102", "TL0101")]
    public void TheOrderRulesRunIn_DoesNotMatter(string winner, string loser)
    {
        var found = Findings("It is generally believed that.", null, Rule(winner, "believed"), Rule(loser, "generally believed", winner));
        Assert.Equal([(winner, "believed")], found);
    }

    /// <summary>
    /// A chain is decided on the findings as the rules made them: C yields to B, B to A; A and B overlap, B and C
    /// overlap, A and C do not. B goes (A covers it) and C goes too (B made a finding there), so the words of the
    /// chain are reported once, by A, not by A and C.
    /// </summary>
    [Fact]
    public void AChain_IsDecidedOnTheFindingsAsMade()
    {
        var found = Findings("one two three", null, Rule("TL0101", "one"), Rule("TL0102", "one two three", "TL0101"), Rule("TL0103", "three", "TL0102"));
        Assert.Equal([("TL0101", "one")], found);
    }

    /// <summary>A rule turned off reports nothing, so nothing yields to it.</summary>
    [Fact]
    public void ARuleTurnedOff_TakesNoFindingAway()
    {
        var off = new OffFor("TL0101");
        var found = Findings("According to some scholars.", off, Rule("TL0101", "according to some"), Rule("TL0102", "some scholars", "TL0101"));
        Assert.Equal([("TL0102", "some scholars")], found);
    }

    private sealed class OffFor(string id) : ISeverityProvider
    {
        public Severity GetSeverity(RuleDescriptor rule, string path) => rule.Id == id ? Severity.None : rule.DefaultSeverity;
    }

    [Fact]
    public void UnknownIds_Self_AndRings_AreLoadErrors_WithTheirPlace()
    {
        var unknown = Load(Rule("TL0101", "a", "TL0999"));
        var e = Assert.Single(unknown.Errors);
        Assert.Equal(("pack.yaml", 8, 12), (e.Path, e.Line, e.Column));
        Assert.Contains("'TL0999', which is not a rule", e.Message);
        Assert.Empty(unknown.Rules);

        var self = Load(Rule("TL0101", "a", "TL0101"));
        Assert.Contains("cannot yield to itself", Assert.Single(self.Errors).Message);

        var ring = Load(Rule("TL0101", "a", "TL0103"), Rule("TL0102", "b", "TL0101"), Rule("TL0103", "c", "TL0102"));
        Assert.Equal(3, ring.Errors.Length);
        Assert.Contains("TL0101 -> TL0103 -> TL0102 -> TL0101", ring.Errors[0].Message);
        Assert.Empty(ring.Rules);

        // Not a list of IDs: the shared reader's error, at the value.
        var mapping = Load(Rule("TL0101", "a") + "yieldsTo: {TL0102: x}\n");
        Assert.Contains("'yieldsTo' must be a list of strings", Assert.Single(mapping.Errors).Message);

        // Two rules yielding to one: no ring.
        Assert.True(Load(Rule("TL0101", "a"), Rule("TL0102", "b", "TL0101"), Rule("TL0103", "c", "TL0101, TL0102")).Success);
    }

    [Fact]
    public void TheDescriptor_CarriesTheIds()
    {
        var result = Load(Rule("TL0101", "a"), Rule("TL0102", "b", "TL0101"));
        Assert.Equal(["TL0101"], result.Rules.Single(r => r.Descriptor.Id == "TL0102").Descriptor.YieldsTo.ToArray());
    }
}
