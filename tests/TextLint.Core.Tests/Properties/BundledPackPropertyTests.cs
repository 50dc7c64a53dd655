using CsCheck;
using TextLint.Core.Tests.Rules;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Tests.Properties;
using TextLint.Text;

namespace TextLint.Core.Tests.Properties;

/// <summary>
/// Properties of the bundled pack over adversarial text. Iteration counts keep the whole class under
/// a few seconds on 2 cores; a failure prints the seed to replay (Check.Sample's seed argument).
/// </summary>
public class BundledPackPropertyTests
{
    private const int Iterations = 1_500;

    private static readonly LintEngine Engine = new(RuleSet.Compile(BundledPackTests.LoadBundled().Rules));

    [Fact]
    public void Analysis_NeverThrows_AndEveryRegionIsInsideTheText_WithoutSplittingASurrogatePair()
    {
        AdversarialText.Text.Sample(text =>
        {
            var result = Engine.Analyze(Document.Create(SourceText.From(text, "story.txt")));
            Assert.Empty(result.Notifications);
            foreach (var d in result.Diagnostics)
            {
                CheckSpan(text, d.Span, d.Id);
                foreach (var edit in d.Fix?.Edits ?? [])
                    CheckSpan(text, edit.Span, d.Id + " fix");
            }
            var lines = LineIndex.Create(text);
            foreach (var d in result.Diagnostics)
                Assert.True(lines.GetLinePosition(d.Span.Start).CompareTo(lines.GetLinePosition(d.Span.End)) <= 0);
        }, iter: Iterations);
    }

    private static void CheckSpan(string text, TextSpan span, string what)
    {
        Assert.True(span.Start >= 0 && span.Start <= span.End && span.End <= text.Length, $"{what}: {span} outside a text of {text.Length}");
        Assert.False(AdversarialText.SplitsSurrogatePair(text, span.Start), $"{what}: {span} starts inside a surrogate pair");
        Assert.False(AdversarialText.SplitsSurrogatePair(text, span.End), $"{what}: {span} ends inside a surrogate pair");
    }

    [Fact]
    public void ApplyingSafeFixes_LeavesTextOnWhichTheFixingRuleNoLongerFiresAtTheFixedSpots()
    {
        AdversarialText.Text.Sample(text =>
        {
            var diagnostics = Engine.Analyze(Document.Create(SourceText.From(text, "story.txt"))).Diagnostics;
            var fixable = diagnostics.Where(d => d.Fix is { Safety: FixSafety.Safe }).ToList();
            if (fixable.Count == 0) return;
            var result = FixApplier.Apply(text, fixable.Select(d => d.Fix!), FixSafety.Safe);
            Assert.NotEmpty(result.Applied);

            // Where each applied fix's new text lies in the fixed text, and which rule asked for it.
            var spots = new List<(string Rule, TextSpan Span)>();
            var edits = result.Applied.SelectMany(f => f.Edits.Select(e => (Fix: f, Edit: e))).OrderBy(x => x.Edit.Span.Start).ToList();
            int shift = 0;
            foreach (var (fix, edit) in edits)
            {
                string rule = fixable.First(d => ReferenceEquals(d.Fix, fix)).Id;
                spots.Add((rule, new TextSpan(edit.Span.Start + shift, edit.NewText.Length)));
                shift += edit.NewText.Length - edit.Span.Length;
            }
            var after = Engine.Analyze(Document.Create(SourceText.From(result.Text, "story.txt"))).Diagnostics;
            foreach (var (rule, spot) in spots)
            {
                var again = after.FirstOrDefault(d => d.Id == rule && (spot.IsEmpty ? d.Span.Contains(spot.Start) && d.Span.Start != spot.Start : d.Span.OverlapsWith(spot)));
                Assert.True(again is null, $"{rule} fires again at {again?.Span} after its fix at {spot}: '{result.Text.Substring(spot.Start, spot.Length)}'");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Analysis_IsDeterministic_AcrossThreads()
    {
        // The rule set is shared by all workers: analysing the same text concurrently gives the same findings.
        AdversarialText.Text.Sample(text =>
        {
            var doc = SourceText.From(text, "story.txt");
            var first = Engine.Analyze(Document.Create(doc)).Diagnostics;
            var second = Engine.Analyze(Document.Create(doc)).Diagnostics;
            Assert.Equal(first.Select(d => (d.Id, d.Span, d.Message)), second.Select(d => (d.Id, d.Span, d.Message)));
        }, iter: 500, threads: 2);
    }
}
