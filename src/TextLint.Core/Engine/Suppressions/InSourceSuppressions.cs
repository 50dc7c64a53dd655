using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Rules;
using TextLint.Rules.BuiltIn;
using TextLint.Text;

namespace TextLint.Engine.Suppressions;

/// <summary>
/// The loaded rules' IDs and categories, for resolving the names in directives. Built once per rule set.
/// </summary>
public sealed class SuppressionCatalog : ISuppressionTargets
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Name, List<int> Rules)> _categories = new(StringComparer.OrdinalIgnoreCase);
    private readonly ImmutableArray<RuleDescriptor> _rules;

    public SuppressionCatalog(ImmutableArray<RuleDescriptor> rules)
    {
        _rules = rules;
        for (int i = 0; i < rules.Length; i++)
        {
            _ids[rules[i].Id] = i;
            if (!_categories.TryGetValue(rules[i].Category, out var c))
                _categories[rules[i].Category] = c = (rules[i].Category, new List<int>());
            c.Rules.Add(i);
        }
        UnusedSuppression = IndexOf(BuiltInRules.UnusedSuppressionId);
        InvalidSuppression = IndexOf(BuiltInRules.InvalidSuppressionId);
    }

    /// <summary>Index of TL0001 in the rule set, or -1 when the set has no built-in rules.</summary>
    public int UnusedSuppression { get; }

    public int InvalidSuppression { get; }

    private int IndexOf(string id) => _ids.TryGetValue(id, out int i) ? i : -1;

    public (string Name, bool IsCategory)? Resolve(string name)
    {
        if (_ids.TryGetValue(name, out int i)) return (_rules[i].Id, false);
        if (_categories.TryGetValue(name, out var c)) return (c.Name, true);
        return null;
    }

    public string? Suggest(string name) => EditDistance.Suggest(name, _ids.Keys.Concat(_categories.Keys));

    /// <summary>The rule indexes a target covers.</summary>
    public IEnumerable<int> RulesOf(DirectiveTarget target) =>
        target.IsCategory ? _categories[target.Name].Rules : [_ids[target.Name]];
}

/// <summary>
/// Applies a document's directives to its findings: a covered finding gets
/// <c>Suppression("inSource", reason)</c> (it stays in SARIF, the console hides it); a directive, or a
/// rule or category in it, that covers no finding is reported by TL0001; a malformed directive by
/// TL0002. Findings of TL0001 and TL0002 themselves are not suppressible: fix the comment instead.
/// </summary>
public static class InSourceSuppressions
{
    /// <param name="overflowed">By rule index, the rules that had more findings than the limit in this document (null: none):
    /// a comment that names one may have suppressed a finding that was never kept, so it is not reported as unused.</param>
    public static List<Diagnostic> Apply(Document document, RuleSet rules, Severity[] severities, SuppressionCatalog catalog, List<Diagnostic> diagnostics,
        bool[]? overflowed = null)
    {
        var parsed = SuppressionParser.Parse(document, catalog);
        if (parsed.CommentSpans.IsEmpty) return diagnostics;

        var problems = new List<DirectiveProblem>(parsed.Problems);
        var regions = BuildRegions(parsed.Directives, problems);
        var index = new RegionIndex(regions);
        var result = new List<Diagnostic>(diagnostics.Count);
        foreach (var d in diagnostics)
        {
            // The directive comments are the tool's syntax, not prose: in plain text rules see them
            // (a reason may well quote the flagged word), so what lies wholly inside one is dropped.
            if (InsideAny(parsed.CommentSpans, d.Span)) continue;
            int line = document.Source.Lines.GetLineFromOffset(d.Span.Start);
            // Nor is the summary of a rule's findings past its limit: it stands for findings outside any region too.
            var region = BuiltInRules.IsBuiltIn(d.Id) || d.Omitted > 0 ? null : index.Find(d.Descriptor, line);
            if (region is null)
            {
                // A fix never reaches across a suppression: not into a suppressed region, not into a directive comment.
                result.Add(d.Fix is { } fix && FixTouchesSuppression(document, fix, regions, parsed.CommentSpans) ? d with { Fix = null } : d);
                continue;
            }
            region.Used = true;
            result.Add(d with { Suppression = new Suppression("inSource", region.Directive.Reason) });
        }

        if (catalog.UnusedSuppression >= 0 && severities[catalog.UnusedSuppression] != Severity.None)
        {
            var rule = rules.Rules[catalog.UnusedSuppression].Descriptor;
            var severity = severities[catalog.UnusedSuppression];
            foreach (var region in regions)
            {
                if (region.Used || region.IsException) continue;
                // A suppression for a rule that is off here is not stale: it matters where the rule is on.
                if (region.Target is { } t && !catalog.RulesOf(t).Any(i => severities[i] != Severity.None)) continue;
                if (overflowed is not null && (region.Target is not { } named || catalog.RulesOf(named).Any(i => overflowed[i]))) continue;
                var span = region.Target?.Span ?? region.Directive.Span;
                string target = region.Target?.Name ?? DirectiveName(region.Directive.Kind);
                result.Add(Report(rule, severity, span, new MessageArguments(document.Source.ToString(span)).With("target", target)));
            }
        }
        if (catalog.InvalidSuppression >= 0 && severities[catalog.InvalidSuppression] != Severity.None)
        {
            var rule = rules.Rules[catalog.InvalidSuppression].Descriptor;
            foreach (var p in problems)
                result.Add(Report(rule, severities[catalog.InvalidSuppression], p.Span, new MessageArguments(document.Source.ToString(p.Span)).With("problem", p.Message)));
        }
        result.Sort(DiagnosticComparer.Instance);
        return result;
    }

