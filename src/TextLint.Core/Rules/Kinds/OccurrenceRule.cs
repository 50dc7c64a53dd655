using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using TextLint.Documents.Segmentation;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: occurrence — how often <c>tokens</c> (or <c>regex</c> matches) occur in each unit of the rule's
/// scope (the whole document by default): more than <c>max</c> is reported at the first occurrence over
/// the limit ("more than three vague attributions in an article"); fewer than <c>min</c> is reported
/// on the unit's first line. Occurrences in direct speech do not count unless <c>speech: include</c>,
/// nor occurrences inside a match of one of the <c>exceptions</c> patterns.
/// </summary>
public sealed class OccurrenceRule : Rule
{
    public static readonly RuleKind Kind = new("occurrence", ["match", "count", "max", "min"], (d, def) => new OccurrenceRule(d, def),
        "Reports a unit in which phrases occur more than 'max' (or fewer than 'min') times.")
    {
        Options =
        [
            new("tokens", "Phrases to count, matched on word boundaries."),
            new("regex", "Regular expressions to count."),
            new("max", "Report the first occurrence beyond this many in a unit."),
            new("min", "Report a unit with fewer occurrences than this."),
            new("ignorecase", "Match case-insensitively (default true)."),
            new("exceptions", "Regular expressions for places where a token is part of something else (the '!' of \"Yahoo!\"): an occurrence inside a match (looked for within 40 characters of it) is not counted."),
        ],
    };

    private readonly ImmutableArray<string> _tokens;
    private readonly ImmutableArray<LazyRegex> _regexes;
    private readonly ImmutableArray<LazyRegex> _exceptions;

    /// <summary>How far around an occurrence an exception is looked for, in characters.</summary>
    private const int ExceptionReach = 40;
    private readonly bool _ignoreCase;
    private readonly int? _max;
    private readonly int? _min;

    private OccurrenceRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        _ignoreCase = def.GetBool("ignorecase", true);
        _tokens = def.GetStringList("tokens").Select(t => t.Value).Where(t => t.Trim().Length > 0).ToImmutableArray();
        _regexes = AttributionRule.Regexes(def, "regex", _ignoreCase);
        _exceptions = AttributionRule.Regexes(def, "exceptions", ignoreCase: false);
        if (def.Has("max")) _max = def.GetInt("max", 0, 0, int.MaxValue);
        if (def.Has("min")) _min = def.GetInt("min", 0, 0, int.MaxValue);
        if (_tokens.IsEmpty && _regexes.IsEmpty && def.ErrorCount == 0)
            def.Error(def.Mapping.Position, "An occurrence rule needs 'tokens' or 'regex'.");
        if (_max is null && _min is null && def.ErrorCount == 0)
            def.Error(def.Mapping.Position, "An occurrence rule needs 'max' or 'min'.");
    }

    public override void RegisterLiterals(LiteralRegistry registry)
    {
        for (int i = 0; i < _tokens.Length; i++) registry.Add(_tokens[i], i, caseSensitive: !_ignoreCase);
    }

    public override void Analyze(RuleContext context)
    {
        var found = new List<TextSpan>();
        foreach (var m in context.Literals.Span) found.Add(m.Span);
        foreach (var r in _regexes) found.AddRange(PatternRunner.Matches(r, context.Text));
        if (found.Count > 0 && !_exceptions.IsEmpty)
        {
            // An exception is looked for only around an occurrence (a name is short), so its cost
            // follows the occurrences, not the length of the document.
            string text = context.Text;
            found.RemoveAll(f =>
            {
                var window = TextSpan.FromBounds(Math.Max(0, f.Start - ExceptionReach), Math.Min(text.Length, f.End + ExceptionReach));
                foreach (var r in _exceptions)
                    foreach (var e in PatternRunner.MatchesIn(r.For(window.Length), text, window))
                        if (e.Contains(f)) return true;
                return false;
            });
        }
        LeftmostLongest.Sort(found);
        var kept = new List<TextSpan>(found.Count);
        var taken = new LeftmostLongest.Taken();
        foreach (var s in found)
        {
            if (taken.Overlaps(s) || !context.Accepts(s)) continue;
            taken.Take(s);
            kept.Add(s);
        }
        // Units and occurrences are both in start order: one walk over the two lists, not one per unit.
        int next = 0;
        foreach (var unit in context.Units)
        {
            while (next < kept.Count && kept[next].Start < unit.Start) next++;
            int count = 0;
            TextSpan? over = null;
            for (int j = next; j < kept.Count && kept[j].Start < unit.End; j++)
            {
                var s = kept[j];
                if (!unit.Contains(s)) continue;
                if (++count == (_max ?? int.MaxValue) + 1L) over = s;
            }
            if (over is { } o)
                context.Report(o, Args(context, o, count));
            else if (_min is { } min && count < min)
            {
                var first = FirstLine(context.Text, unit);
                context.Report(first, Args(context, first, count));
            }
        }
    }

    private MessageArguments Args(RuleContext context, TextSpan span, int count) =>
        context.Arguments(span)
            .With("count", count.ToString(CultureInfo.InvariantCulture))
            .With("max", _max?.ToString(CultureInfo.InvariantCulture) ?? "")
            .With("min", _min?.ToString(CultureInfo.InvariantCulture) ?? "");

    private static TextSpan FirstLine(string text, TextSpan unit)
    {
        var t = ParagraphSplitter.Trim(text, unit);
        int nl = text.AsSpan(t.Start, t.Length).IndexOfAny('\n', '\r');
        return nl < 0 ? t : ParagraphSplitter.Trim(text, new TextSpan(t.Start, nl));
    }
}
