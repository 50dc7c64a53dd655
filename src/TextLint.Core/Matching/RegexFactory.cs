using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace TextLint.Matching;

/// <summary>
/// User patterns come from rule packs written by editors, so a pattern must never be able to hang a run:
/// NonBacktracking (linear time) is used whenever the construct set allows it; patterns that need
/// backtracking features (lookarounds, backreferences, atomic groups) get a match timeout instead.
/// </summary>
public static class RegexFactory
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(500);

    // Building a NonBacktracking regex (its character-class minterms) costs far more than matching a
    // short text with it, and packs repeat patterns (shared source lists, the same caption pattern in
    // several rules). A Regex is immutable and thread-safe, so one instance serves every rule.
    private static readonly ConcurrentDictionary<(string Pattern, bool IgnoreCase), Regex> Cache = new();
    private static readonly ConcurrentDictionary<(string Pattern, bool IgnoreCase), LazyRegex> LazyCache = new();

    private static RegexOptions Options(bool ignoreCase) =>
        RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);

    public static Regex? TryCreate(string pattern, bool ignoreCase, out string? error)
    {
        error = null;
        if (Cache.TryGetValue((pattern, ignoreCase), out var cached)) return cached;
        var created = Create(pattern, ignoreCase, out error);
        return created is null ? null : Cache.GetOrAdd((pattern, ignoreCase), created);
    }

    /// <summary>
    /// A regex that is checked now and built on first use: a run pays for the linear-time engine's
    /// construction only for the patterns its documents actually reach.
    /// </summary>
    public static LazyRegex? TryCreateLazy(string pattern, bool ignoreCase, out string? error)
    {
        error = null;
        if (LazyCache.TryGetValue((pattern, ignoreCase), out var cached)) return cached;
        if (!IsValid(pattern, ignoreCase, out error)) return null;
        return LazyCache.GetOrAdd((pattern, ignoreCase), new LazyRegex(pattern, ignoreCase));
    }

    /// <summary>Parses the pattern (cheaply, with the backtracking parser) to report syntax errors at load time.</summary>
    public static bool IsValid(string pattern, bool ignoreCase, out string? error)
    {
        error = null;
        try
        {
            _ = new Regex(pattern, Options(ignoreCase));
            return true;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private static Regex? Create(string pattern, bool ignoreCase, out string? error)
    {
        var options = Options(ignoreCase);
        error = null;
        if (BacktrackingShape.IsLinear(pattern))
        {
            // No quantified group that nests another unbounded quantifier or an alternation, and no
            // backreference: the interpreter cannot blow up on such a pattern, and it is built in
            // microseconds where the NonBacktracking engine spends tens to hundreds of milliseconds on
            // its character-class minterms (a whole run's start-up, measured: see README, Benchmarks).
            // The match timeout stays as the safety net.
            try
            {
                return new Regex(pattern, options, MatchTimeout);
            }
            catch (ArgumentException ex)
            {
                error = ex.Message;
                return null;
            }
        }
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // falls through to the backtracking engine with a timeout
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
        try
        {
            return new Regex(pattern, options, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    internal static Regex CreateValidated(string pattern, bool ignoreCase) =>
        TryCreate(pattern, ignoreCase, out string? error) ?? throw new InvalidOperationException($"Pattern '{pattern}' failed after validation: {error}");
}

/// <summary>A validated pattern whose regex (NonBacktracking where possible) is built on first use, once, thread-safely.</summary>
public sealed class LazyRegex
{
    private readonly Lazy<Regex> _regex;

    private readonly Lazy<IReadOnlyList<string>?> _requiredPhrases;

    internal LazyRegex(string pattern, bool ignoreCase)
    {
        Pattern = pattern;
        _regex = new Lazy<Regex>(() => RegexFactory.CreateValidated(pattern, ignoreCase), LazyThreadSafetyMode.ExecutionAndPublication);
        _requiredPhrases = new Lazy<IReadOnlyList<string>?>(() => Matching.RequiredLiterals.Of(pattern), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Pattern { get; }

    /// <summary>
    /// Phrases one of which every match holds (<see cref="Matching.RequiredLiterals"/>), or null. Worked
    /// out once per pattern: regexes are shared across rules, and the bundled attribution rules repeat
    /// their source patterns.
    /// </summary>
    public IReadOnlyList<string>? RequiredPhrases => _requiredPhrases.Value;

    public Regex Value => _regex.Value;

    public override string ToString() => Pattern;
}
