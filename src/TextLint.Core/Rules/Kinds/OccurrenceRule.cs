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
/// on the unit's first line. Occurrences in direct speech do not count unless <c>speech: include</c>.
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
        ],
    };

    private readonly ImmutableArray<string> _tokens;
    private readonly ImmutableArray<LazyRegex> _regexes;
    private readonly bool _ignoreCase;
    private readonly int? _max;
    private readonly int? _min;

    private OccurrenceRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        _ignoreCase = def.GetBool("ignorecase", true);
        _tokens = def.GetStringList("tokens").Select(t => t.Value).Where(t => t.Trim().Length > 0).ToImmutableArray();
        _regexes = AttributionRule.Regexes(def, "regex", _ignoreCase);
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
        LeftmostLongest.Sort(found);
        var kept = new List<TextSpan>(found.Count);
        var taken = new LeftmostLongest.Taken();
        foreach (var s in found)
        {
            if (taken.Overlaps(s) || !context.Accepts(s)) continue;
            taken.Take(s);
            kept.Add(s);
        }
        foreach (var unit in context.Units)
        {
            int count = 0;
            TextSpan? over = null;
            foreach (var s in kept)
            {
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