    private static Diagnostic Report(RuleDescriptor rule, Severity severity, TextSpan span, MessageArguments arguments) =>
        new(rule, span, MessageTemplate.Format(rule.MessageFormat, arguments), severity);

    private static string DirectiveName(DirectiveKind kind) => kind switch
    {
        DirectiveKind.Disable => "textlint-disable",
        DirectiveKind.Enable => "textlint-enable",
        _ => "textlint-disable-next-line",
    };

    /// <summary>Whether an edit of the fix touches a line some directive suppresses (for any rule), or a directive comment.</summary>
    private static bool FixTouchesSuppression(Document document, CodeFix fix, List<Region> regions, ImmutableArray<TextSpan> comments)
    {
        var lines = document.Source.Lines;
        foreach (var edit in fix.Edits)
        {
            var span = edit.Span;
            foreach (var c in comments)
                if (c.OverlapsWith(span) || (span.IsEmpty && c.Start < span.Start && span.Start < c.End)) return true;
            int first = lines.GetLineFromOffset(span.Start);
            int last = lines.GetLineFromOffset(Math.Max(span.Start, span.End - 1));
            foreach (var r in regions)
                if (!r.IsException && r.From <= last && r.To >= first) return true;
        }
        return false;
    }

    /// <summary>Whether the span lies within one of the comments (sorted, disjoint): a binary search.</summary>
    private static bool InsideAny(ImmutableArray<TextSpan> comments, TextSpan span)
    {
        int lo = 0, hi = comments.Length - 1, last = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (comments[mid].Start <= span.Start) { last = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return last >= 0 && !span.IsEmpty && comments[last].Contains(span);
    }

    /// <summary>Lines [From, To] (0-based, inclusive) where a target (null: every rule) is suppressed, or re-enabled under a disable-all.</summary>
    private sealed class Region(SuppressionDirective directive, DirectiveTarget? target, int from, bool isException)
    {
        public SuppressionDirective Directive { get; } = directive;
        public DirectiveTarget? Target { get; } = target;
        public int From { get; } = from;
        public int To { get; set; } = int.MaxValue;
        public bool IsException { get; } = isException;
        public bool Used { get; set; }

        public bool Covers(int line) => line >= From && line <= To;

        public bool Matches(RuleDescriptor rule) => Target is null
            || (Target.IsCategory ? string.Equals(Target.Name, rule.Category, StringComparison.Ordinal) : string.Equals(Target.Name, rule.Id, StringComparison.Ordinal));
    }

    /// <summary>
    /// Replays the directives in order, as ESLint does: <c>disable X</c> opens a range for X;
    /// <c>enable X</c> closes it (and, under a disable-all, re-enables X); <c>enable</c> closes all;
    /// <c>disable-next-line</c> covers the next line only.
    /// </summary>
    private static List<Region> BuildRegions(ImmutableArray<SuppressionDirective> directives, List<DirectiveProblem> problems)
    {
        var regions = new List<Region>();
        Region? all = null;
        var specific = new Dictionary<string, Region>(StringComparer.Ordinal);
        var exceptions = new Dictionary<string, Region>(StringComparer.Ordinal);
        void Close(Region r, int line) => r.To = line - 1;

        foreach (var d in directives)
        {
            int next = d.Line + 1;
            switch (d.Kind)
            {
                case DirectiveKind.DisableNextLine:
                    if (d.AllRules) regions.Add(new Region(d, null, next, false) { To = next });
                    else foreach (var t in d.Targets) regions.Add(new Region(d, t, next, false) { To = next });
                    break;
                case DirectiveKind.Disable when d.AllRules:
                    if (all is not null) Close(all, d.Line);
                    foreach (var e in exceptions.Values) Close(e, d.Line);
                    exceptions.Clear();
                    all = new Region(d, null, next, false);
                    regions.Add(all);
                    break;
                case DirectiveKind.Disable:
                    foreach (var t in d.Targets)
                    {
                        if (specific.Remove(t.Name, out var open)) Close(open, d.Line);
                        if (exceptions.Remove(t.Name, out var exception)) Close(exception, d.Line);
                        var r = new Region(d, t, next, false);
                        specific[t.Name] = r;
                        regions.Add(r);
                    }
                    break;
                case DirectiveKind.Enable when d.AllRules:
                    if (all is null && specific.Count == 0)
                        problems.Add(new DirectiveProblem(d.Span, "Nothing is disabled here, so there is nothing to enable."));
                    if (all is not null) Close(all, d.Line);
                    all = null;
                    foreach (var r in specific.Values.Concat(exceptions.Values)) Close(r, d.Line);
                    specific.Clear();
                    exceptions.Clear();
                    break;
                case DirectiveKind.Enable:
                    foreach (var t in d.Targets)
                    {
                        bool closed = specific.Remove(t.Name, out var open);
                        if (closed) Close(open!, d.Line);
                        if (all is not null && !exceptions.ContainsKey(t.Name))
                        {
                            var e = new Region(d, t, next, true);
                            exceptions[t.Name] = e;
                            regions.Add(e);
                        }
                        else if (!closed)
                        {
                            problems.Add(new DirectiveProblem(t.Span, $"'{t.Name}' is not disabled here, so there is nothing to enable."));
                        }
                    }
                    break;
            }
        }
        return regions;
    }

    /// <summary>
    /// Regions by where they apply, so that finding the region for a finding costs a few lookups and
    /// binary searches however many directives an article holds. The ranges of one target are
    /// disjoint and in line order (a new range for a target closes the open one), as are its
    /// re-enabled stretches.
    /// </summary>
    private sealed class RegionIndex
    {
        private const string AllRules = "";
        private readonly Dictionary<int, List<Region>> _nextLine = new();
        private readonly Dictionary<string, List<Region>> _ranges = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<Region>> _exceptions = new(StringComparer.Ordinal);

        public RegionIndex(List<Region> regions)
        {
            foreach (var r in regions)
            {
                if (r.IsException) Add(_exceptions, r.Target!.Name, r);
                else if (r.Directive.Kind == DirectiveKind.DisableNextLine) Add(_nextLine, r.From, r);
                else Add(_ranges, r.Target?.Name ?? AllRules, r);
            }
        }

        private static void Add<TKey>(Dictionary<TKey, List<Region>> map, TKey key, Region r) where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list)) map[key] = list = new List<Region>();
            list.Add(r);
        }

        /// <summary>
        /// The region that suppresses a finding of <paramref name="rule"/> on <paramref name="line"/>:
        /// the nearest directive naming the rule or its category; else a disable-all, unless the rule
        /// was re-enabled under it. The nearest directive gets the credit, so a redundant outer one
        /// can be reported as unused.
        /// </summary>
        public Region? Find(RuleDescriptor rule, int line)
        {
            Region? best = null;
            void Consider(Region? r)
            {
                if (r is not null && (best is null || r.From > best.From)) best = r;
            }
            _nextLine.TryGetValue(line, out var here);
            if (here is not null)
                foreach (var r in here)
                    if (r.Target is not null && r.Matches(rule)) Consider(r);
            Consider(Covering(_ranges, rule.Id, line));
            Consider(Covering(_ranges, rule.Category, line));
            if (best is not null) return best;

            if (here is not null)
                foreach (var r in here)
                    if (r.Target is null) Consider(r);
            Consider(Covering(_ranges, AllRules, line));
            if (best is null) return null;
            // "enable X" under a disable-all re-enables X, unless a later directive disables again.
            foreach (string key in (ReadOnlySpan<string>)[rule.Id, rule.Category])
                if (Covering(_exceptions, key, line) is { } e && e.From > best.From) return null;
            return best;
        }

        private static Region? Covering(Dictionary<string, List<Region>> map, string key, int line)
        {
            if (!map.TryGetValue(key, out var list)) return null;
            int lo = 0, hi = list.Count - 1, last = -1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                if (list[mid].From <= line) { last = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            return last >= 0 && list[last].Covers(line) ? list[last] : null;
        }
    }
}
