using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using TextLint.Diagnostics;
using TextLint.Matching;
using TextLint.Rules;
using TextLint.Text;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Yaml;

namespace TextLint.Loading.Vale;

/// <summary>A Vale rule's <c>action</c>: <c>replace</c> becomes a fix; the others are kept for reference.</summary>
public sealed record ValeAction(string Name, ImmutableArray<string> Params);

/// <summary>
/// The part every Vale rule shares: runs over the blocks of its scope (see <see cref="ValeScope"/>) and
/// reports through the engine like any TextLint rule, under its Vale name (<c>Style.Rule</c>).
/// </summary>
public abstract class ValeRule : Rule
{
    protected ValeRule(RuleDescriptor descriptor, ValeScope scope, ValeAction? action) : base(descriptor)
    {
        Scope = scope;
        Action = action;
    }

    public ValeScope Scope { get; }
    public ValeAction? Action { get; }

    /// <summary>Which files the rule runs on (a .vale.ini glob section); every file when null.</summary>
    public Func<string, bool>? AppliesTo { get; set; }

    /// <summary>
    /// A pattern every alert needs a match of. Its required phrases (see <see cref="RequiredLiterals"/>)
    /// join the rule set's one literal scan, and a document that holds none of them is skipped without
    /// running the rule's regexes: most of a style's rules have nothing to say about most documents.
    /// </summary>
    protected Regex? Prefilter { get; init; }

    private IReadOnlyList<string>? _phrases;

    public override void RegisterLiterals(LiteralRegistry registry)
    {
        if (Prefilter is null || Scope.Alternatives.Any(a => a.Any(t => t.Name == "raw" && !t.Negated))) return;
        var lazy = RegexFactory.TryCreateLazy(Prefilter.ToString(), (Prefilter.Options & RegexOptions.IgnoreCase) != 0, out _);
        _phrases = lazy?.RequiredPhrases;
        if (_phrases is null) return;
        foreach (string phrase in _phrases) registry.AddSubstring(phrase, 0);
    }

    public override void Analyze(RuleContext context)
    {
        if (AppliesTo is not null && !AppliesTo(context.Document.Path)) return;
        // Plain text is matched as written (URLs included), the literal scan sees its prose view.
        if (_phrases is not null && context.Literals.IsEmpty && context.Document.Format == DocumentFormat.Markdown) return;
        var view = ValeView.Of(context.Document);
        var state = NewFileState();
        foreach (var alternative in Scope.Alternatives)
            foreach (var block in ValeScope.Blocks(view, alternative))
                Run(context, block, state);
    }

    /// <summary>Per-file state a kind keeps across blocks (consistency and conditional remember what they saw).</summary>
    protected virtual object? NewFileState() => null;

    protected abstract void Run(RuleContext context, ValeBlock block, object? state);

    protected void Alert(RuleContext context, ValeBlock block, int start, int end, MessageArguments arguments, CodeFix? fix = null)
    {
        var span = block.SourceSpan(start, end);
        var comments = ValeView.Of(context.Document).Comments;
        if (!comments.IsEmpty && comments.IsOff(Descriptor.Id, span.Start, block.Text[start..end])) return;
        context.Report(span, arguments, fix);
    }

    protected CodeFix? ReplaceFix(RuleContext context, ValeBlock block, int start, int end, string replacement) =>
        context.ReplaceFix(block.SourceSpan(start, end), replacement, FixSafety.Unsafe);

    /// <summary>Runs a pattern over a block, turning a timeout into the engine's rule-timeout notification.</summary>
    protected static IEnumerable<Match> Matches(Regex regex, string text)
    {
        var list = new List<Match>();
        try
        {
            for (var m = regex.Match(text); m.Success; m = m.Length == 0 ? regex.Match(text, m.Index + 1 <= text.Length ? m.Index + 1 : text.Length) : m.NextMatch())
            {
                list.Add(m);
                if (m.Length == 0 && m.Index >= text.Length) break;
            }
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new RuleTimeoutException(regex.ToString(), ex);
        }
        return list;
    }

    protected static bool IsMatch(Regex? regex, string text)
    {
        if (regex is null) return false;
        try { return regex.IsMatch(text); }
        catch (RegexMatchTimeoutException ex) { throw new RuleTimeoutException(regex.ToString(), ex); }
    }

    /// <summary>Whether [start, end) lies within an occurrence of an accepted multi-word phrase.</summary>
    protected static bool WithinPhrase(Regex? phrases, string text, int start, int end)
    {
        if (phrases is null) return false;
        foreach (var m in Matches(phrases, text))
            if (m.Index <= start && m.Index + m.Length >= end) return true;
        return false;
    }
}

