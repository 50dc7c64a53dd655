using System.Text.RegularExpressions;

namespace TextLint.Matching;

/// <summary>
/// A table of regexes compiled ahead of time (the .NET regex source generator's code for a pack's
/// patterns): <see cref="RegexFactory"/> takes a regex from it wherever it would otherwise build the same
/// pattern on the backtracking interpreter. The generated code has the interpreter's semantics (the same
/// backtracking, the same case-equivalence tables), runs several times faster and costs nothing to
/// build; under Native AOT, <see cref="RegexOptions.Compiled"/> falls back to the interpreter, so this
/// is the only compiled form there is.
/// </summary>
public interface IPrecompiledPatterns
{
    /// <summary>
    /// The precompiled regex for exactly this pattern text and these options, or null. Its match timeout
    /// must be the one the factory asks for (<see cref="PrecompiledPatterns.Find"/> checks it).
    /// </summary>
    Regex? Find(string pattern, RegexOptions options);
}

/// <summary>
/// Where the engine looks for precompiled regexes (<see cref="IPrecompiledPatterns"/>). Core holds no
/// pack's patterns: the tool registers the bundled pack's table at start-up. A pattern the table does not
/// hold (a house pack, an edited rule) takes the ordinary path, so results never depend on the table,
/// only the cost does.
/// </summary>
public static class PrecompiledPatterns
{
    private static volatile IPrecompiledPatterns? s_table;

    /// <summary>The table in use, or null. Set it before packs load (a pattern already built keeps its regex).</summary>
    public static IPrecompiledPatterns? Table
    {
        get => s_table;
        set => s_table = value;
    }

    /// <summary>
    /// The table's regex for the pattern, when it has one with exactly these options and this match
    /// timeout; else null.
    /// </summary>
    internal static Regex? Find(string pattern, RegexOptions options, TimeSpan timeout)
    {
        if (s_table?.Find(pattern, options) is not { } regex) return null;
        return regex.Options == options && regex.MatchTimeout == timeout ? regex : null;
    }

    /// <summary>
    /// What a precompiled table for a pack should hold, given the (pattern, IgnoreCase) pairs its loading
    /// asked the factory for (<see cref="RegexFactory.Record"/>): each regex the engine may build on the
    /// backtracking engine for them, with the options and timeout it would build it with, in a stable
    /// order. That is the pattern itself when it needs backtracking (its only engine) or when the
    /// interpreter may stand in for its linear-time regex (<see cref="BacktrackingCost"/> bounds it), and
    /// its anchored form <c>\G(?:pattern)</c> when, in addition, its matches start with known phrases
    /// (<see cref="PatternRunner.MatchesAt"/>).
    /// </summary>
    public static IReadOnlyList<PrecompiledPattern> Wanted(IEnumerable<(string Pattern, bool IgnoreCase)> patterns)
    {
        var wanted = new List<PrecompiledPattern>();
        var seen = new HashSet<(string, RegexOptions)>();
        foreach (var (pattern, ignoreCase) in patterns.Distinct().OrderBy(p => p.IgnoreCase).ThenBy(p => p.Pattern, StringComparer.Ordinal))
        {
            if (RegexFactory.TryCreate(pattern, ignoreCase, out _) is not { } regex) continue;
            bool backtracking = !RegexFactory.IsLinearTime(regex);
            bool bounded = LazyRegex.InterpreterCost(pattern).Degree is not null;
            if (!backtracking && !bounded) continue;
            var options = RegexFactory.Options(ignoreCase);
            if (seen.Add((pattern, options))) wanted.Add(new PrecompiledPattern(pattern, options, regex.MatchTimeout == Regex.InfiniteMatchTimeout || !backtracking ? null : regex.MatchTimeout));
            if (RequiredLiterals.Analyze(pattern).Leading is null) continue;
            var anchored = RegexFactory.CreateAnchored(pattern, ignoreCase);
            if (anchored is null) continue;
            if (seen.Add((anchored.ToString(), options)))
                wanted.Add(new PrecompiledPattern(anchored.ToString(), options, anchored.MatchTimeout == Regex.InfiniteMatchTimeout ? null : anchored.MatchTimeout));
        }
        return wanted;
    }
}

/// <summary>One regex a precompiled table holds: its pattern text, options, and match timeout (null: none).</summary>
public sealed record PrecompiledPattern(string Pattern, RegexOptions Options, TimeSpan? Timeout);
