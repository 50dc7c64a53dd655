using System.Text.RegularExpressions;
using TextLint.Text;

namespace TextLint.Matching;

/// <summary>
/// Runs a rule's regex over a region of a text: the one way rules match patterns, so that the cost and the
/// result of a pattern never depend on the machine.
/// <list type="bullet">
/// <item>A pattern on the linear-time engine (<see cref="RegexFactory"/>) runs over the region in one pass.</item>
/// <item>A pattern that needs backtracking runs over a long region in windows of <see cref="Window"/>
/// characters that overlap by <see cref="Margin"/>: each match attempt sees at least <see cref="Margin"/>
/// characters on either side, and the matches are those of one pass over the whole region as long as no
/// lookaround or match needs more. A match that reaches into the last half-margin of its window (one over
/// half a margin long) might have been cut by the window: that is a <see cref="RuleCutOffException"/>, an
/// error for the file, never a silently different finding. Work is bounded per window, so a long text
/// costs windows, not the square of its length.</item>
/// </list>
/// Match timeouts (only backtracking patterns have one) become <see cref="RuleTimeoutException"/>.
/// </summary>
public static class PatternRunner
{
    /// <summary>Characters a backtracking pattern sees at once in a long region.</summary>
    public const int Window = 8192;

    /// <summary>Characters of context a backtracking pattern is guaranteed on either side of a match attempt.</summary>
    public const int Margin = 1024;

    [ThreadStatic] private static long t_evaluations;
    [ThreadStatic] private static long t_characters;

    /// <summary>
    /// Pattern evaluations (one per call) and characters handed to the regex engine on this thread since
    /// <see cref="ResetWork"/>: tests count work with it (a context pattern runs once per unit, not once per
    /// match), deterministically, where a timed test could only guess.
    /// </summary>
    public static (long Evaluations, long Characters) Work => (t_evaluations, t_characters);

    public static void ResetWork() => (t_evaluations, t_characters) = (0, 0);

    /// <summary>The matches in the whole text: on the precompiled regex where its cost there is bounded (<see cref="LazyRegex.PrecompiledFor"/>), else on <see cref="LazyRegex.Value"/>.</summary>
    public static IEnumerable<TextSpan> Matches(LazyRegex regex, string text) => MatchesIn(regex.For(text.Length), text, new TextSpan(0, text.Length));

    public static IEnumerable<TextSpan> Matches(Regex regex, string text) => MatchesIn(regex, text, new TextSpan(0, text.Length));

    /// <summary>The matches inside <paramref name="region"/>, with offsets in the whole text.</summary>
    /// <remarks>
    /// As for <see cref="IsMatch(LazyRegex, string, TextSpan)"/>, a pattern whose scan of this region is
    /// bounded small runs on the interpreter until it has scanned its allowance (<see cref="LazyRegex.InterpreterFor"/>):
    /// the matches are the same, as both engines report the leftmost match and the linear-time engine the
    /// one backtracking would find there (tests check the two on every bundled pattern that runs here).
    /// </remarks>
    public static List<TextSpan> MatchesIn(LazyRegex regex, string text, TextSpan region) =>
        MatchesIn(regex.InterpreterFor(region.Length) ?? regex.Value, text, region);

    /// <summary>The matches inside <paramref name="region"/> of the text (which is all they see), with offsets in the whole text.</summary>
    public static List<TextSpan> MatchesIn(Regex regex, string text, TextSpan region)
    {
        var list = new List<TextSpan>();
        Run(regex, text, region, m => { if (m.Length > 0) list.Add(m); return true; });
        return list;
    }

    /// <summary>
    /// The matches in <paramref name="region"/>, as <see cref="MatchesIn(LazyRegex, string, TextSpan)"/>
    /// gives them, added to <paramref name="into"/>, when every match is known to start at one of
    /// <paramref name="starts"/> (offsets in the whole text, in ascending order; for instance where the
    /// literal pass found one of the pattern's <see cref="LazyRegex.LeadingPhrases"/>). A backtracking
    /// pattern is then tried at those offsets only, anchored there, instead of at every character of the
    /// region: the leftmost match at or after a position is at the first of the offsets where the pattern
    /// matches, and anchored at an offset it matches as it would there in a scan (the same alternatives
    /// in the same order, the same lookbehind context). The linear-time engine, and a region longer than a
    /// <see cref="Window"/>, take the ordinary path.
    /// </summary>
    /// <remarks>
    /// A pattern the linear-time engine runs is tried the same way, on the interpreter, while its cost there
    /// is bounded and it has not used up its allowance (<see cref="LazyRegex.AnchoredTriesFor"/>): a run
    /// on a few articles then never builds its linear-time regex (milliseconds each). The matches are
    /// the same: both engines report the leftmost match, and the linear-time engine the one backtracking
    /// would find there (tests check the two on every bundled pattern this applies to).
    /// </remarks>
    public static void MatchesAt(LazyRegex regex, string text, TextSpan region, ReadOnlySpan<int> starts, List<TextSpan> into)
    {
        if (regex.AnchoredTriesFor(region.Length) is { } cheap)
        {
            TryAt(cheap, text, region, starts, into, regex.Pattern);
            return;
        }
        var main = regex.Value;
        if (RegexFactory.IsLinearTime(main) || region.Length > Window || regex.Anchored is not { } anchored)
        {
            into.AddRange(MatchesIn(main, text, region));
            return;
        }
        TryAt(anchored, text, region, starts, into, regex.Pattern);
    }

