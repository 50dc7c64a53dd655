using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TextLint.Diagnostics;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: existence — reports each occurrence of a listed phrase (<c>tokens</c>, matched on word
/// boundaries in the shared automaton) or of a <c>regex</c>. <c>exceptions</c> are phrases that contain
/// a token but are fine ("regime change" for "regime"): a match inside an exception is not reported.
/// <c>unlessSentence</c> patterns give context a phrase cannot: a match whose sentence matches one of
/// them is not reported ("orcs" in a sentence about elves and dwarves is fantasy, not a slur).
/// <c>replacements</c> map a token to a plainer word; with <c>fix: safe</c> or <c>fix: unsafe</c> it is
/// offered as a fix ("passed away" → "died"), keeping the written case.
/// </summary>
public sealed class ExistenceRule : Rule
{
    public static readonly RuleKind Kind = new("existence", ["match"], (d, def) => new ExistenceRule(d, def),
        "Reports each occurrence of a phrase or pattern.")
    {
        OffersFixes = true,
        Options =
        [
            new("tokens", "Phrases to report, matched on word boundaries; any run of white space matches one space."),
            new("regex", "Regular expressions to report (.NET syntax; linear-time where the pattern allows)."),
            new("exceptions", "Phrases that contain a token but are fine; a match inside one is not reported."),
            new("ignorecase", "Match tokens and patterns case-insensitively (default true)."),
            new("unlessSentence", "Regular expressions for context: a match in a sentence that matches one is not reported."),
            new("precededBy", "A regular expression the text just before a token must match (it is anchored at the token; the match joins the finding): 'regime' only after a name."),
            new("replacements", "Mapping of tokens to a replacement, offered as a fix when the rule says fix: safe or fix: unsafe (each key must be one of the tokens)."),
            new("fix", "Fix safety of the replacements: none (default), safe (applied by --fix) or unsafe (needs --unsafe-fixes)."),
        ],
    };

    private const int ExceptionPayload = -1;
    private readonly ImmutableArray<string> _tokens;
    private readonly ImmutableArray<string> _exceptions;
    private readonly ImmutableArray<LazyRegex> _regexes;
    private readonly ImmutableArray<LazyRegex> _unlessSentence;
    private readonly bool _ignoreCase;
    private readonly ImmutableArray<string?> _replacements;
    private readonly Regex? _precededBy;

    /// <summary>How far before a token <c>precededBy</c> looks: a few words.</summary>
    private const int PrecedingWindow = 48;

    private ExistenceRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        _ignoreCase = def.GetBool("ignorecase", true);
        _tokens = def.GetStringList("tokens").Select(t => t.Value).Where(t => t.Trim().Length > 0).ToImmutableArray();
        _exceptions = def.GetStringList("exceptions").Select(t => t.Value).ToImmutableArray();
        _regexes = AttributionRule.Regexes(def, "regex", _ignoreCase);
        _unlessSentence = AttributionRule.Regexes(def, "unlessSentence", _ignoreCase);
        if (_tokens.IsEmpty && _regexes.IsEmpty && def.ErrorCount == 0)
            def.Error(def.Mapping.Position, "An existence rule needs 'tokens' or 'regex'.");
        if (def.GetString("precededBy") is { } before)
        {
            // Anchored at the token and run on a short window only, so it costs the same on any document.
            _precededBy = def.GetBoundedRegex("(?:" + before + ")\\z", def.PositionOf("precededBy"), _ignoreCase);
            if (_tokens.IsEmpty && def.ErrorCount == 0) def.Error(def.PositionOf("precededBy"), "'precededBy' applies to 'tokens'; add them.");
        }
        var replacements = new string?[_tokens.Length];
        foreach (var (key, value, position) in def.GetStringMap("replacements"))
        {
            int i = _tokens.IndexOf(key, StringComparer.OrdinalIgnoreCase);
            if (i < 0) def.Error(position, $"Replacement '{key}' is not one of the rule's tokens.");
            else replacements[i] = value;
        }
        _replacements = replacements.ToImmutableArray();
        if (descriptor.FixSafety != FixSafety.None && !replacements.Any(r => r is not null) && def.ErrorCount == 0)
            def.Error(def.PositionOf("fix"), "An existence rule offers fixes only through 'replacements'; add them or remove 'fix'.");
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
        var found = new List<(TextSpan Span, int Token)>();
        foreach (var m in literals)
        {
            if (m.Payload == ExceptionPayload) (exceptions ??= new()).Add(m.Span);
            else found.Add((m.Span, m.Payload));
        }
        foreach (var regex in _regexes)
        {
            foreach (var vm in PatternRunner.Matches(regex, context.Text))
                found.Add((vm, -1));
        }
        if (found.Count == 0) return;
        found.Sort(static (a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.Length.CompareTo(a.Span.Length));
        int lastEnd = -1;
        foreach (var (found0, token) in found)
        {
            var span = found0;
            // Leftmost-longest, non-overlapping: the list is sorted by start, longest first on ties.
            if (span.Start < lastEnd) continue;
            if (exceptions is not null && exceptions.Any(e => e.OverlapsWith(span))) continue;
            if (_precededBy is not null && token >= 0)
            {
                int from = Math.Max(0, span.Start - PrecedingWindow);
                var window = context.Text.AsSpan(from, span.Start - from);
                int before = LastMatchStart(_precededBy, window);
                if (before < 0) continue;
                span = TextSpan.FromBounds(from + before, span.End);
                if (span.Start < lastEnd) continue;
            }
            lastEnd = span.End;
            if (!_unlessSentence.IsEmpty && SentenceMatches(context, span)) continue;
            string? replacement = token >= 0 ? _replacements[token] : null;
            if (replacement is null || Descriptor.FixSafety == FixSafety.None) { context.Report(span); continue; }
            string written = context.Document.Source.ToString(span);
            context.Report(span, context.ReplaceFix(span, SubstitutionRule.MatchCase(written, replacement), Descriptor.FixSafety));
        }
    }

    /// <summary>Where the anchored <c>precededBy</c> match starts in the window, or -1.</summary>
    private static int LastMatchStart(Regex regex, ReadOnlySpan<char> window)
    {
        try
        {
            foreach (var m in regex.EnumerateMatches(window)) return m.Index;
            return -1;
        }
        catch (RegexMatchTimeoutException ex) { throw new RuleTimeoutException(regex.ToString(), ex); }
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
