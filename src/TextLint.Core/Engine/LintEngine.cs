using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine.Suppressions;
using TextLint.Matching;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Engine;

/// <summary>Effective severity of a rule for a file: the hook for .editorconfig and command-line overrides.</summary>
public interface ISeverityProvider
{
    Severity GetSeverity(RuleDescriptor rule, string path);
}

/// <summary>Rules' defaults: enabled rules at their default severity, disabled ones off.</summary>
public sealed class DefaultSeverityProvider : ISeverityProvider
{
    public static readonly DefaultSeverityProvider Instance = new();

    public Severity GetSeverity(RuleDescriptor rule, string path) => rule.IsEnabledByDefault ? rule.DefaultSeverity : Severity.None;
}

/// <summary>
/// Runs a <see cref="RuleSet"/> over documents: one literal scan per document for all rules, then
/// each enabled rule's own matching. Stateless per call and thread-safe.
/// </summary>
public sealed class LintEngine
{
    private readonly ISeverityProvider _severities;
    private readonly SuppressionCatalog _suppressionTargets;

    public LintEngine(RuleSet rules, ISeverityProvider? severities = null)
    {
        Rules = rules;
        _severities = severities ?? DefaultSeverityProvider.Instance;
        _suppressionTargets = new SuppressionCatalog(rules.Descriptors);
    }

    public RuleSet Rules { get; }

    /// <summary>Honour &lt;!-- textlint-disable --&gt; comments (false: --no-inline-suppressions, for CI on submitted articles).</summary>
    public bool InlineSuppressions { get; init; } = true;

    /// <summary>The default of <see cref="MaxFindingsPerRule"/>.</summary>
    public const int DefaultMaxFindingsPerRule = 1000;

    /// <summary>
    /// Findings one rule keeps per document; past it one summary finding (at the first one left out) says
    /// how many more there are, so memory and reports stay bounded whatever one file yields.
    /// </summary>
    public int MaxFindingsPerRule { get; init; } = DefaultMaxFindingsPerRule;

