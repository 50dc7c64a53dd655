using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Rules.BuiltIn;

namespace TextLint.Testing;

/// <summary>One example that did not behave as its markup says.</summary>
public sealed record ExampleFailure(RuleDescriptor Rule, RuleExample Example, string Expected, string Actual, string Reason);

/// <summary>
/// Runs the examples of rules, as LanguageTool and Roslyn's analyzer tests do: every [|...|] of a bad
/// example must be reported exactly there by that rule and nothing else by it; a good example must
/// produce nothing from that rule; a bad example's 'fixed' must equal its fixes applied until the text
/// is stable, and must not trigger the rule again. A rule without a bad and a good example fails, and so
/// does a rule with a fix but no 'fixed' text.
/// </summary>
public static class RuleExampleRunner
{
    public static ImmutableArray<ExampleFailure> Run(RuleSet rules)
    {
        var failures = ImmutableArray.CreateBuilder<ExampleFailure>();
        LintEngine? withAll = null;
        // Each rule runs alone, at its default severity even when disabled by default, so other rules'
        // findings and configuration do not change the verdict. A built-in rule (unused suppression)
        // reports on what the other rules find, so its examples run with the whole set at its defaults.
        foreach (var rule in rules.Rules)
        {
            var single = rule is BuiltInRule
                ? withAll ??= new LintEngine(rules)
                : new LintEngine(RuleSet.Compile([rule]), AlwaysOn.Instance);
            var d = rule.Descriptor;
            if (!d.Examples.Any(e => e.Kind == RuleExampleKind.Bad) || !d.Examples.Any(e => e.Kind == RuleExampleKind.Good))
            {
                var placeholder = new RuleExample(RuleExampleKind.Good, "", d.SourcePosition);
                failures.Add(new ExampleFailure(d, placeholder, "", "", "The rule needs at least one 'bad' and one 'good' example."));
            }
            foreach (var example in d.Examples)
            {
                string text;
                ImmutableArray<Text.TextSpan> expected;
                try
                {
                    (text, expected) = TestMarkup.Parse(example.Text);
                }
                catch (FormatException ex)
                {
                    failures.Add(new ExampleFailure(d, example, example.Text, "", ex.Message));
                    continue;
                }
                var doc = Document.Create(Text.SourceText.From(text, "example.txt"));
                var found = single.Analyze(doc).Diagnostics.Where(x => x.Id == d.Id).ToList();
                var actual = found.Select(x => x.Span).Order().ToImmutableArray();
                if (!actual.SequenceEqual(expected))
                {
                    string reason = example.Kind == RuleExampleKind.Good
                        ? "A 'good' example must produce no finding."
                        : "The findings differ from the [|...|] marks.";
                    failures.Add(new ExampleFailure(d, example, TestMarkup.Render(text, expected), TestMarkup.Render(text, actual), reason));
                    continue;
                }
                if (example.Fixed is null) continue;
                if (d.FixSafety == FixSafety.None)
                {
                    failures.Add(new ExampleFailure(d, example, "", example.Fixed, "The rule offers no fix ('fix: none'), so an example cannot have a 'fixed' text."));
                    continue;
                }
                // Fixed as --fix --unsafe-fixes would: every fix, pass after pass, until the text is stable.
                IReadOnlyList<Diagnostic> Lint(string t) =>
                    single.Analyze(Document.Create(Text.SourceText.From(t, "example.txt"))).Diagnostics.Where(x => x.Id == d.Id).ToList();
                var loop = FixLoop.Run(text, found, Lint, x => x.Fix);
                if (loop.Text != example.Fixed)
                    failures.Add(new ExampleFailure(d, example, example.Fixed, loop.Text, "Applying the fixes does not give the example's 'fixed' text."));
                else if (loop.Findings.Count > 0)
                    failures.Add(new ExampleFailure(d, example, example.Fixed, TestMarkup.Render(loop.Text, loop.Findings.Select(f => f.Span).Order().ToImmutableArray()),
                        "The fixed text still triggers the rule."));
            }
            if (d.FixSafety != FixSafety.None && d.Examples.Any(e => e.Kind == RuleExampleKind.Bad) && !d.Examples.Any(e => e.Fixed is not null))
            {
                var first = d.Examples.First(e => e.Kind == RuleExampleKind.Bad);
                failures.Add(new ExampleFailure(d, first, "", "", "The rule offers a fix: give at least one 'bad' example a 'fixed' text (the example after --fix)."));
            }
        }
        return failures.ToImmutable();
    }

    private sealed class AlwaysOn : ISeverityProvider
    {
        public static readonly AlwaysOn Instance = new();
        public Severity GetSeverity(RuleDescriptor rule, string path) => rule.DefaultSeverity == Severity.None ? Severity.Warning : rule.DefaultSeverity;
    }
}