    /// <summary>
    /// The matches of <paramref name="anchored"/> (a pattern as <c>\G(?:pattern)</c>) tried at <paramref name="starts"/>
    /// in <paramref name="region"/>, as a scan would find them when every match starts at one of them.
    /// </summary>
    internal static void TryAt(Regex anchored, string text, TextSpan region, ReadOnlySpan<int> starts, List<TextSpan> into, string pattern)
    {
        Count(region.Length);
        var span = text.AsSpan(region.Start, region.Length);
        int pos = 0, tried = -1;
        try
        {
            foreach (int start in starts)
            {
                int at = start - region.Start;
                if (at < pos || at == tried || at > span.Length) continue;
                tried = at;
                foreach (var m in anchored.EnumerateMatches(span, at))
                {
                    if (m.Length > 0) into.Add(new TextSpan(region.Start + m.Index, m.Length));
                    // After an empty match a scan moves on one character, as here.
                    pos = m.Index + Math.Max(m.Length, 1);
                    break;
                }
            }
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new RuleTimeoutException(pattern, ex);
        }
    }

    /// <summary>Whether the regex matches somewhere in the region.</summary>
    /// <remarks>
    /// A pattern whose cost on this region is bounded small (<see cref="BacktrackingCost"/>) is tested on
    /// the interpreter, which is built in microseconds, instead of the linear-time engine, built in
    /// milliseconds, until the pattern has been tested on enough text to pay for building it
    /// (<see cref="LazyRegex.InterpreterFor"/>); the answer is the same.
    /// A pattern that is only a list of words (<see cref="LazyRegex.Words"/>) is answered without a regex, as
    /// the regex would answer on the region alone: whichever engine tests it, such a pattern reads the region
    /// whole (it needs no backtracking, so its regex is a linear-time one, and within a window the others
    /// test the region's span).
    /// </remarks>
    public static bool IsMatch(LazyRegex regex, string text, TextSpan region)
    {
        if (regex.Words is { } words)
        {
            Count(region.Length);
            return words.IsMatch(text.AsSpan(region.Start, region.Length));
        }
        return IsMatch(regex.InterpreterFor(region.Length) ?? regex.Value, text, region);
    }

    /// <summary>Whether the regex matches somewhere in a short span; on the interpreter where that is cheaper and bounded, or without a regex, as above.</summary>
    public static bool IsMatch(LazyRegex regex, ReadOnlySpan<char> text)
    {
        if (regex.Words is { } words)
        {
            Count(text.Length);
            return words.IsMatch(text);
        }
        return IsMatch(regex.InterpreterFor(text.Length) ?? regex.Value, text);
    }

    public static bool IsMatch(Regex regex, string text, TextSpan region)
    {
        // A span the regex may read whole is one test with nothing to allocate; a longer one, window by window.
        if (RegexFactory.IsLinearTime(regex) || region.Length <= Window) return IsMatch(regex, text.AsSpan(region.Start, region.Length));
        bool found = false;
        Run(regex, text, region, _ => { found = true; return false; });
        return found;
    }

    /// <summary>Whether the regex matches somewhere in a short span (a heading, a line, a window of a few words).</summary>
    public static bool IsMatch(Regex regex, ReadOnlySpan<char> text)
    {
        Count(text.Length);
        try { return regex.IsMatch(text); }
        catch (RegexMatchTimeoutException ex) { throw new RuleTimeoutException(regex.ToString(), ex); }
    }

    /// <summary>Where the first match in a short span starts, or -1.</summary>
    public static int FirstMatchStart(Regex regex, ReadOnlySpan<char> text)
    {
        Count(text.Length);
        try
        {
            foreach (var m in regex.EnumerateMatches(text)) return m.Index;
            return -1;
        }
        catch (RegexMatchTimeoutException ex) { throw new RuleTimeoutException(regex.ToString(), ex); }
    }