/// <summary>Vale's <c>existence</c>: every match of <c>tokens</c> (word-bounded unless <c>nonword</c>) and <c>raw</c>.</summary>
public sealed class ValeExistenceRule : ValeRule
{
    private readonly Regex _pattern;
    private readonly Regex? _except;
    private readonly Regex? _phrases;

    private readonly ImmutableArray<string> _literals;
    private readonly bool _caseSensitive;

    /// <param name="literals">When every token is a plain phrase (and the rule has no raw pattern and the
    /// default scope), the tokens themselves: they join the rule set's one literal scan (word-bounded, as
    /// Vale's <c>\b(?:…)\b</c>) instead of a regex alternation the engine would try at every position.</param>
    public ValeExistenceRule(RuleDescriptor d, ValeScope scope, ValeAction? action, Regex pattern, Regex? except, Regex? phrases,
        ImmutableArray<string> literals = default, bool caseSensitive = true) : base(d, scope, action)
    {
        _pattern = pattern;
        _except = except;
        _phrases = phrases;
        _literals = literals.IsDefault ? [] : literals;
        _caseSensitive = caseSensitive;
        if (_literals.IsEmpty) Prefilter = pattern;
    }

    public override void RegisterLiterals(LiteralRegistry registry)
    {
        if (_literals.IsEmpty) { base.RegisterLiterals(registry); return; }
        for (int i = 0; i < _literals.Length; i++) registry.Add(_literals[i], i, _caseSensitive);
    }

    public override void Analyze(RuleContext context)
    {
        // Plain text is matched as written, URLs and paths included (the literal scan sees its prose view).
        if (_literals.IsEmpty || context.Document.Format != DocumentFormat.Markdown) { base.Analyze(context); return; }
        if (AppliesTo is not null && !AppliesTo(context.Document.Path)) return;
        var view = ValeView.Of(context.Document);
        var comments = view.Comments;
        string text = context.Document.Source.Text;
        int lastEnd = -1;
        foreach (var m in context.Literals.Span)
        {
            // Leftmost-longest, non-overlapping: the matches come sorted by start, longest first.
            if (m.Start < lastEnd || !view.Contains(m.Start)) continue;
            var span = m.Span;
            string observed = text.Substring(span.Start, span.Length);
            if (IsMatch(_except, observed.Trim())) continue;
            if (_phrases is not null)
            {
                var lines = context.Document.Source.Lines;
                var line = lines.GetLineSpan(lines.GetLineFromOffset(span.Start), text);
                if (WithinPhrase(_phrases, text.Substring(line.Start, line.Length), span.Start - line.Start, span.End - line.Start)) continue;
            }
            lastEnd = m.End;
            if (!comments.IsEmpty && comments.IsOff(Descriptor.Id, span.Start, observed)) continue;
            CodeFix? fix = null;
            if (Action is { Name: "remove" }) fix = context.ReplaceFix(span, "", FixSafety.Unsafe);
            else if (Action is { Name: "replace", Params.Length: > 0 }) fix = context.ReplaceFix(span, Action.Params[0], FixSafety.Unsafe);
            context.Report(span, new MessageArguments(observed), fix);
        }
    }

    protected override void Run(RuleContext context, ValeBlock block, object? state)
    {
        foreach (var m in Matches(_pattern, block.Text))
        {
            if (m.Length == 0) continue;
            string observed = m.Value.Trim();
            if (IsMatch(_except, observed) || WithinPhrase(_phrases, block.Text, m.Index, m.Index + m.Length)) continue;
            CodeFix? fix = null;
            if (Action is { Name: "remove" }) fix = ReplaceFix(context, block, m.Index, m.Index + m.Length, "");
            else if (Action is { Name: "replace", Params.Length: > 0 }) fix = ReplaceFix(context, block, m.Index, m.Index + m.Length, Action.Params[0]);
            Alert(context, block, m.Index, m.Index + m.Length, new MessageArguments(m.Value), fix);
        }
    }
}

/// <summary>Vale's <c>substitution</c>: each key of <c>swap</c> (a pattern) is reported with its replacement.</summary>
public sealed class ValeSubstitutionRule : ValeRule
{
    private readonly Regex _pattern;
    private readonly ImmutableArray<(string Key, string Replacement, Regex? Own)> _swaps;
    private readonly Regex? _except;
    private readonly bool _ignoreCase;
    private readonly bool _capitalize;

    public ValeSubstitutionRule(RuleDescriptor d, ValeScope scope, ValeAction? action, Regex pattern, ImmutableArray<(string, string, Regex?)> swaps,
        Regex? except, bool ignoreCase, bool capitalize) : base(d, scope, action)
    {
        _pattern = pattern;
        _swaps = swaps;
        _except = except;
        _ignoreCase = ignoreCase;
        _capitalize = capitalize;
        Prefilter = pattern;
    }