    /// <summary>All findings of the document, sorted by <see cref="DiagnosticComparer"/>, and any rule failures.</summary>
    public DocumentAnalysis Analyze(Document document)
    {
        var rules = Rules.Rules;
        var severities = new Severity[rules.Length];
        bool any = false;
        for (int i = 0; i < rules.Length; i++)
        {
            severities[i] = _severities.GetSeverity(rules[i].Descriptor, document.Path);
            any |= severities[i] != Severity.None;
        }
        if (!any) return DocumentAnalysis.Empty;

        var collector = new MatchCollector(rules.Length, severities);
        Rules.Matcher.Scan(document.Prose, collector);

        var diagnostics = new List<Diagnostic>();
        List<ConfigurationDiagnostic>? notifications = null;
        bool[]? overflowed = null;
        // Where each rule's findings start in `diagnostics` (rules add theirs one after another).
        var starts = new int[rules.Length + 1];
        for (int i = 0; i < rules.Length; i++)
        {
            starts[i] = diagnostics.Count;
            if (severities[i] == Severity.None) continue;
            var literals = collector.For(i);
            var context = new RuleContext(document, rules[i].Descriptor, severities[i], literals, diagnostics, MaxFindingsPerRule);
            int mark = diagnostics.Count;
            try
            {
                rules[i].Analyze(context);
            }
            catch (RuleTimeoutException ex)
            {
                // A pathological pattern must not sink the run, nor pass for a clean file: drop this rule's
                // partial findings for this document and report an error naming the rule.
                diagnostics.RemoveRange(mark, diagnostics.Count - mark);
                (notifications ??= new()).Add(new ConfigurationDiagnostic(NotificationCodes.RuleTimedOut, Severity.Error, document.Path, 0, 0,
                    $"Rule {rules[i].Descriptor.Id} was stopped on this file: {ex.Message} Its findings for this file are missing."));
                continue;
            }
            catch (RuleCutOffException ex)
            {
                diagnostics.RemoveRange(mark, diagnostics.Count - mark);
                var at = document.Source.Lines.GetLinePosition(Math.Clamp(ex.Offset, 0, document.Source.Length));
                (notifications ??= new()).Add(new ConfigurationDiagnostic(NotificationCodes.RuleCutOff, Severity.Error, document.Path, at.Line + 1, at.Character + 1,
                    $"Rule {rules[i].Descriptor.Id} was stopped on this file: {ex.Message} Its findings for this file are missing; " +
                    "use a pattern without lookarounds or backreferences (it then runs in linear time on any text)."));
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failing rule (a bug, not bad input) must cost its own findings on this file only:
                // the other rules and the other files are still reported, and the run says what failed.
                diagnostics.RemoveRange(mark, diagnostics.Count - mark);
                (notifications ??= new()).Add(new ConfigurationDiagnostic(NotificationCodes.RuleFailed, Severity.Error, document.Path, 0, 0,
                    $"Rule {rules[i].Descriptor.Id} failed on this file ({ex.GetType().Name}: {ex.Message}); its findings for this file are missing."));
                continue;
            }
            if (context.Omitted > 0)
            {
                var d = rules[i].Descriptor;
                diagnostics.Add(new Diagnostic(d, context.FirstOmitted, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"...and {context.Omitted:N0} more {d.Id} finding{(context.Omitted == 1 ? "" : "s")} in this file, from here on (at most {MaxFindingsPerRule:N0} of one rule are listed per file)"),
                    severities[i]) { Omitted = context.Omitted });
                (overflowed ??= new bool[rules.Length])[i] = true;
            }
        }
        starts[rules.Length] = diagnostics.Count;
        ApplyYields(diagnostics, starts);
        diagnostics.Sort(DiagnosticComparer.Instance);
        if (InlineSuppressions) diagnostics = InSourceSuppressions.Apply(document, Rules, severities, _suppressionTargets, diagnostics, overflowed);
        return new DocumentAnalysis(diagnostics.ToImmutableArray(),
            notifications is null ? ImmutableArray<ConfigurationDiagnostic>.Empty : notifications.ToImmutableArray());
    }

    /// <summary>
    /// Drops the findings of a rule that a rule it yields to (<see cref="RuleDescriptor.YieldsTo"/>) also made
    /// over any of the same characters. Both sides are the findings as the rules made them, so chains and the
    /// order of rules do not change the outcome; a rule's summary of findings past its limit neither yields nor
    /// makes another yield.
    /// </summary>
    private void ApplyYields(List<Diagnostic> diagnostics, int[] starts)
    {
        var yields = Rules.Yields;
        bool[]? dropped = null;
        for (int i = 0; i < yields.Length; i++)
        {
            if (yields[i] is not { } targets || starts[i] == starts[i + 1]) continue;
            for (int k = starts[i]; k < starts[i + 1]; k++)
            {
                var d = diagnostics[k];
                if (d.Omitted > 0) continue;
                foreach (int t in targets)
                {
                    if (CoveredBy(diagnostics, starts[t], starts[t + 1], d.Span))
                    {
                        (dropped ??= new bool[diagnostics.Count])[k] = true;
                        break;
                    }
                }
            }
        }
        if (dropped is null) return;
        int w = 0;
        for (int k = 0; k < diagnostics.Count; k++)
            if (!dropped[k]) diagnostics[w++] = diagnostics[k];
        diagnostics.RemoveRange(w, diagnostics.Count - w);
    }

    private static bool CoveredBy(List<Diagnostic> diagnostics, int from, int to, TextSpan span)
    {
        for (int k = from; k < to; k++)
        {
            var other = diagnostics[k];
            if (other.Omitted > 0) continue;
            var o = other.Span;
            // Shared characters; an empty span (an insertion point) meets a span that starts at it.
            if (o.Start < span.End && span.Start < o.End || o.Start == span.Start) return true;
        }
        return false;
    }

    private sealed class MatchCollector : ILiteralSink
    {
        // Each rule's matches in an array of its own that grows as a list would; a rule is then handed a
        // slice of it, sorted in place, not a copy (a document's matches are hundreds, a corpus's millions).
        private readonly LiteralMatch[]?[] _byRule;
        private readonly int[] _counts;
        private readonly Severity[] _severities;

        public MatchCollector(int rules, Severity[] severities)
        {
            _byRule = new LiteralMatch[]?[rules];
            _counts = new int[rules];
            _severities = severities;
        }

        public void OnMatch(int rule, LiteralMatch match)
        {
            if (_severities[rule] == Severity.None) return;
            int count = _counts[rule];
            // A rule with hits usually has many (a lexicon's words, a prefilter's): start with room for some.
            if (_byRule[rule] is not { } items || count == items.Length) Array.Resize(ref _byRule[rule], Math.Max(16, count * 2));
            _byRule[rule]![count] = match;
            _counts[rule] = count + 1;
        }

        public ReadOnlyMemory<LiteralMatch> For(int rule)
        {
            if (_byRule[rule] is not { } items) return ReadOnlyMemory<LiteralMatch>.Empty;
            int count = _counts[rule];
            // The automaton reports in order of match end; rules want start order (longest first on ties).
            items.AsSpan(0, count).Sort(static (a, b) => LeftmostLongest.Compare(a.Span, b.Span));
            return new ReadOnlyMemory<LiteralMatch>(items, 0, count);
        }
    }
}

/// <summary>The outcome of analysing one document.</summary>
public sealed record DocumentAnalysis(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<ConfigurationDiagnostic> Notifications)
{
    public static readonly DocumentAnalysis Empty = new(ImmutableArray<Diagnostic>.Empty, ImmutableArray<ConfigurationDiagnostic>.Empty);
}