    /// <summary>
    /// The matches in the region with their groups: for each, the span and value of group
    /// <paramref name="group"/> where it took part, else of the whole match (Vale's "conditional").
    /// </summary>
    public static List<(TextSpan Span, string Value)> GroupMatchesIn(Regex regex, string text, TextSpan region, int group)
    {
        var list = new List<(TextSpan, string)>();
        foreach (var (start, sub, window) in Windows(regex, text, region))
        {
            Count(sub.Length);
            try
            {
                for (var m = regex.Match(sub, start); m.Success; m = m.NextMatch())
                {
                    int s = window.Start + m.Index;
                    if (!window.Accepts(s, s + m.Length, regex)) break;
                    window.Advance(s, m.Length);
                    var g = group < m.Groups.Count && m.Groups[group].Success ? m.Groups[group] : m;
                    if (g.Length > 0) list.Add((new TextSpan(window.Start + g.Index, g.Length), g.Value));
                }
            }
            catch (RegexMatchTimeoutException ex) { throw new RuleTimeoutException(regex.ToString(), ex); }
        }
        return list;
    }

    private static void Count(int characters)
    {
        t_evaluations++;
        t_characters += characters;
    }

    /// <summary>Calls <paramref name="onMatch"/> for each match in order (offsets in the whole text) until it returns false.</summary>
    private static void Run(Regex regex, string text, TextSpan region, Func<TextSpan, bool> onMatch)
    {
        try
        {
            if (RegexFactory.IsLinearTime(regex) || region.Length <= Window)
            {
                Count(region.Length);
                foreach (var vm in regex.EnumerateMatches(text.AsSpan(region.Start, region.Length)))
                    if (!onMatch(new TextSpan(region.Start + vm.Index, vm.Length))) return;
                return;
            }
            var cursor = new WindowCursor(region);
            while (cursor.Next())
            {
                var span = text.AsSpan(cursor.Start, cursor.End - cursor.Start);
                Count(span.Length);
                foreach (var vm in regex.EnumerateMatches(span, cursor.Position - cursor.Start))
                {
                    int s = cursor.Start + vm.Index;
                    if (!cursor.Accepts(s, s + vm.Length, regex)) break;
                    cursor.Advance(s, vm.Length);
                    if (!onMatch(new TextSpan(s, vm.Length))) return;
                }
            }
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new RuleTimeoutException(regex.ToString(), ex);
        }
    }

    /// <summary>Windows for <see cref="GroupMatchesIn"/>: the start offset in the window's string, the string and the cursor.</summary>
    private static IEnumerable<(int Start, string Sub, WindowCursor Cursor)> Windows(Regex regex, string text, TextSpan region)
    {
        var cursor = new WindowCursor(region, single: RegexFactory.IsLinearTime(regex) || region.Length <= Window);
        while (cursor.Next())
        {
            string sub = cursor.Start == 0 && cursor.End == text.Length ? text : text.Substring(cursor.Start, cursor.End - cursor.Start);
            yield return (cursor.Position - cursor.Start, sub, cursor);
        }
    }

    /// <summary>The windows over a region, and the scan position that carries from one to the next.</summary>
    private sealed class WindowCursor(TextSpan region, bool single = false)
    {
        private bool _started;

        /// <summary>The current window, in offsets of the whole text.</summary>
        public int Start { get; private set; }
        public int End { get; private set; }

        /// <summary>Where the next match attempt starts.</summary>
        public int Position { get; private set; } = region.Start;

        /// <summary>Matches that start at or after this belong to the next window.</summary>
        private int _zoneEnd;

        public bool Next()
        {
            if (single)
            {
                if (_started) return false;
                _started = true;
                (Start, End, _zoneEnd) = (region.Start, region.End, region.End);
                return true;
            }
            if (_started) Position = Math.Max(Position, _zoneEnd);
            _started = true;
            if (Position >= region.End) return false;
            Start = Math.Max(region.Start, Position - Margin);
            End = Math.Min(region.End, Start + Window);
            _zoneEnd = End == region.End ? End : End - Margin;
            return true;
        }

        /// <summary>Whether a match found in the window is this window's; throws when the window may have cut it.</summary>
        public bool Accepts(int start, int end, Regex regex)
        {
            if (start >= _zoneEnd) return false;
            if (End < region.End && end > End - Margin / 2) throw new RuleCutOffException(regex.ToString(), start);
            return true;
        }

        public void Advance(int start, int length) => Position = length == 0 ? start + 1 : start + length;
    }
}

/// <summary>A rule's regex exceeded its match timeout on a document; the engine turns this into an error for the file.</summary>
public sealed class RuleTimeoutException(string pattern, Exception inner)
    : Exception($"The pattern '{pattern}' timed out.", inner)
{
    public string Pattern { get; } = pattern;
}

/// <summary>
/// A pattern that needs backtracking matched more than half a <see cref="PatternRunner.Margin"/> at the
/// edge of its bounded window, so the window may have changed the match: the engine reports an error for
/// the file (deterministic, unlike a timeout).
/// </summary>
public sealed class RuleCutOffException(string pattern, int offset)
    : Exception($"The pattern '{pattern}' needs backtracking and matched more than {PatternRunner.Margin / 2} characters of a long text, past what its bounded window guarantees.")
{
    public string Pattern { get; } = pattern;

    /// <summary>Where the match started, in the document's text.</summary>
    public int Offset { get; } = offset;
}
