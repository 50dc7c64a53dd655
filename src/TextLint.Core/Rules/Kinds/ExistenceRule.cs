using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: existence — reports each occurrence of a listed phrase (<c>tokens</c>, matched on word
/// boundaries in the shared automaton) or of a <c>regex</c>. <c>exceptions</c> are phrases that contain
/// a token but are fine ("regime change" for "regime"): a match inside an exception is not reported.
/// <c>unlessSentence</c> patterns give context a phrase cannot: a match whose sentence matches one of
/// them is not reported ("orcs" in a sentence about elves and dwarves is fantasy, not a slur).
/// </summary>
public sealed class ExistenceRule : Rule
{
    public static readonly RuleKind Kind = new("existence", ["match"], (d, def) => new ExistenceRule(d, def),
        "Reports each occurrence of a phrase or pattern.")
    {
        Options =
        [
            new("tokens", "Phrases to report, matched on word boundaries; any run of white space matches one space."),
            new("regex", "Regular expressions to report (.NET syntax; linear-time where the pattern allows)."),
            new("exceptions", "Phrases that contain a token but are fine; a match inside one is not reported."),
            new("ignorecase", "Match tokens and patterns case-insensitively (default true)."),
            new("unlessSentence", "Regular expressions for context: a match in a sentence that matches one is not reported."),
        ],
    };

    private const int ExceptionPayload = -1;
    private readonly ImmutableArray<string> _tokens;
    private readonly ImmutableArray<string> _exceptions;
    private readonly ImmutableArray<LazyRegex> _regexes;
    private readonly ImmutableArray<LazyRegex> _unlessSentence;
    private readonly bool _ignoreCase;

    private ExistenceRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        _ignoreCase = def.GetBool("ignorecase", true);
        _tokens = def.GetStringList("tokens").Select(t => t.Value).Where(t => t.Trim().Length > 0).ToImmutableArray();
        _exceptions = def.GetStringList("exceptions").Select(t => t.Value).ToImmutableArray();
        _regexes = AttributionRule.Regexes(def, "regex", _ignoreCase);
        _unlessSentence = AttributionRule.Regexes(def, "unlessSentence", _ignoreCase);
        if (_tokens.IsEmpty && _regexes.IsEmpty && def.ErrorCount == 0)
            def.Error(def.Mapping.Position, "An existence rule needs 'tokens' or 'regex'.");
    }

    public override void RegisterLiterals(LiteralRegistry registry)
    {
        for (int i = 0; i < _tokens.Length; i++) registry.Add(_tokens[i], i, caseSensitive: !_ignoreCase);
        foreach (var e in _exceptions) registry.Add(e, ExceptionPayload, caseSensitive: false);
    }

    public override void Analyze(RuleContext context)
    {
        var literals = context.Literals.Span;
        List<TextSpan>? exceptions = null;
        var found = new List<TextSpan>();
        foreach (var m in literals)
        {
            if (m.Payload == ExceptionPayload) (exceptions ??= new()).Add(m.Span);
            else found.Add(m.Span);
        }
        foreach (var regex in _regexes)
        {
            foreach (var vm in PatternRunner.Matches(regex, context.Text))
                found.Add(vm);
        }
        if (found.Count == 0) return;
        found.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        int lastEnd = -1;
        foreach (var span in found)
        {
            // Leftmost-longest, non-overlapping: the list is sorted by start, longest first on ties.
            if (span.Start < lastEnd) continue;
            if (exceptions is not null && exceptions.Any(e => e.OverlapsWith(span))) continue;
            lastEnd = span.End;
            if (!_unlessSentence.IsEmpty && SentenceMatches(context, span)) continue;
            context.Report(span);
        }
    }

    private bool SentenceMatches(RuleContext context, TextSpan span)
    {
        var sentences = context.Document.Sentences;
        int i = Documents.Segmentation.SortedSpans.IndexOf(sentences.AsSpan(), span.Start);
        if (i < 0) return false;
        var sentence = context.Text.AsSpan(sentences[i].Start, sentences[i].Length);
        foreach (var r in _unlessSentence)
            if (PatternRunner.IsMatch(r.Value, sentence)) return true;
        return false;
    }
}