    protected override void Run(RuleContext context, ValeBlock block, object? state)
    {
        foreach (var m in Matches(_pattern, block.Text))
        {
            int which = -1;
            for (int i = 0; i < _swaps.Length; i++)
                if (m.Groups["v" + i].Success) { which = i; break; }
            if (which < 0) continue;
            var g = m.Groups["v" + which];
            if (g.Length == 0) continue;
            string observed = g.Value.Trim();
            var (_, replacement, own) = _swaps[which];
            string expected = replacement;
            if (own is not null && expected.Contains('$'))
            {
                var inner = own.Match(g.Value);
                if (inner.Success) expected = inner.Result(expected);
            }
            if (MatchToken(expected, observed) || IsMatch(_except, observed)) continue;
            var options = expected.Split('|');
            if (_capitalize && observed.Length > 0 && char.IsUpper(observed[0]))
                options = options.Select(o => o.Length > 0 ? char.ToUpperInvariant(o[0]) + o[1..] : o).ToArray();
            string shown = expected.Length == 0 ? "" : Action is { Name: "replace", Params.Length: 0 } ? ToSentence(options) : string.Join("|", options);
            CodeFix? fix = null;
            if (Action is { Name: "replace" } || Action is null)
            {
                string first = Action is { Params.Length: > 0 } ? Action.Params[0] : options[0];
                if (!first.Contains('\\')) fix = ReplaceFix(context, block, g.Index, g.Index + g.Length, first);
            }
            Alert(context, block, g.Index, g.Index + g.Length, new MessageArguments(g.Value).With("replacement", shown), fix);
        }
    }

    /// <summary>Vale's matchToken: a phrase compares exactly; a pattern must match the whole observed text.</summary>
    private static bool MatchToken(string expected, string observed)
    {
        if (IsPhrase(expected)) return expected == observed;
        try
        {
            // Case-sensitive even for an ignorecase rule: 'mpl 2.0' is reported for 'MPL 2.0', as Vale does.
            return Regex.IsMatch(observed, "^(?:" + ValeRegex.Translate(expected) + ")$", RegexOptions.CultureInvariant, RegexFactory.MatchTimeout);
        }
        catch (ArgumentException)
        {
            return expected == observed;
        }
    }

    public static bool IsPhrase(string s)
    {
        foreach (char c in s)
            if (!char.IsLetter(c) && c != ' ' && !char.IsDigit(c) && c != '-') return false;
        return true;
    }

    /// <summary>Vale's ToSentence: 'a', 'a' or 'b', 'a', 'b', or 'c'.</summary>
    public static string ToSentence(IReadOnlyList<string> words)
    {
        if (words.Count == 1) return $"'{words[0]}'";
        if (words.Count == 2) return $"'{words[0]}' or '{words[1]}'";
        var quoted = words.Select(w => $"'{w}'").ToList();
        quoted[^1] = "or " + quoted[^1];
        return string.Join(", ", quoted);
    }
}

/// <summary>Vale's <c>occurrence</c>: the number of matches of <c>token</c> in each block against <c>max</c>/<c>min</c>.</summary>
public sealed class ValeOccurrenceRule : ValeRule
{
    private readonly Regex _pattern;
    private readonly int _max, _min;

    public ValeOccurrenceRule(RuleDescriptor d, ValeScope scope, ValeAction? action, Regex pattern, int max, int min) : base(d, scope, action)
    {
        _pattern = pattern;
        _max = max;
        _min = min;
    }

    protected override void Run(RuleContext context, ValeBlock block, object? state)
    {
        var matches = Matches(_pattern, block.Text).ToList();
        int n = matches.Count;
        if (!((_max > 0 && n > _max) || (_min > 0 && n < _min))) return;
        var arguments = new MessageArguments("").With("count", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (n == 0)
        {
            // Nothing to point at: Vale reports the rule at the start of the file.
            context.Report(new TextSpan(0, 0), arguments);
            return;
        }
        var first = matches[0];
        Alert(context, block, first.Index, first.Index + first.Length, arguments);
    }
}

/// <summary>Vale's <c>repetition</c>: the same token twice in a row (<c>max</c> repeats allowed).</summary>
public sealed class ValeRepetitionRule : ValeRule
{
    private readonly Regex _pattern;
    private readonly Regex? _except;
    private readonly int _max;
    private readonly bool _ignoreCase, _alpha;

    public ValeRepetitionRule(RuleDescriptor d, ValeScope scope, ValeAction? action, Regex pattern, Regex? except, int max, bool ignoreCase, bool alpha) : base(d, scope, action)
    {
        _pattern = pattern;
        _except = except;
        _max = max;
        _ignoreCase = ignoreCase;
        _alpha = alpha;
    }

