using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: existence — reports each occurrence of a listed phrase (<c>tokens</c>, matched on word
/// boundaries in the shared automaton) or of a <c>regex</c>. <c>exceptions</c> are phrases that contain
/// a token but are fine ("regime change" for "regime"): a match inside an exception is not reported.
/// <c>unlessSentence</c> patterns give context a phrase cannot: a match whose sentence matches one of
/// them is not reported ("orcs" in a sentence about elves and dwarves is fantasy, not a slur).
/// A fix is offered when the rule says what to write instead: <c>replacement</c> for every match (for a
/// regex, a substitution such as <c>$1</c>; for a phrase, written in the match's case) or <c>swap</c>,
/// a mapping of phrases to report to their own replacements ("Kiev regime: Kyiv government"). Such a
/// fix changes the wording, so it is <c>unsafe</c> unless the rule says <c>fix: safe</c>.
/// <c>replacements</c> maps listed tokens to a replacement the same way; <c>precededBy</c> requires a
/// pattern just before a token ("regime" only after a name), and the finding then covers both.
/// <c>skipNames</c> leaves alone a lower-case token written as part of a name: with a capital letter in
/// the middle of a sentence ("artist Vermin Supreme", "quipped Valiant Entertainment editor");
/// <c>outsideQuotes</c> leaves alone a token inside any quotation marks (someone's word, quoted) or in
/// speech printed without them: an interview transcript's, or what a colon after a word of saying
/// introduces ("Smith had one more theory: …"; <see cref="Document.UnquotedSpeech"/>).
/// <c>unlessBefore</c> patterns read the sentence up to the token: a match after a speech verb ("he says
/// she is clearly …", "they praised the company for visionary marketing") is someone's judgement, reported.
/// </summary>
public sealed class ExistenceRule : Rule
{
    public static readonly RuleKind Kind = new("existence", ["match"], (d, def) => new ExistenceRule(d, def),
        "Reports each occurrence of a phrase or pattern.")
    {
        CanFix = true,
        Options =
        [
            new("tokens", "Phrases to report, matched on word boundaries; any run of white space matches one space."),
            new("regex", "Regular expressions to report (.NET syntax; linear-time where the pattern allows)."),
            new("exceptions", "Phrases that contain a token but are fine; a match inside one is not reported."),
            new("ignorecase", "Match tokens and patterns case-insensitively (default true)."),
            new("unlessSentence", "Regular expressions for context: a match in a sentence that matches one is not reported."),
            new("replacement", "What to write instead of every match, offered as a fix (unsafe unless 'fix: safe'); for a regex a substitution such as $1, for a phrase written in the match's case."),
            new("fix", "Fix safety when 'replacement' or 'swap' is given: unsafe (default), safe or none."),
            new("swap", "Phrases to report, each mapped to its replacement, offered as a fix (unsafe unless 'fix: safe'): {Kiev regime: Kyiv government}."),
            new("replacements", "Mapping of some of the 'tokens' to a replacement, offered as a fix like 'swap' (each key must be one of the tokens)."),
            new("precededBy", "A regular expression the text just before a token must match (it is anchored at the token; the match joins the finding): 'regime' only after a name."),
            new("unlessParagraph", "Regular expressions for context: a match whose paragraph, read without its quotations, matches one is not reported (an interview answer in the first person)."),
            new("notFollowedBy", "A regular expression the text just after a token must not match (anchored at the token's end, on a short window): 'so-called' not before a quotation."),
            new("skipNames", "Leave alone a token listed in lower case that is written as part of a name: capitalised in the middle of a sentence (default false)."),
            new("outsideQuotes", "Leave alone a token inside quotation marks of any kind, not only direct speech, in an interview transcript's turns, or after a colon that a word of saying governs ('his theory: …') (default false)."),
            new("unlessBefore", "Regular expressions for context: a match is not reported when the text of its sentence before it (at most 400 characters back) matches one (a speech verb: 'he says she is clearly …'; end a pattern with \\z to anchor it at the token)."),
        ],
    };

    private const int ExceptionPayload = -1;
    private readonly ImmutableArray<string> _tokens;
    private readonly ImmutableArray<string> _exceptions;
    private readonly ImmutableArray<LazyRegex> _regexes;
    private readonly ImmutableArray<LazyRegex> _unlessSentence;
    private readonly ImmutableArray<LazyRegex> _unlessParagraph;
    private readonly ImmutableArray<LazyRegex> _unlessBefore;
    private readonly bool _ignoreCase;
    private readonly string? _replacement;
    private readonly LazyRegex? _precededBy;
    private readonly LazyRegex? _notFollowedBy;
    private readonly bool _skipNames;
    private readonly bool _outsideQuotes;

    /// <summary>How far before a token <c>precededBy</c> looks: a few words.</summary>
    private const int PrecedingWindow = 48;

    /// <summary>How far back in its sentence <c>unlessBefore</c> reads: a long news sentence's worth (about 70 words).</summary>
    private const int BeforeWindow = 400;

    /// <summary>Replacements by token index: null for plain tokens, the swap's value for a swapped phrase.</summary>
    private readonly ImmutableArray<string?> _swaps;

    private ExistenceRule(RuleDescriptor descriptor, RuleDefinition def) : base(WithFixSafety(descriptor, def))
    {
        _ignoreCase = def.GetBool("ignorecase", true);
        _skipNames = def.GetBool("skipNames", false);
        _outsideQuotes = def.GetBool("outsideQuotes", false);
        var tokens = def.GetStringList("tokens").Select(t => t.Value).Where(t => t.Trim().Length > 0).ToList();
        var swaps = Enumerable.Repeat<string?>(null, tokens.Count).ToList();
        foreach (var (wrong, right, _) in def.GetStringMap("swap"))
        {
            if (wrong.Trim().Length == 0) continue;
            tokens.Add(wrong);
            swaps.Add(right);
        }
        foreach (var (key, value, position) in def.GetStringMap("replacements"))
        {
            int i = tokens.FindIndex(t => string.Equals(t, key, StringComparison.OrdinalIgnoreCase));
            if (i < 0) def.Error(position, $"Replacement '{key}' is not one of the rule's tokens.");
            else swaps[i] = value;
        }
        _tokens = tokens.ToImmutableArray();
        _swaps = swaps.ToImmutableArray();
        _replacement = def.GetString("replacement");
        if (Descriptor.FixSafety != FixSafety.None && _replacement is null && !_swaps.Any(s => s is not null) && def.ErrorCount == 0)
            def.Error(def.PositionOf("fix"), "An existence rule's fix needs 'replacement', 'replacements' or 'swap' to say what to write instead.");
        _exceptions = def.GetStringList("exceptions").Select(t => t.Value).ToImmutableArray();
        _regexes = AttributionRule.Regexes(def, "regex", _ignoreCase);
        _unlessSentence = AttributionRule.Regexes(def, "unlessSentence", _ignoreCase);
        _unlessParagraph = AttributionRule.Regexes(def, "unlessParagraph", _ignoreCase);
        _unlessBefore = AttributionRule.Regexes(def, "unlessBefore", _ignoreCase);
        if (_tokens.IsEmpty && _regexes.IsEmpty && def.ErrorCount == 0)
            def.Error(def.Mapping.Position, "An existence rule needs 'tokens', 'swap' or 'regex'.");
        if (def.GetString("precededBy") is { } before)
        {
            // Anchored at the token and run on a short window only, so it costs the same on any document.
            _precededBy = def.GetLazyRegex("(?:" + before + ")\\z", def.PositionOf("precededBy"), _ignoreCase);
            if (_tokens.IsEmpty && def.ErrorCount == 0) def.Error(def.PositionOf("precededBy"), "'precededBy' applies to 'tokens'; add them.");
        }
        if (def.GetString("notFollowedBy") is { } after)
        {
            _notFollowedBy = def.GetLazyRegex("\\A(?:" + after + ")", def.PositionOf("notFollowedBy"), _ignoreCase);
            if (_tokens.IsEmpty && def.ErrorCount == 0) def.Error(def.PositionOf("notFollowedBy"), "'notFollowedBy' applies to 'tokens'; add them.");
        }
    }

    /// <summary>A rule that says what to write instead offers an unsafe fix unless its YAML sets 'fix'.</summary>
    private static RuleDescriptor WithFixSafety(RuleDescriptor descriptor, RuleDefinition def) =>
        def.Get("fix") is null && (def.Get("replacement") is not null || def.Get("swap") is not null || def.Get("replacements") is not null)
            ? descriptor with { FixSafety = FixSafety.Unsafe }
            : descriptor;

    public override void RegisterLiterals(LiteralRegistry registry)
    {
        for (int i = 0; i < _tokens.Length; i++) registry.Add(_tokens[i], i, caseSensitive: !_ignoreCase);
        foreach (var e in _exceptions) registry.Add(e, ExceptionPayload, caseSensitive: false);
    }

    public override void Analyze(RuleContext context)
    {
        var literals = context.Literals.Span;
        List<TextSpan>? exceptions = null;
        // Each match with where it came from: a token's index, or -1 - k for the k-th regex.
        var found = new List<(TextSpan Span, int Source)>();
        foreach (var m in literals)
        {
            if (m.Payload == ExceptionPayload) (exceptions ??= new()).Add(m.Span);
            else found.Add((m.Span, m.Payload));
        }
        for (int k = 0; k < _regexes.Length; k++)
        {
            foreach (var vm in PatternRunner.Matches(_regexes[k], context.Text))
                found.Add((vm, -1 - k));
        }
        if (found.Count == 0) return;
        found.Sort(static (a, b) => LeftmostLongest.Compare(a.Span, b.Span));
        var taken = new LeftmostLongest.Taken();
        var exceptionIndex = exceptions is null ? null : new OverlapIndex(exceptions);
        // unlessSentence is decided once per sentence (by its index), however many matches it holds.
        Dictionary<int, bool>? sentenceVerdicts = null;
        Dictionary<int, bool>? paragraphVerdicts = null;
        foreach (var (match, source) in found)
        {
            var span = match;
            // An exception's match neither reports nor blocks the matches it overlaps.
            if (taken.Overlaps(span)) continue;
            if (exceptionIndex is not null && exceptionIndex.AnyOverlaps(span)) continue;
            if (_precededBy is not null && source >= 0)
            {
                int from = Math.Max(0, span.Start - PrecedingWindow);
                int before = PatternRunner.FirstMatchStart(_precededBy.For(span.Start - from), context.Text.AsSpan(from, span.Start - from));
                if (before < 0) continue;
                span = TextSpan.FromBounds(from + before, span.End);
                if (taken.Overlaps(span)) continue;
            }
            taken.Take(span);
            if (_skipNames && source >= 0 && !HasUpper(_tokens[source]) && IsPartOfName(context.Text, match)) continue;
            if (_notFollowedBy is not null && source >= 0 && FollowedBy(_notFollowedBy, context.Text, match.End)) continue;
            if (_outsideQuotes && (context.Document.IsWithinUnit(RuleScope.Quote, match) || context.Document.UnquotedSpeech.Contains(match.Start))) continue;
            if (!_unlessSentence.IsEmpty && SentenceMatches(context, span, sentenceVerdicts ??= new())) continue;
            if (!_unlessParagraph.IsEmpty && ParagraphMatches(context, span, ref paragraphVerdicts)) continue;
            if (!_unlessBefore.IsEmpty && EarlierInSentenceMatches(context, span)) continue;
            // The fix replaces the token itself, never the words precededBy joined to the finding.
            context.Report(span, FixFor(context, match, source));
        }
    }

    /// <summary>
    /// True when a token is written as part of a name: it starts with a capital letter in the middle of a
    /// sentence ("performance artist Vermin Supreme", "quipped Valiant Entertainment editor"). At a sentence
    /// start a capital is the word itself ("Sadly, ...", "It should be noted Major Hasan ...").
    /// </summary>
    private static bool HasUpper(string token)
    {
        foreach (char c in token)
            if (char.IsUpper(c)) return true;
        return false;
    }

    internal static bool IsPartOfName(string text, TextSpan match)
    {
        if (match.Length == 0 || !char.IsUpper(text[match.Start])) return false;
        int i = match.Start - 1;
        while (i >= 0 && (text[i] is ' ' or '\t' or '"' or '\'' or '(' or '[' || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.InitialQuotePunctuation)) i--;
        return i >= 0 && text[i] is not ('.' or '!' or '?' or '\n' or '\r' or ':' or '…' or ';' or '—' or '–');
    }

    /// <summary>True when the anchored <c>notFollowedBy</c> pattern matches the short window after a token.</summary>
    private static bool FollowedBy(LazyRegex regex, string text, int at)
    {
        var window = text.AsSpan(at, Math.Min(PrecedingWindow, text.Length - at));
        return PatternRunner.FirstMatchStart(regex.For(window.Length), window) == 0;
    }

    private CodeFix? FixFor(RuleContext context, TextSpan span, int source)
    {
        if (Descriptor.FixSafety == FixSafety.None) return null;
        string written = context.Document.Source.ToString(span);
        string? replacement;
        if (source >= 0)
        {
            replacement = _swaps[source] ?? _replacement;
            if (replacement is not null) replacement = SubstitutionRule.MatchCase(written, replacement);
        }
        else
        {
            if (_replacement is null) return null;
            var regex = _regexes[-1 - source].Value;
            // From the match's start in the whole text, as the scan found it, so that a lookbehind or lookahead
            // sees the same context ("Match(text, start, length)" would read the span alone as the input).
            var m = regex.Match(context.Text, span.Start);
            replacement = m.Success && m.Index == span.Start && m.Length == span.Length ? m.Result(_replacement) : null;
        }
        if (replacement is null || string.Equals(replacement, written, StringComparison.Ordinal)) return null;
        return FixBuilder.Replace(span, replacement, Descriptor.FixSafety);
    }

    /// <summary>Whether the paragraph of a match, with its quotations blanked, matches an <c>unlessParagraph</c> pattern (worked out once per paragraph).</summary>
    private bool ParagraphMatches(RuleContext context, TextSpan span, ref Dictionary<int, bool>? verdicts)
    {
        var paragraphs = context.Document.Paragraphs;
        int i = Documents.Segmentation.SortedSpans.IndexOf(paragraphs.AsSpan(), span.Start);
        if (i < 0) return false;
        verdicts ??= new();
        if (verdicts.TryGetValue(i, out bool known)) return known;
        // Rules share patterns: each pattern is decided once per paragraph for the whole document.
        bool result = false;
        foreach (var r in _unlessParagraph)
            if (context.Document.ParagraphMatchesOutsideQuotations(r, paragraphs[i])) { result = true; break; }
        verdicts[i] = result;
        return result;
    }

    /// <summary>
    /// Whether the text of the match's sentence before the match matches an <c>unlessBefore</c> pattern. It reads
    /// at most <see cref="BeforeWindow"/> characters back (from a word start), so a run-on "sentence" of a
    /// megabyte with a match every few words costs the same per match as a news sentence, not its whole length.
    /// </summary>
    private bool EarlierInSentenceMatches(RuleContext context, TextSpan span)
    {
        var sentences = context.Document.Sentences;
        int i = Documents.Segmentation.SortedSpans.IndexOf(sentences.AsSpan(), span.Start);
        if (i < 0 || sentences[i].Start >= span.Start) return false;
        int from = sentences[i].Start;
        if (span.Start - from > BeforeWindow)
        {
            from = span.Start - BeforeWindow;
            while (from < span.Start && !char.IsWhiteSpace(context.Text[from])) from++;
        }
        var before = TextSpan.FromBounds(from, span.Start);
        foreach (var r in _unlessBefore)
            if (PatternRunner.IsMatch(r, context.Text, before)) return true;
        return false;
    }

    /// <summary>Whether the sentence of the match matches an <c>unlessSentence</c> pattern, worked out once per sentence.</summary>
    private bool SentenceMatches(RuleContext context, TextSpan span, Dictionary<int, bool> verdicts)
    {
        var sentences = context.Document.Sentences;
        int i = Documents.Segmentation.SortedSpans.IndexOf(sentences.AsSpan(), span.Start);
        if (i < 0) return false;
        if (verdicts.TryGetValue(i, out bool known)) return known;
        // Rules share patterns (the first person, a question): each is decided once per sentence for the whole document.
        bool matches = false;
        foreach (var r in _unlessSentence)
            if (context.Document.UnitMatches(r, sentences[i])) { matches = true; break; }
        verdicts[i] = matches;
        return matches;
    }
}