    protected override void Run(RuleContext context, ValeBlock block, object? state)
    {
        string prev = "";
        int count = 0;
        Match? previous = null;
        foreach (var m in Matches(_pattern, block.Text))
        {
            string curr = m.Value.Trim();
            bool hit = curr.Length > 0 && (_ignoreCase ? string.Equals(curr, prev, StringComparison.OrdinalIgnoreCase) : curr == prev);
            hit = hit && (!_alpha || curr.All(char.IsLetter));
            if (hit) count++;
            if (hit && count > _max && previous is not null)
            {
                int start = previous.Index, end = m.Index + m.Length;
                string between = block.Text[start..end];
                if (!HasSentenceBreak(between) && !IsMatch(_except, between))
                {
                    CodeFix? fix = ReplaceFix(context, block, start, end, previous.Value);
                    Alert(context, block, start, end, new MessageArguments(curr), fix);
                    count = 0;
                }
            }
            previous = m;
            prev = curr;
        }
    }

    private static bool HasSentenceBreak(string s)
    {
        for (int i = 0; i + 1 < s.Length; i++)
            if (s[i] is '.' or '!' or '?' && char.IsWhiteSpace(s[i + 1])) return true;
        return false;
    }
}

/// <summary>Vale's <c>consistency</c>: each pair of <c>either</c> may not both appear in a file.</summary>
public sealed class ValeConsistencyRule : ValeRule
{
    private readonly ImmutableArray<Regex> _steps;

    public ValeConsistencyRule(RuleDescriptor d, ValeScope scope, ValeAction? action, ImmutableArray<Regex> steps) : base(d, scope, action) => _steps = steps;

    protected override object? NewFileState() => new HashSet<string>(StringComparer.Ordinal);

    protected override void Run(RuleContext context, ValeBlock block, object? state)
    {
        var seen = (HashSet<string>)state!;
        for (int s = 0; s < _steps.Length; s++)
        {
            var matches = Matches(_steps[s], block.Text).ToList();
            (int Start, int End)? loc = null;
            foreach (var m in matches)
            {
                foreach (string side in new[] { "a", "b" })
                {
                    var g = m.Groups[side];
                    if (!g.Success) continue;
                    seen.Add(s + side);
                    loc = (g.Index, g.Index + g.Length);
                }
            }
            if (matches.Count > 0 && seen.Contains(s + "a") && seen.Contains(s + "b") && loc is { } l)
                Alert(context, block, l.Start, l.End, new MessageArguments(block.Text[l.Start..l.End]));
        }
    }
}

/// <summary>Vale's <c>conditional</c>: a match of <c>first</c> needs <c>second</c> (e.g. an acronym its definition).</summary>
public sealed class ValeConditionalRule : ValeRule
{
    private readonly Regex _first, _second;
    private readonly bool _secondHasGroup;
    private readonly Regex? _except;

    public ValeConditionalRule(RuleDescriptor d, ValeScope scope, ValeAction? action, Regex first, Regex second, bool secondHasGroup, Regex? except) : base(d, scope, action)
    {
        _first = first;
        _second = second;
        Prefilter = first;
        _secondHasGroup = secondHasGroup;
        _except = except;
    }

    protected override object? NewFileState() => new HashSet<string>(StringComparer.Ordinal);

    protected override void Run(RuleContext context, ValeBlock block, object? state)
    {
        var defined = (HashSet<string>)state!;
        string txt = block.Text;
        if (!_secondHasGroup)
        {
            if (IsMatch(_second, txt)) return;
            foreach (var m in Matches(_first, txt))
                if (m.Length > 0 && !IsMatch(_except, m.Value)) Alert(context, block, m.Index, m.Index + m.Length, new MessageArguments(m.Value));
            return;
        }
        foreach (var m in Matches(_second, txt))
            for (int g = 1; g < m.Groups.Count; g++)
                if (m.Groups[g].Success && m.Groups[g].Length > 0) defined.Add(m.Groups[g].Value);
        foreach (var m in Matches(_first, txt))
        {
            if (m.Length == 0 || defined.Contains(m.Value) || IsMatch(_except, m.Value)) continue;
            Alert(context, block, m.Index, m.Index + m.Length, new MessageArguments(m.Value));
        }
    }
}

/// <summary>Vale's <c>capitalization</c>: each block (usually a heading) against $title, $sentence, $lower, $upper or a pattern.</summary>
public sealed class ValeCapitalizationRule : ValeRule
{
    private readonly Func<string, bool> _check;

    public ValeCapitalizationRule(RuleDescriptor d, ValeScope scope, ValeAction? action, Func<string, bool> check) : base(d, scope, action) => _check = check;

    protected override void Run(RuleContext context, ValeBlock block, object? state)
    {
        string text = block.Text;
        if (_check(text)) return;
        Alert(context, block, 0, text.Length, new MessageArguments(text));
    }
}
